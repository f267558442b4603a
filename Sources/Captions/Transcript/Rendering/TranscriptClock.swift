/// The ways a transcript writes times.
///
/// Shown times count whole seconds, rounded down, so a timestamp never
/// points past the words it stands before; machine-readable times keep the
/// millisecond.
enum TranscriptClock {
    /// `[00:01:12]`: hours, minutes and seconds, for plain text and Markdown.
    static func bracketed(_ time: MediaTime) -> String {
        let (hours, minutes, seconds) = parts(time)
        return "[\(twoDigits(hours)):\(twoDigits(minutes)):\(twoDigits(seconds))]"
    }

    /// `1:12`, or `1:02:03` past the hour: the time shown on an HTML page.
    static func short(_ time: MediaTime) -> String {
        let (hours, minutes, seconds) = parts(time)
        return hours > 0 ? "\(hours):\(twoDigits(minutes)):\(twoDigits(seconds))" : "\(minutes):\(twoDigits(seconds))"
    }

    /// `PT1M12.5S`: an HTML valid duration string, for `<time datetime>`.
    static func duration(_ time: MediaTime) -> String {
        let milliseconds = max(0, time.roundedMilliseconds)
        let hours = milliseconds / 3_600_000
        let minutes = milliseconds / 60_000 % 60
        let seconds = decimal(milliseconds % 60_000)
        var text = "PT"
        if hours > 0 { text += "\(hours)H" }
        if minutes > 0 { text += "\(minutes)M" }
        if seconds != "0" || (hours == 0 && minutes == 0) { text += "\(seconds)S" }
        return text
    }

    /// `72.5`: seconds to the millisecond with no trailing zeros, for a
    /// media-fragment URL (`#t=72.5`).
    static func seconds(_ time: MediaTime) -> String {
        decimal(max(0, time.roundedMilliseconds))
    }

    /// Milliseconds as decimal seconds without trailing zeros (`72500` is `72.5`).
    private static func decimal(_ milliseconds: Int64) -> String {
        let whole = milliseconds / 1000
        var fraction = milliseconds % 1000
        guard fraction > 0 else { return "\(whole)" }
        var digits = 3
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        let padded = String(repeating: "0", count: digits - String(fraction).count) + String(fraction)
        return "\(whole).\(padded)"
    }

    private static func parts(_ time: MediaTime) -> (Int64, Int64, Int64) {
        let total = max(0, time.floor)
        return (total / 3600, total / 60 % 60, total % 60)
    }

    private static func twoDigits(_ value: Int64) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
