import Captions
import Foundation
import Testing

/// Markup written to attack the reader rather than to caption a video:
/// entities and resources pointing at the network or at local files, huge
/// attributes and deep nesting. Nothing external is ever loaded and every
/// input gets a result or a clear error; the suite's time limit catches a
/// reader that goes quadratic (a linear one needs seconds here, a quadratic
/// one hours).
@Suite("Hostile markup", .timeLimit(.minutes(1)))
struct HostileMarkupTests {
    static let story = """
        <article><p>The harbour master said the new pontoon would be finished before the summer season begins in May.</p>
        <p>Boat owners have been asked to move their moorings by the end of the month while the work goes on.</p></article>
        """

    // MARK: HTML articles

    @Test func anHTMLPageNeverFetchesEntitiesDTDsOrResourcesFromTheNetwork() throws {
        let trap = try TrapListener()
        let page = """
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "\(trap.url("page.dtd"))" [
              <!ENTITY remote SYSTEM "\(trap.url("entity.txt"))">
              <!ENTITY % parameter SYSTEM "\(trap.url("parameter.dtd"))"> %parameter;
            ]>
            <html><head><link rel="stylesheet" href="\(trap.url("style.css"))">
            <script src="\(trap.url("script.js"))"></script><base href="\(trap.url(""))"></head>
            <body>\(Self.story)<p>&remote;</p>
            <img src="\(trap.url("photo.jpg"))"><iframe src="\(trap.url("frame.html"))"></iframe>
            <xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="\(trap.url("include.xml"))"/>
            </body></html>
            """
        let article = try ArticleReader().read(Array(page.utf8), file: "trap.html")
        #expect(trap.connectionCount() == 0)
        #expect(article.paragraphs.first?.text.hasPrefix("The harbour master said") == true)
    }

    @Test func aHugeHTMLAttributeIsBounded() throws {
        let value = String(repeating: "a", count: 8_000_000)
        let page = "<!DOCTYPE html><html><body><div class=\"\(value)\" data-x=\"\(value)\">" + Self.story + "</div></body></html>"
        let article = try ArticleReader().read(Array(page.utf8), file: "attribute.html")
        #expect(article.paragraphs.count == 2)
    }

    @Test func anHTMLPageOfOneHugeTextNodeIsReadInBoundedTime() throws {
        let sentence = "The tide came in faster than the forecast said it would, and the quay flooded. "
        let page = "<!DOCTYPE html><html><body><article><p>" + String(repeating: sentence, count: 50_000) + "</p></article></body></html>"
        let article = try ArticleReader().read(Array(page.utf8), file: "long.html")
        #expect(article.paragraphs.count == 1)
        #expect(article.paragraphs.first?.text.utf8.count == sentence.utf8.count * 50_000 - 1)
    }

    @Test func anHTMLPageWithAHundredThousandEmptyElementsIsReadInBoundedTime() throws {
        let page = "<!DOCTYPE html><html><body>" + Self.story + String(repeating: "<span></span>", count: 100_000) + "</body></html>"
        let article = try ArticleReader().read(Array(page.utf8), file: "many.html")
        #expect(article.paragraphs.count == 2)
    }

    // MARK: TTML documents

    static let ttmlStart = #"<tt xmlns="http://www.w3.org/ns/ttml" xml:lang="en"><body><div>"#
    static let ttmlEnd = "</div></body></tt>"

    static func readTTML(_ text: String) throws -> ReadResult {
        try readTTML(Array(text.utf8))
    }

    static func readTTML(_ bytes: [UInt8]) throws -> ReadResult {
        try TTMLReader().read(bytes, file: "hostile.ttml")
    }

    /// Expects `body` to throw an `invalidInput` error at `line`, and returns its message.
    static func refusal(line: Int, _ body: () throws -> Void) -> String? {
        do {
            try body()
            Issue.record("expected the document to be refused")
            return nil
        } catch let error as CaptionError {
            #expect(error.kind == .invalidInput)
            #expect(error.location.file == "hostile.ttml")
            #expect(error.location.line == line)
            return error.message
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test func aTTMLDocumentTypeDeclarationIsRefusedSoNoEntityExpandsOrReadsAFile() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("captions-secret-\(UUID().uuidString).txt")
        try Data("TOP-SECRET-MARKER".utf8).write(to: secret)
        defer { try? FileManager.default.removeItem(at: secret) }
        var laughs = #"<!ENTITY l0 "lol">"#
        for level in 1...9 { laughs += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">" }
        let document = """
            <?xml version="1.0"?>
            <!DOCTYPE tt [\(laughs)<!ENTITY secret SYSTEM "\(secret.absoluteString)">]>
            \(Self.ttmlStart)<p begin="1s" end="2s">&l9; &secret;</p>\(Self.ttmlEnd)
            """
        let message = Self.refusal(line: 2) { _ = try Self.readTTML(document) }
        #expect(message?.contains("DOCTYPE") == true)
        #expect(message?.contains("TOP-SECRET-MARKER") == false)
    }

    @Test func aTTMLDocumentNeverFetchesAnythingFromTheNetwork() throws {
        let trap = try TrapListener()
        let withDTD = """
            <?xml version="1.0"?>
            <!DOCTYPE tt SYSTEM "\(trap.url("tt.dtd"))">
            \(Self.ttmlStart)<p begin="1s" end="2s">Hello</p>\(Self.ttmlEnd)
            """
        _ = Self.refusal(line: 2) { _ = try Self.readTTML(withDTD) }
        let withReferences = """
            <?xml version="1.0"?>
            <?xml-stylesheet type="text/xsl" href="\(trap.url("style.xsl"))"?>
            <tt xmlns="http://www.w3.org/ns/ttml" xmlns:xi="http://www.w3.org/2001/XInclude"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                xsi:schemaLocation="http://www.w3.org/ns/ttml \(trap.url("ttml.xsd"))"><body><div>
            <xi:include href="\(trap.url("more.xml"))"/>
            <p begin="1s" end="2s">Hello</p>\(Self.ttmlEnd)
            """
        let result = try Self.readTTML(withReferences)
        #expect(result.document.cues.map(\.plainText) == ["Hello"])
        #expect(trap.connectionCount() == 0)
    }

    @Test func deeplyNestedTTMLSpansAreAClearError() throws {
        let levels = 100_000
        let document = Self.ttmlStart + #"<p begin="1s" end="2s">"# + String(repeating: "<span>", count: levels) + "deep"
            + String(repeating: "</span>", count: levels) + "</p>" + Self.ttmlEnd
        let message = Self.refusal(line: 1) { _ = try Self.readTTML(document) }
        #expect(message?.contains("nested") == true)
    }

    @Test func aHugeTTMLAttributeIsBounded() throws {
        let value = String(repeating: "a", count: 12_000_000)
        let document = Self.ttmlStart + #"<p begin="1s" end="2s" xml:id=""# + value + #"">Hello</p>"# + Self.ttmlEnd
        // libxml2 refuses attribute values over 10 MB (XML_PARSE_HUGE is never set).
        let message = Self.refusal(line: 1) { _ = try Self.readTTML(document) }
        #expect(message?.contains("not well-formed XML") == true)
    }

    @Test func aTTMLParagraphOfOneEnormousTextNodeIsReadWhole() throws {
        let text = String(repeating: "x", count: 4_000_000)
        let result = try Self.readTTML(Self.ttmlStart + #"<p begin="1s" end="2s">"# + text + "</p>" + Self.ttmlEnd)
        #expect(result.document.cues.count == 1)
        #expect(result.document.cues.first?.plainText.utf8.count == 4_000_000)
    }

    @Test func everyOneOfManyTTMLParagraphsIsKept() throws {
        let count = 50_000
        var document = Self.ttmlStart
        for i in 0..<count { document += #"<p begin="\#(i)s" end="\#(i + 1)s">\#(i)</p>"# }
        let result = try Self.readTTML(document + Self.ttmlEnd)
        #expect(result.document.cues.count == count)
        #expect(result.document.cues.last?.plainText == "\(count - 1)")
    }

    @Test func anArrowInTTMLTextIsText() throws {
        let result = try Self.readTTML(Self.ttmlStart + #"<p begin="1s" end="2s">A --&gt; B --> C</p>"# + Self.ttmlEnd)
        #expect(result.document.cues.map(\.plainText) == ["A --> B --> C"])
    }

    @Test(arguments: [
        ([0x00], "Char 0x0 out of allowed range"),
        ([0xFF, 0x20], "not proper UTF-8"),
    ] as [([UInt8], String)])
    func bytesXMLForbidsAreAClearErrorAtTheirPlace(bad: [UInt8], reason: String) throws {
        let head = Array((Self.ttmlStart + #"<p begin="1s" end="2s">ok"#).utf8)
        let message = Self.refusal(line: 1) { _ = try Self.readTTML(head + bad + Array(("</p>" + Self.ttmlEnd).utf8)) }
        #expect(message?.contains(reason) == true)
    }
}
