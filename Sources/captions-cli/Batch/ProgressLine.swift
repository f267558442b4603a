import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line progress bar on standard error, drawn only when standard error
/// is a terminal, so logs and pipes never receive carriage returns or escape
/// sequences.
struct ProgressLine {
    /// How many files the batch has.
    let total: Int
    /// `false` when standard error is not a terminal: then nothing is drawn.
    let isEnabled: Bool

    /// Whether a bar is on screen now, so a signal handler on another thread
    /// knows whether to clear it.
    private static let isShown = Atomic<Bool>(false)

    private static let clearSequence = "\r\u{1B}[K"

    /// Creates a progress line for `total` files.
    init(total: Int, isEnabled: Bool = isatty(2) == 1) {
        self.total = total
        self.isEnabled = isEnabled
    }

    /// Draws the bar for `done` finished files, `failed` of them failed.
    func draw(done: Int, failed: Int) {
        guard isEnabled else { return }
        StandardError.printUnterminated(Self.clearSequence + Self.render(done: done, total: total, failed: failed))
        Self.isShown.store(true, ordering: .relaxed)
    }

    /// Removes the bar so a line of text can be printed in its place.
    func clear() {
        guard isEnabled else { return }
        Self.clearIfShown()
    }

    /// Removes the bar if one is on screen (safe from any thread).
    static func clearIfShown() {
        if isShown.exchange(false, ordering: .relaxed) { StandardError.printUnterminated(clearSequence) }
    }

    /// The bar's text: `[#########...........] 12/40, 1 failed`.
    ///
    /// - Parameters:
    ///   - done: finished files.
    ///   - total: all files.
    ///   - failed: finished files that failed.
    ///   - width: the number of cells in the bar.
    /// - Returns: the line, without terminator.
    static func render(done: Int, total: Int, failed: Int, width: Int = 30) -> String {
        let filled = total > 0 ? min(width, done * width / total) : width
        var line = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]"
        line += " \(done)/\(total)"
        if failed > 0 { line += ", \(failed) failed" }
        return line
    }
}
