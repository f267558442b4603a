/// Why a time given by a user could not be read.
public struct TimeParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, in one sentence.
    public var message: String

    /// Creates an error.
    ///
    /// - Parameter message: what is wrong.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}

extension MediaTime {
    /// Reads a time the way users type one, exactly (no floating point):
    ///
    /// - seconds: `12.5`, `-3`, `+0.040`;
    /// - clock time: `01:02:03.500` or `02:03.5` (`,` works as the decimal mark, as in SRT);
    /// - SMPTE timecode `HH:MM:SS:FF`, whose frames count at `frameRate` (at
    ///   30000/1001 a timecode second is 30 frames, so `00:00:01:00` is 1.001 s);
    /// - drop-frame timecode `HH:MM:SS;FF` at 30000/1001 or 60000/1001.
    ///
    /// - Parameters:
    ///   - text: the time as typed.
    ///   - frameRate: the rate SMPTE frames count at; required for timecode.
    /// - Throws: ``TimeParseError`` saying what is wrong.
    public init(parsingTime text: String, frameRate: FrameRate? = nil) throws(TimeParseError) {
        var bytes = Array(text.utf8)[...]
        var negative = false
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
            negative = sign == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        let fields = bytes.split(omittingEmptySubsequences: false) { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ";") }
        let dropFrame = bytes.contains(UInt8(ascii: ";"))
        guard !bytes.isEmpty, fields.count <= 4, !fields.contains(where: \.isEmpty) else {
            throw TimeParseError("'\(text)' is not a time: give seconds (12.5), HH:MM:SS.mmm or HH:MM:SS:FF")
        }
        let magnitude: MediaTime
        if fields.count == 4 {
            magnitude = try Self.timecode(fields.map { Array($0) }, dropFrame: dropFrame, frameRate: frameRate, text: text)
        } else {
            guard !dropFrame else { throw TimeParseError("'\(text)': ';' only separates the frames of a drop-frame timecode") }
            magnitude = try Self.clockTime(fields.map { Array($0) }, text: text)
        }
        self = negative ? -magnitude : magnitude
    }

    /// `[[HH:]MM:]SS[.fraction]`; fields after the first must be below 60.
    private static func clockTime(_ fields: [[UInt8]], text: String) throws(TimeParseError) -> MediaTime {
        var whole: Int64 = 0
        for (index, field) in fields.dropLast().enumerated() {
            guard let value = integer(field) else { throw TimeParseError("'\(text)' is not a time: '\(String(decoding: field, as: UTF8.self))' is not a number") }
            if index > 0, value >= 60 { throw TimeParseError("'\(text)': minutes must be below 60") }
            whole = whole * 60 + value
        }
        let last = fields[fields.count - 1]
        let mark = last.firstIndex { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }
        let secondsField = mark.map { Array(last[..<$0]) } ?? last
        guard let seconds = integer(secondsField) else { throw TimeParseError("'\(text)' is not a time") }
        if fields.count > 1, seconds >= 60 { throw TimeParseError("'\(text)': seconds must be below 60") }
        var fraction = MediaTime.zero
        if let mark {
            let digits = Array(last[(mark + 1)...])
            guard !digits.isEmpty, digits.count <= 9, let value = integer(digits) else {
                throw TimeParseError("'\(text)': the fraction of a second must be 1 to 9 digits")
            }
            var scale: Int64 = 1
            for _ in digits { scale *= 10 }
            fraction = MediaTime(numerator: value, denominator: scale)
        }
        return MediaTime(seconds: whole * 60 + seconds) + fraction
    }

    /// `HH:MM:SS:FF` or drop-frame `HH:MM:SS;FF`.
    private static func timecode(_ fields: [[UInt8]], dropFrame: Bool, frameRate: FrameRate?, text: String) throws(TimeParseError) -> MediaTime {
        guard let rate = frameRate else { throw TimeParseError("'\(text)' is a timecode; give --fps so its frames can be counted") }
        var values: [Int64] = []
        for field in fields {
            guard let value = integer(field) else { throw TimeParseError("'\(text)' is not a timecode") }
            values.append(value)
        }
        let (hours, minutes, seconds, frames) = (values[0], values[1], values[2], values[3])
        // A timecode second holds the rate rounded up: 30 frames at 30000/1001.
        let nominal = (rate.numerator + rate.denominator - 1) / rate.denominator
        guard minutes < 60, seconds < 60 else { throw TimeParseError("'\(text)': minutes and seconds must be below 60") }
        // Far beyond any recording, and keeps the frame count inside 64 bits at any rate.
        guard hours < 100_000 else { throw TimeParseError("'\(text)': hours must be below 100000") }
        guard frames < nominal else { throw TimeParseError("'\(text)': frames must be below \(nominal) at \(rate) fps") }
        let totalMinutes = hours * 60 + minutes
        var frameNumber = (totalMinutes * 60 + seconds) * nominal + frames
        if dropFrame {
            // Drop-frame skips frame numbers 0 and 1 (0-3 at 59.94) at the start
            // of every minute not divisible by ten, so labels track the clock.
            guard rate == FrameRate(numerator: 30000, denominator: 1001) || rate == FrameRate(numerator: 60000, denominator: 1001) else {
                throw TimeParseError("'\(text)': drop-frame timecode needs --fps 29.97 or 59.94")
            }
            let dropped = nominal / 15
            if seconds == 0, minutes % 10 != 0, frames < dropped {
                throw TimeParseError("'\(text)' does not exist in drop-frame timecode (those frame numbers are skipped)")
            }
            frameNumber -= dropped * (totalMinutes - totalMinutes / 10)
        }
        return rate.time(ofUnit: frameNumber)
    }

    private static func integer(_ digits: [UInt8]) -> Int64? {
        guard !digits.isEmpty, digits.count <= 12 else { return nil }
        var value: Int64 = 0
        for digit in digits {
            guard digit >= 0x30, digit <= 0x39 else { return nil }
            value = value * 10 + Int64(digit - 0x30)
        }
        return value
    }
}
