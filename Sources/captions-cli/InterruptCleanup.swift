import Captions
import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the command does when it is stopped by SIGINT (Ctrl-C) or SIGTERM:
/// remove every temporary output file it is writing, then exit with the
/// shell's status for a death by that signal, 128 + the signal number.
///
/// Outputs are written beside their target and renamed into place
/// (``OutputFile``), so no signal, SIGKILL included, can leave a truncated
/// file at an output's name or touch an input. A caught signal can also
/// clean up the temporary file; SIGKILL cannot be caught and may leave one.
///
/// Why a dispatch signal source and not a `sigaction` handler: cleaning up
/// needs a lock (the registry of temporary files is shared with the threads
/// writing them), memory and `unlink` of many paths. A real signal handler
/// may only call async-signal-safe functions, and taking a lock there
/// deadlocks when the interrupted thread holds it. A dispatch source runs
/// its handler as ordinary code on a dispatch thread, so it can wait for the
/// lock. While it holds the lock no writer can create or rename a file, and
/// ``TemporaryFiles/removeAllBeforeExit()`` keeps the registry closed, so
/// nothing new appears between the cleanup and `_exit`.
enum InterruptCleanup {
    /// Keeps the sources alive for the life of the process.
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    /// Installs the handlers; returns once they are active, so a signal that
    /// arrives after this call is never handled by the default action.
    static func install() {
        let queue = DispatchQueue(label: "captions.interrupt-cleanup")
        let registered = DispatchSemaphore(value: 0)
        for signalNumber in [SIGINT, SIGTERM] {
            // The default action must not also run: on Darwin the source only
            // observes signals, and on Linux libdispatch replaces this with its
            // own forwarding handler when the source is registered.
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler {
                TemporaryFiles.shared.removeAllBeforeExit()
                ProgressLine.clearIfShown()
                // _exit, not exit: atexit handlers and stdio buffers belong to
                // threads that are still running and must not run again here.
                _exit(128 + signalNumber)
            }
            source.setRegistrationHandler { registered.signal() }
            source.resume()
            sources.append(source)
        }
        for _ in sources { registered.wait() }
    }
}
