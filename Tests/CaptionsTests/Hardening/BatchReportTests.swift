import Foundation
import Testing

/// `captions check` and `captions transcript` over many files, with the
/// same batch runner as `convert`.
@Suite("Batch check and transcript")
struct BatchReportTests {
    /// One short cue shown for two seconds: nothing to report under netflix.
    static let clean = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nGood evening.\n"
    /// No WebVTT signature and no timing line, so nothing reads it.
    static let bad = "WEBVTX\n\nnothing here\n"
    /// An 80-character line shown for a tenth of a second: two error findings under netflix.
    static let tooLong = "WEBVTT\n\n00:00:01.000 --> 00:00:01.100\n" + String(repeating: "far ", count: 20) + "\n"

    @Test func checkReportsEveryFileInInputOrderAndNamesEachFailure() throws {
        let space = try BatchConvertTests.workspace(["a.vtt": Self.clean, "b.vtt": Self.tooLong, "c.vtt": Self.bad])
        let result = try CommandRunner.run(["check", "a.vtt", "b.vtt", "c.vtt"], currentDirectory: space.inputs)
        #expect(result.status == 1)
        let findings = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(findings.count == 3)
        #expect(findings.allSatisfy { $0.hasPrefix("b.vtt:3:1: ") })
        let firstError = try #require(findings.first { $0.contains(": error: ") })
        let errors = result.standardError.split(separator: "\n").map(String.init)
        #expect(errors.suffix(3) == [firstError, errors.first { $0.hasPrefix("c.vtt:1:1: error: not a WebVTT file") } ?? "missing", "1 checked, 2 failed"])
    }

    @Test func checkOfSeveralFilesAsJSONIsOneArrayWithAnEntryPerFile() throws {
        let space = try BatchConvertTests.workspace(["a.vtt": Self.clean, "b.vtt": Self.tooLong, "c.vtt": Self.bad])
        let result = try CommandRunner.run(["check", space.inputs.path, "--format", "json", "--jobs", "3"])
        #expect(result.status == 1)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]])
        #expect(entries.map { ($0["file"] as? String).map { URL(fileURLWithPath: $0).lastPathComponent } } == ["a.vtt", "b.vtt", "c.vtt"])
        #expect((entries[0]["findings"] as? [Any])?.isEmpty == true)
        #expect((entries[1]["findings"] as? [[String: Any]])?.compactMap { $0["rule"] as? String }
            == ["max-characters-per-line", "max-reading-speed", "min-duration"])
        #expect((entries[2]["error"] as? String)?.contains(":1:1: error: not a WebVTT file") == true)
    }

    @Test func checkOfCleanFilesExitsZero() throws {
        let space = try BatchConvertTests.workspace(["a.vtt": Self.clean, "sub/b.vtt": Self.clean])
        let result = try CommandRunner.run(["check", space.inputs.path])
        #expect(result.status == 0)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.hasSuffix("2 checked, 0 failed\n"))
    }

    @Test func checkRefusesToFixOrWriteSeveralFilesAtOnce() throws {
        let space = try BatchConvertTests.workspace(["a.vtt": Self.clean, "b.vtt": Self.clean])
        for extra in [["--fix"], ["-o", "report.txt"], ["--output-dir", "out"]] {
            let result = try CommandRunner.run(["check", "a.vtt", "b.vtt"] + extra, currentDirectory: space.inputs)
            #expect(result.status == 64)
        }
        #expect(BatchConvertTests.listing(space.inputs) == ["a.vtt", "b.vtt"])
    }

    @Test func transcriptWritesOneTranscriptPerInputAsASingleRunWould() throws {
        let space = try BatchConvertTests.workspace(["a.vtt": Self.clean, "b.vtt": Self.tooLong, "notes.vtt": "WEBVTT\n\nNOTE nothing said\n"])
        let result = try CommandRunner.run(["transcript", space.inputs.path, "--format", "markdown", "--lang", "en", "--output-dir", space.outputs.path])
        #expect(result.status == 1)
        #expect(BatchConvertTests.listing(space.outputs) == ["a.md", "b.md"])
        for name in ["a", "b"] {
            let single = try CommandRunner.run(["transcript", space.inputs.appendingPathComponent("\(name).vtt").path, "--format", "markdown", "--lang", "en"])
            #expect(try String(contentsOf: space.outputs.appendingPathComponent("\(name).md"), encoding: .utf8) == single.standardOutput)
        }
        #expect(result.standardError.contains("notes.vtt:1:1: error: no cues to make a transcript of"))
        #expect(result.standardError.hasSuffix("2 transcribed, 1 failed\n"))
    }

    @Test func transcriptRefusesOptionsThatNameOneRecordingInABatch() throws {
        let space = try BatchConvertTests.workspace(["a.vtt": Self.clean])
        let result = try CommandRunner.run(["transcript", space.inputs.path, "--title", "Floods", "--output-dir", space.outputs.path])
        #expect(result.status == 64)
        #expect(BatchConvertTests.listing(space.outputs).isEmpty)
    }
}
