import Foundation
import Testing
@testable import Captions

/// Hostile and broken XML: refused with an error that says where. The
/// time limit guards against a reader that expands the entities after all.
@Suite("TTML reader on hostile and broken input", .timeLimit(.minutes(1)))
struct TTMLSecurityTests {
    @Test(arguments: ["billion-laughs.ttml", "xxe.ttml", "external-dtd.ttml"])
    func documentTypeDeclarationsAreRefusedAtOnce(_ name: String) throws {
        let error = try #require(throws: CaptionError.self) { try TTMLSample.fixture(name) }
        // Refused at the declaration itself (line 2), before any entity could expand.
        #expect(error.kind == .invalidInput)
        #expect(error.location.file == name)
        #expect(error.location.line == 2)
        #expect(error.description.hasPrefix("\(name):2:"))
        #expect(error.message.contains("<!DOCTYPE>"))
    }

    @Test func malformedXMLIsAnErrorWithLineAndColumn() throws {
        let text = "<tt xmlns=\"http://www.w3.org/ns/ttml\">\n<body><div><p begin=\"0s\">A</div></body></tt>"
        let error = try #require(throws: CaptionError.self) { try TTMLSample.read(text) }
        #expect(error.kind == .invalidInput)
        #expect(error.location.line == 2)
        #expect(error.location.column > 1)
        #expect(error.message.contains("mismatch"))
    }

    @Test func aRootThatIsNotTTMLIsRefused() throws {
        let error = try #require(throws: CaptionError.self) { try TTMLSample.read("<html><body/></html>") }
        #expect(error.location.line == 1)
        #expect(error.message == "the root element is <html>, not TTML's <tt> in the namespace http://www.w3.org/ns/ttml")
    }

    @Test func emptyInputIsRefused() throws {
        let error = try #require(throws: CaptionError.self) { try TTMLReader().read([], file: "empty.ttml") }
        #expect(error.description == "empty.ttml:1:1: error: the document is empty")
    }

    @Test func deepNestingIsRefusedWithoutRecursing() throws {
        let depth = 5000
        let text = TTMLSample.document(body: "<div><p begin=\"0s\" end=\"1s\">" + String(repeating: "<span>", count: depth) + "deep"
            + String(repeating: "</span>", count: depth) + "</p></div>")
        let error = try #require(throws: CaptionError.self) { try TTMLSample.read(text) }
        #expect(error.kind == .invalidInput)
        #expect(error.message.contains("nested"))
    }

    @Test func nestingWithinTheLimitIsRead() throws {
        let depth = 150
        let document = try TTMLSample.read(body: "<div><p begin=\"0s\" end=\"1s\">" + String(repeating: "<span tts:fontStyle=\"italic\">", count: depth) + "deep"
            + String(repeating: "</span>", count: depth) + "</p></div>")
        #expect(document.cues.map(\.markup) == ["<i>deep</i>"])
    }

    @Test func aHugeUnbrokenTextNodeIsReadWithoutBlowingUp() throws {
        let words = String(repeating: "word ", count: 200_000)
        let document = try TTMLSample.read(body: "<div><p begin=\"0s\" end=\"1s\">\(words)</p></div>")
        #expect(document.cues.count == 1)
        #expect(document.cues[0].plainText.utf8.count == words.utf8.count - 1)
    }

    @Test func namespaceErrorsAreWarningsNotFailures() throws {
        let result = try TTMLSample.read(#"<tt xmlns="http://www.w3.org/ns/ttml"><body><div><p begin="0s" end="1s" tts:color="red">A</p></div></body></tt>"#)
        #expect(result.document.cues.map(\.markup) == ["A"])
        #expect(result.diagnostics.contains { $0.code == "xml" && $0.message.contains("tts") })
    }
}
