import Foundation

/// Runs `captions` on a file and measures what the run cost: wall time and
/// the child's own peak memory.
///
/// The peak is the child's `VmHWM` (high-water resident memory of its own
/// address space) from /proc, sampled until it exits. `ru_maxrss` from
/// `wait4` cannot serve: a child spawned from the test process inherits the
/// test process's high-water mark, tens or hundreds of megabytes. Being a
/// high-water mark, `VmHWM` keeps the peak once reached, so sampling misses
/// only a peak reached in the last instant before the process ends.
struct MeasuredRun {
    /// The exit status, or 128 + the signal that ended the process.
    var status: Int32
    /// Wall-clock seconds.
    var seconds: Double
    /// The child's peak resident memory, in bytes.
    var peakMemory: Int
    /// What the command printed on standard error (standard output is discarded).
    var standardError: String

    /// Runs `captions arguments` with standard input from /dev/null, giving up
    /// (SIGKILL, status 137) after `timeout` seconds.
    static func captions(_ arguments: [String], timeout: Double = 120) throws -> MeasuredRun {
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("captions-stderr-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: errorFile) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([CommandRunner.executable.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let variables: [String] = ["SWIFT_BACKTRACE=enable=no"] + ProcessInfo.processInfo.environment.map { "\($0)=\($1)" }
        let environment = variables.map { strdup($0) } + [nil]
        defer { environment.forEach { free($0) } }
        var pid: pid_t = 0
        let started = Date()
        let spawned = posix_spawn(&pid, CommandRunner.executable.path, &actions, nil, argv, environment)
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }
        var status: Int32 = 0
        var peak = 0
        while true {
            peak = max(peak, highWaterMemory(of: pid))
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if reaped < 0, errno != EINTR { throw POSIXError(.ECHILD) }
            if Date().timeIntervalSince(started) > timeout { kill(pid, SIGKILL) }
            usleep(1_000)
        }
        let seconds = Date().timeIntervalSince(started)
        // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import as macros.
        let exitStatus = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return MeasuredRun(
            status: exitStatus, seconds: seconds, peakMemory: peak,
            standardError: (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "")
    }

    /// The `VmHWM` of a running process in bytes, 0 when it cannot be read.
    private static func highWaterMemory(of pid: pid_t) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return 0 }
        let kilobytes = line.dropFirst("VmHWM:".count).filter(\.isNumber)
        return (Int(String(kilobytes)) ?? 0) * 1024
    }
}
