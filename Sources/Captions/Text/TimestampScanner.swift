/// Reads caption timestamps from UTF-8 bytes: the one timestamp scanner that
/// the SRT and WebVTT readers share.
///
/// ``Mode/webVTT`` follows the WebVTT "collect a WebVTT timestamp" steps:
/// optional hours of two or more digits, two-digit minutes and seconds, a `.`
/// and exactly three fraction digits. ``Mode/lenient`` accepts what real SRT
/// files contain: one or more digits per field, `,` `.` or `:` before the
/// fraction, any number of fraction digits (a decimal fraction, so `,5` is
/// 500 ms) or none.
public struct TimestampScanner: Sendable {
    /// How strictly to read.
    public enum Mode: Sendable {
        /// The WebVTT grammar, exactly.
        case webVTT
        /// Real-world SRT.
        case lenient
    }

    /// The reading mode.
    public var mode: Mode

    /// Creates a scanner.
    public init(mode: Mode) {
        self.mode = mode
    }

    /// Reads a timestamp starting at `index` in `bytes[..<end]`.
    ///
    /// - Returns: the time and the index just after it, or `nil` when the bytes
    ///   there are not a timestamp.
    public func scan(_ bytes: [UInt8], from index: Int, to end: Int) -> (time: MediaTime, next: Int)? {
        bytes.withUnsafeBufferPointer { buffer in
            switch mode {
            case .webVTT: TimestampScanner.scanWebVTT(buffer, from: index, to: end)
            case .lenient: TimestampScanner.scanLenient(buffer, from: index, to: end)
            }
        }
    }

    /// Reads a run of ASCII digits; returns its value (saturating), digit count and end.
    @inline(__always)
    static func digits(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> (value: Int64, count: Int, next: Int) {
        var value: Int64 = 0
        var j = i
        while j < end, b[j] >= 0x30, b[j] <= 0x39 {
            if value < 100_000_000_000 { value = value * 10 + Int64(b[j] - 0x30) }
            j += 1
        }
        return (value, j - i, j)
    }

    static func scanWebVTT(_ b: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> (time: MediaTime, next: Int)? {
        // Steps follow "collect a WebVTT timestamp" in the WebVTT specification.
        var mostSignificantIsHours = false
        let first = digits(b, start, end)
        guard first.count > 0 else { return nil }
        if first.count != 2 || first.value > 59 { mostSignificantIsHours = true }
        var i = first.next
        guard i < end, b[i] == UInt8(ascii: ":") else { return nil }
        i += 1
        let second = digits(b, i, end)
        guard second.count == 2 else { return nil }
        i = second.next
        var hours: Int64 = 0, minutes: Int64, seconds: Int64
        if mostSignificantIsHours || (i < end && b[i] == UInt8(ascii: ":")) {
            guard i < end, b[i] == UInt8(ascii: ":") else { return nil }
            i += 1
            let third = digits(b, i, end)
            guard third.count == 2 else { return nil }
            i = third.next
            hours = first.value
            minutes = second.value
            seconds = third.value
        } else {
            minutes = first.value
            seconds = second.value
        }
        guard i < end, b[i] == UInt8(ascii: ".") else { return nil }
        i += 1
        let fraction = digits(b, i, end)
        guard fraction.count == 3 else { return nil }
        i = fraction.next
        guard minutes <= 59, seconds <= 59 else { return nil }
        let ms = ((hours * 60 + minutes) * 60 + seconds) * 1000 + fraction.value
        return (MediaTime(milliseconds: ms), i)
    }

    static func scanLenient(_ b: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> (time: MediaTime, next: Int)? {
        // Up to three colon-separated integer fields, then an optional fraction
        // after ',', '.' or a fourth ':' (seen in some exporters).
        if let canonical = scanCanonical(b, from: start, to: end) { return canonical }
        // Fields go into a fixed tuple, not an array: this runs twice per cue.
        var fields: (Int64, Int64, Int64) = (0, 0, 0)
        var fieldCount = 0
        var i = start
        let firstField = digits(b, i, end)
        guard firstField.count > 0 else { return nil }
        fields.0 = firstField.value
        fieldCount = 1
        i = firstField.next
        while fieldCount < 3, i + 1 < end, b[i] == UInt8(ascii: ":"), b[i + 1] >= 0x30, b[i + 1] <= 0x39 {
            let field = digits(b, i + 1, end)
            if fieldCount == 1 { fields.1 = field.value } else { fields.2 = field.value }
            fieldCount += 1
            i = field.next
        }
        guard fieldCount >= 2 else { return nil }
        var numerator: Int64 = 0
        var denominator: Int64 = 1
        if i + 1 < end, b[i] == UInt8(ascii: ",") || b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ":"),
           b[i + 1] >= 0x30, b[i + 1] <= 0x39 {
            var j = i + 1
            // Keep at most nine fraction digits (nanoseconds); skip the rest.
            while j < end, b[j] >= 0x30, b[j] <= 0x39 {
                if denominator < 1_000_000_000 {
                    numerator = numerator * 10 + Int64(b[j] - 0x30)
                    denominator *= 10
                }
                j += 1
            }
            i = j
        }
        let (h, m, s) = fieldCount == 3 ? fields : (0, fields.0, fields.1)
        // Fields saturate near 10^12, so only the scaling by the fraction's
        // denominator can overflow; such a time is beyond any media.
        let whole = (h * 60 + m) * 60 + s
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: denominator)
        guard !overflow, scaled <= Int64.max - numerator else { return nil }
        // Three fraction digits, the usual case, take the cheaper millisecond reduction.
        let time = denominator == 1000
            ? MediaTime(milliseconds: scaled + numerator) : MediaTime(numerator: scaled + numerator, denominator: denominator)
        return (time, i)
    }

    /// The `HH:MM:SS,mmm` (or `.mmm`) form nearly every SRT file uses, read
    /// without the general loop; `nil` for any other form, which the general
    /// lenient path then reads to the same result.
    @inline(__always)
    static func scanCanonical(_ b: UnsafeBufferPointer<UInt8>, from i: Int, to end: Int) -> (time: MediaTime, next: Int)? {
        guard i + 12 <= end, b[i + 2] == UInt8(ascii: ":"), b[i + 5] == UInt8(ascii: ":"),
              b[i + 8] == UInt8(ascii: ",") || b[i + 8] == UInt8(ascii: "."),
              i + 12 == end || b[i + 12] &- 0x30 > 9
        else { return nil }
        let hours = digitPair(b, i), minutes = digitPair(b, i + 3), seconds = digitPair(b, i + 6)
        let tens = digitPair(b, i + 9), units = Int64(b[i + 11] &- 0x30)
        guard hours >= 0, minutes >= 0, seconds >= 0, tens >= 0, units <= 9 else { return nil }
        return (MediaTime(milliseconds: ((hours * 60 + minutes) * 60 + seconds) * 1000 + tens * 10 + units), i + 12)
    }

    /// The two-digit number at `i`, or -1 when the two bytes are not digits.
    @inline(__always)
    static func digitPair(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int64 {
        let high = b[i] &- 0x30, low = b[i + 1] &- 0x30
        return high <= 9 && low <= 9 ? Int64(high) * 10 + Int64(low) : -1
    }
}
