import Foundation

/// A `captions` process started in the background, so a test can feed it
/// input slowly, watch the files it writes, and signal it.
final class RunningCommand {
    let process = Process()
    private let standardInput = Pipe()
    private let standardError = Pipe()
    private let errorReader: Thread

    /// Starts `captions` with `arguments` and extra `environment` variables.
    init(_ arguments: [String], environment extra: [String: String] = [:], currentDirectory: URL? = nil) throws {
        process.executableURL = CommandRunner.executable
        process.arguments = arguments
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        environment.merge(extra) { $1 }
        process.environment = environment
        process.standardInput = standardInput
        process.standardOutput = FileHandle.nullDevice
        process.standardError = standardError
        let handle = standardError.fileHandleForReading
        nonisolated(unsafe) var sink = Data()
        errorReader = Thread { sink = handle.readDataToEndOfFile() }
        try process.run()
        errorReader.start()
        self.collect = { sink }
    }

    private var collect: () -> Data = { Data() }

    /// Writes bytes to the process's standard input (which stays open).
    func send(_ data: Data) {
        standardInput.fileHandleForWriting.write(data)
    }

    /// `true` once the process catches `signal` (Linux: its bit in `SigCgt` of
    /// /proc/PID/status), that is once `captions` has installed its handlers.
    func catches(_ signal: Int32) -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigCgt:") }),
              let mask = UInt64(line.dropFirst("SigCgt:".count).trimmingCharacters(in: .whitespaces), radix: 16)
        else { return false }
        return mask & (1 << UInt64(signal - 1)) != 0
    }

    /// Sends `signal` to the process.
    func signal(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits for the process to end, giving up (and killing it) after `timeout` seconds.
    ///
    /// - Returns: how it ended and what it printed on standard error.
    func wait(timeout: TimeInterval = 30) -> (reason: Process.TerminationReason, status: Int32, standardError: String) {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        try? standardInput.fileHandleForWriting.close()
        while !errorReader.isFinished { usleep(1000) }
        return (process.terminationReason, process.terminationStatus, String(decoding: collect(), as: UTF8.self))
    }

    /// Waits until `condition` holds, checking every 10 ms for at most `timeout` seconds.
    ///
    /// - Returns: `true` when the condition held in time.
    static func waitUntil(timeout: TimeInterval = 20, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(10_000)
        }
        return condition()
    }
}
