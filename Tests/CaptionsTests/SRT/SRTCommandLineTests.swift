import Foundation
import Testing

@Suite("SRT on the command line: convert and inspect as a user runs them")
struct SRTCommandLineTests {
    static var quirks: URL { FixtureFiles.fixtures.appendingPathComponent("srt/quirks-crlf.srt") }
    static var expectedSRT: String {
        get throws { String(decoding: try FixtureFiles.bytes("srt/quirks-crlf.expected.srt"), as: UTF8.self) }
    }

    @Test func convertToSRTPrintsTheCleanFileAndWarnsOnStandardError() throws {
        let result = try CommandRunner.run(["convert", Self.quirks.path, "--to", "srt"])
        #expect(result.status == 0)
        #expect(result.standardOutput == (try Self.expectedSRT))
        let errors = result.standardError.split(separator: "\n").map(String.init)
        #expect(errors.contains("\(Self.quirks.path):15:1: warning: dropped block 3 (2 lines): it has no timing line"))
        #expect(errors.contains("\(Self.quirks.path):21:1: warning: a new cue starts without a blank line before it"))
        #expect(errors.last == "\(Self.quirks.path): warning: srt cannot carry everything: dropped 1 cue identifiers")
    }

    @Test func convertToWebVTTWritesTheFileWithColoursAsStyleRules() throws {
        let directory = try FixtureFiles.temporaryDirectory()
        let out = directory.appendingPathComponent("clean.vtt")
        let result = try CommandRunner.run(["convert", Self.quirks.path, "-o", out.path])
        #expect(result.status == 0)
        #expect(result.standardOutput.isEmpty)
        let expected = String(decoding: try FixtureFiles.bytes("srt/quirks-crlf.expected.vtt"), as: UTF8.self)
        #expect(try String(contentsOf: out, encoding: .utf8) == expected)
        #expect(expected.hasPrefix("WEBVTT\n\nSTYLE\n::cue(.yellow) { color: #ffff00; }\n"))
        #expect(expected.contains("\n00:00:07.500 --> 00:00:09.050 line:0\n<c.yellow>"))
    }

    @Test func standardInputToStandardOutputAsWebVTT() throws {
        let result = try CommandRunner.run(["convert", "-", "--to", "vtt", "--quiet"], input: try Data(contentsOf: Self.quirks))
        #expect(result.status == 0)
        #expect(result.standardOutput == String(decoding: try FixtureFiles.bytes("srt/quirks-crlf.expected.vtt"), as: UTF8.self))
        #expect(result.standardError.isEmpty)
    }

    @Test func quietConvertPrintsNoWarnings() throws {
        let result = try CommandRunner.run(["convert", Self.quirks.path, "--to", "srt", "--quiet"])
        #expect(result.status == 0)
        #expect(result.standardError.isEmpty)
    }

    @Test func standardInputIsReadAndSniffedAsSRT() throws {
        let input = try Data(contentsOf: Self.quirks)
        for arguments in [["convert", "-", "--to", "srt"], ["convert", "-", "--from", "srt", "--to", "srt", "-o", "-"]] {
            let result = try CommandRunner.run(arguments, input: input)
            #expect(result.status == 0, "\(arguments)")
            #expect(result.standardOutput == (try Self.expectedSRT), "\(arguments)")
            #expect(result.standardError.contains("-:15:1: warning: dropped block 3"), "\(arguments)")
        }
    }

    @Test func existingOutputIsRefusedWith73AndReplacedWithForce() throws {
        let directory = try FixtureFiles.temporaryDirectory()
        let out = directory.appendingPathComponent("clean.srt")
        try Data("keep me".utf8).write(to: out)

        let refused = try CommandRunner.run(["convert", Self.quirks.path, "-o", out.path])
        #expect(refused.status == 73)
        #expect(refused.standardError.contains("\(out.path):1:1: error: \(out.path) exists; use --force to replace it"))
        #expect(try String(contentsOf: out, encoding: .utf8) == "keep me")

        let forced = try CommandRunner.run(["convert", Self.quirks.path, "-o", out.path, "--force"])
        #expect(forced.status == 0)
        #expect(forced.standardOutput.isEmpty)
        #expect(try String(contentsOf: out, encoding: .utf8) == (try Self.expectedSRT))
        // Nothing is left beside the output: it was written to a temporary file and renamed.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["clean.srt"])
    }

    @Test func inspectShowsSRTCuesWithPositionsAndColourClasses() throws {
        let result = try CommandRunner.run(["inspect", Self.quirks.path])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(json["format"] as? String == "srt")
        let cues = try #require(json["cues"] as? [[String: Any]])
        #expect(cues.count == 4)
        let third = cues[2]
        #expect(third["id"] as? String == "")
        #expect(third["startTime"] as? Double == 7.5)
        #expect(third["endTime"] as? Double == 9.05)
        #expect(third["text"] as? String == "<c.yellow>“We’ve lost 30\u{A0}% of our trade,”</c>\nshe told reporters…")
        #expect(third["line"] as? Double == 0)
        #expect(third["snapToLines"] as? Bool == true)
        #expect(third["align"] as? String == "center")
        #expect(cues[3]["startTime"] as? Double == 360_000)
        #expect(cues[3]["text"] as? String == "Late &amp; <b>bold</b>")
    }

    @Test func fileWithoutCuesExits65WithItsLocation() throws {
        let directory = try FixtureFiles.temporaryDirectory()
        let file = directory.appendingPathComponent("notes.srt")
        try Data("\nminutes of the meeting\nno times here\n".utf8).write(to: file)
        let result = try CommandRunner.run(["inspect", file.path])
        #expect(result.status == 65)
        #expect(result.standardError.hasPrefix("\(file.path):2:1: error: no SRT cue found"))
        #expect(result.standardOutput.isEmpty)
    }
}
