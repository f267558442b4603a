import Foundation
import Testing
@testable import Captions

/// `captions check` run as a user runs it, on the fixture files in
/// Fixtures/quality, each of which breaks one rule once.
@Suite("captions check command")
struct CheckCommandTests {
    static var folder: URL { FixtureFiles.fixtures.appendingPathComponent("quality") }

    func check(_ arguments: [String]) throws -> CommandResult {
        try CommandRunner.run(["check"] + arguments, currentDirectory: Self.folder)
    }

    func findings(_ result: CommandResult) throws -> [[String: Any]] {
        let json = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        return try #require(json?["findings"] as? [[String: Any]])
    }

    @Test(arguments: [
        ("max-characters-per-line.srt", ["max-characters-per-line"], Int32(1)),
        ("max-lines.srt", ["max-lines"], 1),
        ("max-reading-speed.srt", ["max-reading-speed"], 0),
        ("min-duration.srt", ["min-duration"], 1),
        ("max-duration.srt", ["max-duration"], 1),
        ("min-gap.srt", ["min-gap"], 1),
        ("overlap.vtt", ["overlap", "overlap"], 1),
        ("empty-cue.vtt", ["empty-cue"], 0),
        ("out-of-order.vtt", ["out-of-order"], 1),
        ("line-break.vtt", ["line-break"], 0),
        ("validation.vtt", ["ignored-setting", "skipped-block"], 0),
        ("overlap.ttml", ["overlap", "overlap"], 1),
        ("bad-time.ttml", ["ttml-time"], 0),
    ])
    func eachFixtureBreaksItsRuleOnly(file: String, rules: [String], status: Int32) throws {
        let result = try check([file, "--profile", "netflix", "--format", "json"])
        #expect(result.status == status, "\(result.standardError)")
        #expect(try findings(result).map { $0["rule"] as? String } == rules)
    }

    @Test(arguments: ["clean.srt", "clean.vtt", "clean.ttml"], ["bbc", "netflix", "dcmp"])
    func cleanFilesPassEveryProfile(file: String, profile: String) throws {
        let result = try check([file, "--profile", profile, "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try findings(result).isEmpty, "\(result.standardOutput)")
    }

    @Test func jsonHasTheContractShape() throws {
        let result = try check(["max-characters-per-line.srt", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(object["profile"] as? String == "netflix")
        let finding = try #require(try findings(result).first)
        #expect(finding["severity"] as? String == "error")
        #expect(finding["rule"] as? String == "max-characters-per-line")
        #expect(finding["cue"] as? Int == 1)
        #expect(finding["start"] as? Double == 1.0)
        #expect(finding["value"] as? Int == 43)
        #expect(finding["limit"] as? Int == 42)
        #expect(finding["message"] as? String == "line 1 has 43 characters; netflix allows 42")
        // Keys in the contract's order, extras after.
        let keys = ["\"severity\"", "\"rule\"", "\"cue\"", "\"start\"", "\"value\"", "\"limit\"", "\"message\""]
        let offsets = keys.compactMap { result.standardOutput.range(of: $0)?.lowerBound }
        #expect(offsets.count == keys.count && offsets == offsets.sorted())
        #expect(result.standardOutput.range(of: "\"profile\"")!.lowerBound < result.standardOutput.range(of: "\"findings\"")!.lowerBound)
    }

    @Test func textReportIsCompilerStyle() throws {
        let result = try check(["max-characters-per-line.srt", "--profile", "netflix"])
        #expect(result.status == 1)
        #expect(result.standardOutput == """
            max-characters-per-line.srt:1:1: error: [max-characters-per-line] cue 1 (00:00:01.000): line 1 has 43 characters; netflix allows 42

            """)
        #expect(result.standardError == "max-characters-per-line.srt: 1 error, 0 warnings, 0 notes (netflix at 24 fps)\n")
    }

    @Test func validationFindingsKeepTheReadersLocation() throws {
        let result = try check(["validation.vtt"])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("validation.vtt:3:31: warning: [ignored-setting] cue setting 'align:middle' ignored"))
        #expect(result.standardOutput.contains("validation.vtt:6:1: warning: [skipped-block] "))
    }

    @Test func profileAndFrameRateAreChosenOnTheCommandLine() throws {
        // A 43-character line is fine for no profile but Netflix's 42... and BBC allows 37.
        let bbc = try check(["max-characters-per-line.srt", "--profile", "bbc", "--format", "json"])
        #expect(try findings(bbc).first?["limit"] as? Int == 37)
        let json = try check(["min-gap.srt", "--fps", "30000/1001", "--format", "json"]).standardOutput
        #expect(json.contains("\"frameRate\": \"30000/1001\""))
        #expect(try check(["min-gap.srt", "--fps", "fast"]).status == 64)
    }

    @Test func unreadableInputExits66AndBadInputExits65() throws {
        #expect(try check(["no-such-file.srt"]).status == 66)
        let bad = try CommandRunner.run(["check", "-"], input: Data("not captions\n".utf8))
        #expect(bad.status == 65)
    }

    // MARK: --fix

    @Test func fixWritesTheFixedFileAndSaysWhatChanged() throws {
        let dir = try FixtureFiles.temporaryDirectory()
        let out = dir.appendingPathComponent("fixed.vtt")
        let result = try check(["fixable.srt", "--fix", "-o", out.path])
        // Only the reading-speed warning of the clipped first cue remains.
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("fixable.srt: fix: clipped 1 overlap: the earlier cue now ends 2 frames before the later one starts\n"))
        #expect(result.standardError.contains("fixable.srt: fix: closed 1 gap to 2 frames: the earlier cue stays up longer\n"))
        #expect(result.standardError.contains("fixable.srt: fix: re-broke the lines of 1 cue\n"))
        #expect(result.standardOutput.contains("[max-reading-speed] cue 1"))
        let fixed = try CaptionDocument.read([UInt8](try Data(contentsOf: out)), file: out.path).document
        #expect(fixed.format == .webvtt)
        // 3 s - 2/24 s = 2.9167 s and 6.25 s - 2/24 s = 6.1667 s, to the millisecond.
        #expect(fixed.cues.map { $0.start.roundedMilliseconds } == [1000, 3000, 6250])
        #expect(fixed.cues.map { $0.end?.roundedMilliseconds } == [2917, 6167, 8000])
        #expect(fixed.cues.map(\.plainText) == [
            "After months of talks,\nthe two sides finally agreed on a deal", "The deal was signed\nat noon.", "Both sides welcomed it.",
        ])
    }

    @Test func fixKeepsAnExistingOutputWithoutForce() throws {
        let dir = try FixtureFiles.temporaryDirectory()
        let out = dir.appendingPathComponent("fixed.srt")
        try Data("keep me".utf8).write(to: out)
        #expect(try check(["fixable.srt", "--fix", "-o", out.path]).status == 73)
        #expect(try String(contentsOf: out, encoding: .utf8) == "keep me")
        #expect(try check(["fixable.srt", "--fix", "-o", out.path, "--force"]).status == 0)
        #expect(try String(contentsOf: out, encoding: .utf8).contains("00:00:02,917"))
    }

    @Test func fixChangesTheInputOnlyInPlace() throws {
        let dir = try FixtureFiles.temporaryDirectory()
        let copy = dir.appendingPathComponent("min-gap.srt")
        try FileManager.default.copyItem(at: Self.folder.appendingPathComponent("min-gap.srt"), to: copy)
        let original = try Data(contentsOf: copy)
        // Without -o the fixed captions go to standard output and the input stays.
        let piped = try check([copy.path, "--fix"])
        #expect(piped.standardOutput.contains(" --> 00:00:02,959"))
        #expect(try Data(contentsOf: copy) == original)
        let inPlace = try check([copy.path, "--fix", "--in-place"])
        #expect(inPlace.status == 0)
        // 3.042 s - 1/12 s = 2.958667 s.
        #expect(try String(contentsOf: copy, encoding: .utf8).contains("00:00:01,000 --> 00:00:02,959"))
        #expect(inPlace.standardError.contains("widened 1 gap to 2 frames: the earlier cue ends sooner"))
        #expect(try check(["-", "--fix", "--in-place"]).status == 64)
    }
}
