/// The line of an SRT block that gives the cue's times,
/// `00:00:01,000 --> 00:00:04,000`, read as leniently as real files need.
///
/// Spaces and tabs may surround the times and the arrow; the arrow is one or
/// more `-` followed by `>` (`-->`, `->`, `- >`); the times are read by
/// ``TimestampScanner`` in its lenient mode. Whatever follows the end time
/// (old `X1:… Y1:…` coordinates, say) after a space is not part of the
/// times and is reported as ``trailing``.
struct SRTTimingLine {
    /// When the cue starts.
    var start: MediaTime
    /// When the cue ends.
    var end: MediaTime
    /// The bytes after the end time, spaces and tabs around them excluded;
    /// empty when there are none.
    var trailing: Range<Int>

    private static let scanner = TimestampScanner(mode: .lenient)

    /// Reads a timing line from `bytes[range]`.
    ///
    /// - Returns: the times, or `nil` when the line is not a timing line.
    init?(_ bytes: [UInt8], _ range: Range<Int>) {
        let end = range.upperBound
        var i = Self.skipSpaces(bytes, range.lowerBound, end)
        // Cheap rejection for cue text: a timing line starts with a digit.
        guard i < end, bytes[i] >= 0x30, bytes[i] <= 0x39 else { return nil }
        guard let startTime = Self.scanner.scan(bytes, from: i, to: end) else { return nil }
        i = Self.skipSpaces(bytes, startTime.next, end)
        guard i < end, bytes[i] == UInt8(ascii: "-") else { return nil }
        while i < end, bytes[i] == UInt8(ascii: "-") { i += 1 }
        i = Self.skipSpaces(bytes, i, end)
        guard i < end, bytes[i] == UInt8(ascii: ">") else { return nil }
        i = Self.skipSpaces(bytes, i + 1, end)
        guard let endTime = Self.scanner.scan(bytes, from: i, to: end) else { return nil }
        // `00:00:0x,000` is a broken time, not `00:00:00` followed by text.
        guard endTime.next == end || Self.isSpace(bytes[endTime.next]) else { return nil }
        let trailingStart = Self.skipSpaces(bytes, endTime.next, end)
        var trailingEnd = end
        while trailingEnd > trailingStart, Self.isSpace(bytes[trailingEnd - 1]) { trailingEnd -= 1 }
        self.start = startTime.time
        self.end = endTime.time
        self.trailing = trailingStart..<trailingEnd
    }

    /// `true` when `bytes[range]` holds `-->`: a line meant as a timing line,
    /// even when ``init(_:_:)`` cannot read its times.
    static func containsArrow(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i + 2 < range.upperBound {
            if bytes[i] == UInt8(ascii: "-"), bytes[i + 1] == UInt8(ascii: "-"), bytes[i + 2] == UInt8(ascii: ">") { return true }
            i += 1
        }
        return false
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    @inline(__always)
    static func skipSpaces(_ bytes: [UInt8], _ index: Int, _ end: Int) -> Int {
        var i = index
        while i < end, isSpace(bytes[i]) { i += 1 }
        return i
    }
}
