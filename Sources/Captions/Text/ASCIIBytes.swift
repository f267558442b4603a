/// Byte classes that the HTML and WebVTT parsing algorithms name, for parsers
/// that read UTF-8 bytes (every byte of a multi-byte sequence is >= 0x80, so
/// none of them is ever mistaken for one of these).
extension UInt8 {
    /// "ASCII whitespace": tab, line feed, form feed, carriage return, space.
    @inline(__always)
    var isASCIIWhitespace: Bool {
        self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0C || self == 0x0D
    }

    /// `0`-`9`.
    @inline(__always)
    var isASCIIDigit: Bool { self >= 0x30 && self <= 0x39 }
}

extension Array where Element == UInt8 {
    /// "Skip whitespace": the offset of the first byte in `index..<end` that
    /// is not ASCII whitespace, or `end`.
    @inline(__always)
    func skippingWhitespace(from index: Int, to end: Int) -> Int {
        var i = index
        while i < end, self[i].isASCIIWhitespace { i += 1 }
        return i
    }

    /// `true` when `bytes[range]` holds `needle` anywhere.
    func contains(_ needle: StaticString, in range: Range<Int>) -> Bool {
        firstIndex(of: needle, in: range) != nil
    }

    /// The offset where `needle` first starts inside `range`, or `nil`.
    func firstIndex(of needle: StaticString, in range: Range<Int>) -> Int? {
        let count = needle.utf8CodeUnitCount
        guard count > 0, range.count >= count else { return nil }
        return withUnsafeBufferPointer { buffer in
            needle.withUTF8Buffer { pattern in
                let first = pattern[0]
                var i = range.lowerBound
                let last = range.upperBound - count
                while i <= last {
                    if buffer[i] == first {
                        var k = 1
                        while k < count, buffer[i + k] == pattern[k] { k += 1 }
                        if k == count { return i }
                    }
                    i += 1
                }
                return nil
            }
        }
    }

    /// `true` when `bytes[range]` begins with `prefix`.
    func hasPrefix(_ prefix: StaticString, in range: Range<Int>) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard range.count >= count else { return false }
        return prefix.withUTF8Buffer { pattern in
            for k in 0..<count where self[range.lowerBound + k] != pattern[k] { return false }
            return true
        }
    }

    /// `true` when `bytes[range]` is exactly `word`.
    func equals(_ word: StaticString, in range: Range<Int>) -> Bool {
        range.count == word.utf8CodeUnitCount && hasPrefix(word, in: range)
    }
}
