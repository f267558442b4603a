import Foundation
import Testing

@Suite("captions inspect on WebVTT")
struct WebVTTInspectCommandTests {
    private func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func printsCuesRegionsAndStyleSheetsWithVTTCueNames() throws {
        let path = FixtureFiles.fixtures.appendingPathComponent("webvtt/interview.vtt").path
        let result = try CommandRunner.run(["inspect", path])
        #expect(result.status == 0)
        #expect(result.standardError == "\(path):14:99: warning: cue setting 'bogus' ignored: expected NAME:VALUE\n")
        let document = try json(result.standardOutput)
        #expect(document["format"] as? String == "webvtt")
        let cues = try #require(document["cues"] as? [[String: Any]])
        #expect(cues.count == 2)

        let first = cues[0]
        #expect(first["id"] as? String == "intro")
        #expect(first["startTime"] as? Double == 1.25)
        #expect(first["endTime"] as? Double == 4)
        #expect(first["text"] as? String == "<v Reporter>How high did the water get?</v>")
        #expect(first["region"] as? String == "lower")
        #expect(first["line"] as? String == "auto")
        #expect(first["position"] as? String == "auto")
        #expect(first["snapToLines"] as? Bool == true)

        let second = cues[1]
        #expect(second["id"] as? String == "")
        #expect(second["startTime"] as? Double == 4.5)
        #expect(second["endTime"] as? Double == 9.125)
        #expect(second["text"] as? String == "<v.resident Maria Costa>Up to <i>here</i> \u{2014} the &lt;whole&gt; street.</v>")
        #expect(second["vertical"] as? String == "lr")
        #expect(second["line"] as? Double == -3)
        #expect(second["lineAlign"] as? String == "end")
        #expect(second["snapToLines"] as? Bool == true)
        #expect(second["position"] as? Double == 20)
        #expect(second["positionAlign"] as? String == "line-left")
        #expect(second["size"] as? Double == 60)
        #expect(second["align"] as? String == "start")
        #expect(second["region"] is NSNull)

        let regions = try #require(document["regions"] as? [[String: Any]])
        #expect(regions.count == 1)
        #expect(regions[0]["id"] as? String == "lower")
        #expect(regions[0]["width"] as? Double == 80)
        #expect(regions[0]["lines"] as? Double == 2)
        #expect(regions[0]["regionAnchorX"] as? Double == 50)
        #expect(regions[0]["regionAnchorY"] as? Double == 100)
        #expect(regions[0]["viewportAnchorX"] as? Double == 50)
        #expect(regions[0]["viewportAnchorY"] as? Double == 90)
        #expect(regions[0]["scroll"] as? String == "up")
        #expect(document["stylesheets"] as? [String] == ["::cue(v[voice=\"Reporter\"]) { color: yellow }"])
    }

    @Test func badSignatureExits65WithTheLocation() throws {
        let result = try CommandRunner.run(["inspect", "--from", "vtt", "-"], input: Data("WEBVTT-ish\n\n00:01.000 --> 00:02.000\nx\n".utf8))
        #expect(result.status == 65)
        #expect(result.standardError == "-:1:1: error: not a WebVTT file: the first line must be WEBVTT, alone or followed by a space or tab\n")
        #expect(result.standardOutput.isEmpty)
    }

    @Test func lowerCaseSignatureIsABadWebVTTFileNotSRT() throws {
        // Without --from: the timing line alone would make it SRT.
        let result = try CommandRunner.run(["inspect", "-"], input: Data("webvtt\n\n00:00:00.000 --> 00:00:01.000\ntext\n".utf8))
        #expect(result.status == 65)
        #expect(result.standardError.hasPrefix("-:1:1: error: not a WebVTT file"))
    }

    @Test func convertingWebVTTToWebVTTKeepsTheDocument() throws {
        let input = FixtureFiles.fixtures.appendingPathComponent("webvtt/interview.vtt").path
        let directory = try FixtureFiles.temporaryDirectory()
        let output = directory.appendingPathComponent("out.vtt").path
        let converted = try CommandRunner.run(["convert", input, "-o", output])
        #expect(converted.status == 0)
        let before = try CommandRunner.run(["inspect", input])
        let after = try CommandRunner.run(["inspect", output])
        #expect(after.status == 0)
        #expect(after.standardOutput == before.standardOutput)
        #expect(after.standardError.isEmpty)
    }
}
