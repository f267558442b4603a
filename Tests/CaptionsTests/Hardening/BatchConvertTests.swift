import Foundation
import Testing

/// `captions convert IN... --output-dir DIR`: many files in one run, in
/// parallel, where one bad file does not stop the others.
@Suite("Batch convert")
struct BatchConvertTests {
    static let good = "WEBVTT\n\n00:00:01.000 --> 00:00:02.500\nGood evening.\n\n00:00:03.000 --> 00:00:04.000\nThe floods are receding.\n"
    /// Not WebVTT: the signature is wrong, so a WebVTT reader must refuse it.
    static let bad = "WEBVTX\n\n00:00:01.000 --> 00:00:02.000\nBroken.\n"

    /// A directory `in` holding `files` (relative path to content), and the path of an `out` beside it.
    static func workspace(_ files: [String: String]) throws -> (root: URL, inputs: URL, outputs: URL) {
        let root = try FixtureFiles.temporaryDirectory()
        let inputs = root.appendingPathComponent("in")
        for (path, content) in files {
            let url = inputs.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(content.utf8).write(to: url)
        }
        return (root, inputs, root.appendingPathComponent("out"))
    }

    static func listing(_ directory: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
    }

    /// What single-file `convert` prints for `content`: the batch must write the same bytes.
    static func singleConversion(_ content: String, to format: String) throws -> String {
        let result = try CommandRunner.run(["convert", "-", "--from", "vtt", "--to", format], input: Data(content.utf8))
        #expect(result.status == 0)
        return result.standardOutput
    }

    @Test func oneBadFileAmongGoodOnesIsNamedAndTheOthersAreWritten() throws {
        let space = try Self.workspace(["a.vtt": Self.good, "bad.vtt": Self.bad, "c.vtt": Self.good])
        let result = try CommandRunner.run(["convert", space.inputs.path, "--from", "vtt", "--to", "srt", "--output-dir", space.outputs.path])
        #expect(result.status == 1)
        #expect(Self.listing(space.outputs) == ["a.srt", "c.srt"])
        let expected = try Self.singleConversion(Self.good, to: "srt")
        #expect(expected.contains("00:00:01,000 --> 00:00:02,500"))
        #expect(try String(contentsOf: space.outputs.appendingPathComponent("a.srt"), encoding: .utf8) == expected)
        #expect(try String(contentsOf: space.outputs.appendingPathComponent("c.srt"), encoding: .utf8) == expected)
        let lines = result.standardError.split(separator: "\n").map(String.init)
        let failure = try #require(lines.first { $0.contains("bad.vtt") })
        #expect(failure.hasPrefix(space.inputs.appendingPathComponent("bad.vtt").path + ":1:"))
        #expect(failure.contains(": error: "))
        #expect(lines.last == "2 converted, 1 failed")
    }

    @Test func everyFileConvertedExitsZeroWithASummary() throws {
        let space = try Self.workspace(["one.vtt": Self.good, "two.vtt": Self.good])
        let a = space.inputs.appendingPathComponent("one.vtt").path
        let b = space.inputs.appendingPathComponent("two.vtt").path
        let result = try CommandRunner.run(["convert", a, b, "--to", "ttml", "--output-dir", space.outputs.path, "--jobs", "2"])
        #expect(result.status == 0)
        #expect(Self.listing(space.outputs) == ["one.ttml", "two.ttml"])
        #expect(result.standardError.hasSuffix("2 converted, 0 failed\n"))
        // No progress bar when standard error is not a terminal.
        #expect(!result.standardError.contains("\r"))
        #expect(!result.standardError.contains("\u{1B}"))
    }

    @Test func directoriesAreSearchedRecursivelyForCaptionFilesOnly() throws {
        let space = try Self.workspace([
            "2024/march/storm.vtt": Self.good,
            "2024/notes.txt": "not captions",
            ".drafts/hidden.vtt": Self.good,
            ".hidden.vtt": Self.good,
        ])
        let result = try CommandRunner.run(["convert", space.inputs.path, "--to", "srt", "--output-dir", space.outputs.path])
        #expect(result.status == 0)
        #expect(Self.listing(space.outputs) == ["storm.srt"])
        #expect(result.standardError.hasSuffix("1 converted, 0 failed\n"))
    }

    /// A pipe found in a directory would block the batch for ever; only
    /// regular files (or links to them) are taken from directories.
    @Test func pipesAndLinksToDirectoriesInAnInputDirectoryAreSkipped() throws {
        let space = try Self.workspace(["a.vtt": Self.good])
        #expect(mkfifo(space.inputs.appendingPathComponent("pipe.vtt").path, 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: space.inputs.appendingPathComponent("loop.vtt").path, withDestinationPath: space.inputs.path)
        let elsewhere = space.root.appendingPathComponent("elsewhere.vtt")
        try Data(Self.good.utf8).write(to: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: space.inputs.appendingPathComponent("link.vtt").path, withDestinationPath: elsewhere.path)
        let result = try CommandRunner.run(["convert", space.inputs.path, "--to", "srt", "--output-dir", space.outputs.path])
        #expect(result.status == 0)
        #expect(Self.listing(space.outputs) == ["a.srt", "link.srt"])
    }

    @Test func twoInputsMappingToOneOutputAreRefusedBeforeAnyWork() throws {
        let space = try Self.workspace(["a/report.vtt": Self.good, "b/report.vtt": Self.good, "c/other.vtt": Self.good])
        let result = try CommandRunner.run(["convert", space.inputs.path, "--to", "srt", "--output-dir", space.outputs.path])
        #expect(result.status == 64)
        #expect(result.standardError.contains(space.inputs.appendingPathComponent("a/report.vtt").path))
        #expect(result.standardError.contains(space.inputs.appendingPathComponent("b/report.vtt").path))
        #expect(result.standardError.contains(space.outputs.appendingPathComponent("report.srt").path))
        #expect(Self.listing(space.outputs).isEmpty)
    }

    @Test func theSameFileNamedTwiceIsConvertedOnce() throws {
        let space = try Self.workspace(["a.vtt": Self.good])
        let file = space.inputs.appendingPathComponent("a.vtt").path
        let result = try CommandRunner.run(["convert", file, space.inputs.path, "--to", "srt", "--output-dir", space.outputs.path])
        #expect(result.status == 0)
        #expect(result.standardError.hasSuffix("1 converted, 0 failed\n"))
    }

    @Test func existingOutputsAreKeptWithoutForceAndReplacedWithIt() throws {
        let space = try Self.workspace(["a.vtt": Self.good, "b.vtt": Self.good])
        try FileManager.default.createDirectory(at: space.outputs, withIntermediateDirectories: true)
        let kept = space.outputs.appendingPathComponent("a.srt")
        try Data("hand-corrected, keep me".utf8).write(to: kept)

        let refused = try CommandRunner.run(["convert", space.inputs.path, "--to", "srt", "--output-dir", space.outputs.path])
        #expect(refused.status == 1)
        #expect(try String(contentsOf: kept, encoding: .utf8) == "hand-corrected, keep me")
        #expect(Self.listing(space.outputs) == ["a.srt", "b.srt"])
        #expect(refused.standardError.contains("\(kept.path):1:1: error: \(kept.path) exists; use --force to replace it"))
        #expect(refused.standardError.hasSuffix("1 converted, 1 failed\n"))

        let forced = try CommandRunner.run(["convert", space.inputs.path, "--to", "srt", "--output-dir", space.outputs.path, "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOf: kept, encoding: .utf8) == Self.singleConversion(Self.good, to: "srt"))
    }

    @Test func aMissingInputFailsAloneWithItsName() throws {
        let space = try Self.workspace(["a.vtt": Self.good])
        let missing = space.inputs.appendingPathComponent("gone.vtt").path
        let result = try CommandRunner.run([
            "convert", space.inputs.appendingPathComponent("a.vtt").path, missing, "--to", "srt", "--output-dir", space.outputs.path,
        ])
        #expect(result.status == 1)
        #expect(result.standardError.contains("\(missing):1:1: error: cannot read: No such file or directory"))
        #expect(Self.listing(space.outputs) == ["a.srt"])
    }

    @Test(arguments: [
        (["a.vtt", "b.vtt", "--to", "srt"], "Several inputs need --output-dir"),
        (["a.vtt", "--to", "srt", "-o", "x.srt", "--output-dir", "out"], "not both"),
        (["-", "a.vtt", "--to", "srt", "--output-dir", "out"], "standard input"),
        (["a.vtt", "--to", "srt", "--output-dir", "out", "--jobs", "0"], "--jobs"),
    ])
    func commandLinesThatCannotFormABatchAreUsageErrors(arguments: [String], message: String) throws {
        let space = try Self.workspace(["a.vtt": Self.good, "b.vtt": Self.good])
        let result = try CommandRunner.run(["convert"] + arguments, currentDirectory: space.inputs)
        #expect(result.status == 64)
        #expect(result.standardError.contains(message))
        #expect(Self.listing(space.inputs.appendingPathComponent("out")).isEmpty)
    }

    @Test func aDirectoryWithoutCaptionFilesExits66() throws {
        let space = try Self.workspace(["readme.txt": "nothing here"])
        let result = try CommandRunner.run(["convert", space.inputs.path, "--to", "srt", "--output-dir", space.outputs.path])
        #expect(result.status == 66)
        #expect(result.standardError.contains(space.inputs.path))
    }

    @Test func aProgressBarIsDrawnWhenStandardErrorIsATerminal() throws {
        let space = try Self.workspace(["a.vtt": Self.good, "b.vtt": Self.good, "c.vtt": Self.good])
        let terminal = try PseudoTerminal()
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["convert", space.inputs.path, "--to", "srt", "--output-dir", space.outputs.path, "--jobs", "1"]
        process.environment = ["SWIFT_BACKTRACE": "enable=no"]
        process.standardError = terminal.follower
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = terminal.readAll(closingFollowerAfterStart: process)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.contains("\r\u{1B}[K[" + String(repeating: "#", count: 10) + String(repeating: ".", count: 20) + "] 1/3"))
        #expect(text.contains("\r\u{1B}[K[" + String(repeating: "#", count: 30) + "] 3/3"))
        // The bar is cleared before the summary, which stays on its own line.
        #expect(text.contains("\r\u{1B}[K3 converted, 0 failed"))
    }
}

/// A pseudo-terminal whose follower end a child process writes to, so a test
/// sees what the command draws on a terminal.
struct PseudoTerminal {
    let leader: Int32
    let follower: FileHandle

    init() throws {
        // Glibc's Swift module leaves out the X/Open pseudo-terminal calls; look them up.
        typealias OpenLeader = @convention(c) (Int32) -> Int32
        typealias Prepare = @convention(c) (Int32) -> Int32
        typealias FollowerName = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
        func function<T>(_ name: String, as type: T.Type) throws -> T {
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { throw CocoaError(.featureUnsupported) }
            return unsafeBitCast(symbol, to: type)
        }
        leader = try function("posix_openpt", as: OpenLeader.self)(O_RDWR | O_NOCTTY)
        guard leader >= 0, try function("grantpt", as: Prepare.self)(leader) == 0,
              try function("unlockpt", as: Prepare.self)(leader) == 0,
              let name = try function("ptsname", as: FollowerName.self)(leader)
        else {
            throw CocoaError(.fileReadUnknown)
        }
        let fd = open(name, O_RDWR | O_NOCTTY)
        guard fd >= 0 else { throw CocoaError(.fileReadUnknown) }
        follower = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    /// Reads everything the child writes until it closes the terminal.
    func readAll(closingFollowerAfterStart process: Process) -> String {
        // Once only the child holds the follower, reading the leader ends
        // (EIO) when the child exits.
        try? follower.close()
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(leader, &buffer, buffer.count)
            if n > 0 { data.append(contentsOf: buffer[0..<n]) } else if n < 0, errno == EINTR { continue } else { break }
        }
        close(leader)
        return String(decoding: data, as: UTF8.self)
    }
}
