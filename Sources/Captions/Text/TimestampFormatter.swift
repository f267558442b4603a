/// Writes millisecond timestamps the way SRT (`00:01:02,500`) and WebVTT
/// (`00:01:02.500`) want them; the one formatter both writers share.
public struct TimestampFormatter: Sendable {
    /// The character before the milliseconds: `,` for SRT, `.` for WebVTT.
    public var fractionSeparator: UInt8
    /// Write hours even when zero (SRT always does; WebVTT may omit them).
    public var alwaysIncludeHours: Bool

    /// Creates a formatter.
    public init(fractionSeparator: Character, alwaysIncludeHours: Bool = true) {
        self.fractionSeparator = fractionSeparator.asciiValue ?? UInt8(ascii: ".")
        self.alwaysIncludeHours = alwaysIncludeHours
    }

    /// Appends `time`, rounded to the millisecond and clamped at zero, to `out`.
    ///
    /// Hours take two digits, or as many as they need (three for recordings
    /// past 99 hours).
    public func append(_ time: MediaTime, to out: inout [UInt8]) {
        let ms = max(0, time.roundedMilliseconds)
        let hours = ms / 3_600_000
        let minutes = ms / 60_000 % 60
        let seconds = ms / 1000 % 60
        let millis = ms % 1000
        if alwaysIncludeHours || hours > 0 {
            if hours < 100 {
                appendTwo(hours, to: &out)
            } else {
                appendDecimal(hours, to: &out)
            }
            out.append(UInt8(ascii: ":"))
        }
        appendTwo(minutes, to: &out)
        out.append(UInt8(ascii: ":"))
        appendTwo(seconds, to: &out)
        out.append(fractionSeparator)
        out.append(0x30 + UInt8(millis / 100))
        out.append(0x30 + UInt8(millis / 10 % 10))
        out.append(0x30 + UInt8(millis % 10))
    }

    /// `time` as a string.
    public func string(_ time: MediaTime) -> String {
        var out: [UInt8] = []
        append(time, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always)
    private func appendTwo(_ value: Int64, to out: inout [UInt8]) {
        out.append(0x30 + UInt8(value / 10))
        out.append(0x30 + UInt8(value % 10))
    }

    private func appendDecimal(_ value: Int64, to out: inout [UInt8]) {
        if value >= 10 { appendDecimal(value / 10, to: &out) }
        out.append(0x30 + UInt8(value % 10))
    }
}
