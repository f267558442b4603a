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
        // Writers call this twice per cue: the text is put together in a
        // small buffer on the stack and appended at once, rather than byte
        // by byte with a capacity check each.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
            var count = 0
            func put(_ byte: UInt8) {
                buffer[count] = byte
                count += 1
            }
            func putTwoDigits(_ value: Int64) {
                put(0x30 + UInt8(value / 10))
                put(0x30 + UInt8(value % 10))
            }
            if alwaysIncludeHours || hours > 0 {
                if hours < 100 {
                    putTwoDigits(hours)
                } else {
                    let digits = String(hours).utf8
                    for digit in digits { put(digit) }
                }
                put(UInt8(ascii: ":"))
            }
            putTwoDigits(ms / 60_000 % 60)
            put(UInt8(ascii: ":"))
            putTwoDigits(ms / 1000 % 60)
            put(fractionSeparator)
            let millis = ms % 1000
            put(0x30 + UInt8(millis / 100))
            putTwoDigits(millis % 100)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// `time` as a string.
    public func string(_ time: MediaTime) -> String {
        var out: [UInt8] = []
        append(time, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
