import Foundation
import Testing

/// A command stopped in the middle of writing leaves nothing half-written:
/// no truncated output at its final name, no temporary file (when the signal
/// can be caught), and the previous output or input untouched.
///
/// `CAPTIONS_TEST_STALL_WRITE` makes every write pause with half its bytes in
/// the temporary file, so the signal reliably arrives mid-write.
@Suite("Interrupted writes", .serialized)
struct InterruptedWriteTests {
    /// An SRT file of `count` cues, as a subtitle editor writes it.
    static func srt(cues count: Int) -> Data {
        var text = ""
        for i in 0..<count {
            let start = i * 2
            text += "\(i + 1)\n00:\(String(format: "%02d:%02d", start / 60 % 60, start % 60)),000 --> 00:\(String(format: "%02d:%02d", (start + 1) / 60 % 60, (start + 1) % 60)),500\nLine number \(i + 1)\n\n"
        }
        return Data(text.utf8)
    }

    /// The names in `directory`, hidden ones included, sorted.
    static func listing(_ directory: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
    }

    /// `true` once a non-empty temporary file for `name` exists in `directory`.
    static func hasPartialTemporary(for name: String, in directory: URL) -> Bool {
        listing(directory).contains { entry in
            guard entry.hasPrefix(".\(name).tmp-") else { return false }
            let size = (try? FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(entry).path)[.size] as? Int) ?? 0
            return size > 0
        }
    }

    /// Starts `captions` with every write stalled halfway, and returns once
    /// the temporary file of each of `names` in `directory` is half-written.
    static func startStalledWrite(_ arguments: [String], writing names: [String], in directory: URL) throws -> RunningCommand {
        let command = try RunningCommand(arguments, environment: ["CAPTIONS_TEST_STALL_WRITE": "60"])
        #expect(RunningCommand.waitUntil { names.allSatisfy { hasPartialTemporary(for: $0, in: directory) } })
        return command
    }

    @Test func sigtermInTheMiddleOfAWriteLeavesNoTemporaryFileAndNoOutput() throws {
        let dir = try FixtureFiles.temporaryDirectory()
        let input = dir.appendingPathComponent("news.srt")
        let original = Self.srt(cues: 500)
        try original.write(to: input)
        let command = try Self.startStalledWrite(["convert", input.path, "-o", dir.appendingPathComponent("news.vtt").path],
                                                 writing: ["news.vtt"], in: dir)
        command.signal(SIGTERM)
        let end = command.wait()
        #expect(end.reason == .exit)
        #expect(end.status == 128 + SIGTERM)
        #expect(Self.listing(dir) == ["news.srt"])
        #expect(try Data(contentsOf: input) == original)
    }

    @Test func sigintInTheMiddleOfAForcedWriteKeepsThePreviousOutput() throws {
        let dir = try FixtureFiles.temporaryDirectory()
        let input = dir.appendingPathComponent("news.srt")
        let output = dir.appendingPathComponent("news.vtt")
        try Self.srt(cues: 500).write(to: input)
        try Data("WEBVTT\n\nthe previous version\n".utf8).write(to: output)
        let command = try Self.startStalledWrite(["convert", input.path, "-o", output.path, "--force"], writing: ["news.vtt"], in: dir)
        command.signal(SIGINT)
        let end = command.wait()
        #expect(end.reason == .exit)
        #expect(end.status == 128 + SIGINT)
        #expect(Self.listing(dir) == ["news.srt", "news.vtt"])
        #expect(try String(contentsOf: output, encoding: .utf8) == "WEBVTT\n\nthe previous version\n")
    }

    @Test func sigkillInTheMiddleOfAWriteNeverLeavesATruncatedOutput() throws {
        let dir = try FixtureFiles.temporaryDirectory()
        let input = dir.appendingPathComponent("news.srt")
        try Self.srt(cues: 500).write(to: input)
        let command = try Self.startStalledWrite(["convert", input.path, "-o", dir.appendingPathComponent("news.vtt").path],
                                                 writing: ["news.vtt"], in: dir)
        command.signal(SIGKILL)
        let end = command.wait()
        #expect(end.reason == .uncaughtSignal)
        // SIGKILL cannot be caught, so the half-written temporary file stays,
        // hidden; the output's own name was never written.
        #expect(!Self.listing(dir).contains("news.vtt"))
        #expect(Self.listing(dir).contains { $0.hasPrefix(".news.vtt.tmp-") })
    }

    @Test func sigtermWhileWaitingForStandardInputExits143AndWritesNothing() throws {
        let dir = try FixtureFiles.temporaryDirectory()
        let command = try RunningCommand(["convert", "-", "--from", "srt", "-o", dir.appendingPathComponent("live.vtt").path])
        command.send(Self.srt(cues: 3))
        #expect(RunningCommand.waitUntil { command.catches(SIGTERM) })
        command.signal(SIGTERM)
        let end = command.wait()
        #expect(end.reason == .exit)
        #expect(end.status == 128 + SIGTERM)
        #expect(Self.listing(dir).isEmpty)
    }

    @Test func sigtermDuringABatchRemovesEveryTemporaryFileAndKeepsFinishedOutputsWhole() throws {
        let dir = try FixtureFiles.temporaryDirectory()
        let inputs = dir.appendingPathComponent("in")
        let outputs = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
        for name in ["a", "b", "c", "d"] {
            try Self.srt(cues: 200).write(to: inputs.appendingPathComponent("\(name).srt"))
        }
        // Two files are in the middle of their writes at once.
        let command = try Self.startStalledWrite(["convert", inputs.path, "--to", "vtt", "--output-dir", outputs.path, "--jobs", "2"],
                                                 writing: ["a.vtt", "b.vtt"], in: outputs)
        command.signal(SIGTERM)
        let end = command.wait()
        #expect(end.status == 128 + SIGTERM)
        #expect(Self.listing(outputs).isEmpty)
    }
}
