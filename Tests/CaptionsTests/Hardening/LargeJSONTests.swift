import Captions
import Foundation
import Testing

/// The `inspect` JSON of a large document is written one cue at a time, as
/// bytes; it must be the very text the JSON tree gives.
@Suite("Large JSON output")
struct LargeJSONTests {
    static func document(from file: String) throws -> CaptionDocument {
        let bytes = [UInt8](try Data(contentsOf: FixtureFiles.samples.appendingPathComponent(file)))
        return try CaptionDocument.read(bytes, file: file).document
    }

    @Test(arguments: ["port-ellery-floods.vtt", "port-ellery-floods.srt"])
    func streamedInspectJSONIsTheTreesText(_ file: String) throws {
        let document = try Self.document(from: file)
        #expect(!document.cues.isEmpty)
        #expect(document.inspectJSONBytes == Array(document.inspectJSON.serialized().utf8))
    }

    @Test func streamedInspectJSONOfAnEmptyDocumentIsTheTreesText() {
        let document = CaptionDocument(format: .srt)
        #expect(String(decoding: document.inspectJSONBytes, as: UTF8.self)
            == "{\n  \"format\": \"srt\",\n  \"cues\": [],\n  \"regions\": [],\n  \"stylesheets\": []\n}")
    }

    @Test func aNestedValueIsIndentedForItsDepth() {
        let value: JSONValue = .object([("a", .array([1, 2]))])
        #expect(value.serialized(indentLevel: 0) == value.serialized())
        #expect(value.serialized(indentLevel: 2) == "{\n      \"a\": [\n        1,\n        2\n      ]\n    }")
    }
}
