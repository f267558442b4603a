/// Looks for any of up to four ASCII bytes in a buffer, eight bytes at a
/// time: the fast test of "does this cue text need any markup handling?"
/// that the SRT reader and writer run on every cue.
struct ByteFinder: Sendable {
    private let a: UInt64, b: UInt64, c: UInt64, d: UInt64
    private let bytes: (UInt8, UInt8, UInt8, UInt8)

    /// A finder for the given bytes (repeat one to look for fewer than four).
    init(_ first: UInt8, _ second: UInt8, _ third: UInt8, _ fourth: UInt8) {
        let ones: UInt64 = 0x0101_0101_0101_0101
        (a, b, c, d) = (ones &* UInt64(first), ones &* UInt64(second), ones &* UInt64(third), ones &* UInt64(fourth))
        bytes = (first, second, third, fourth)
    }

    /// `true` when `buffer[range]` holds one of the bytes.
    func occurs(in buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        if let base = buffer.baseAddress {
            // A lane equal to a wanted byte is zero after XOR with it, which
            // the classic has-a-zero-byte test finds.
            while i + 8 <= range.upperBound {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if Self.hasZeroByte(word ^ a) || Self.hasZeroByte(word ^ b) || Self.hasZeroByte(word ^ c)
                    || Self.hasZeroByte(word ^ d) { break }
                i += 8
            }
        }
        while i < range.upperBound {
            let byte = buffer[i]
            if byte == bytes.0 || byte == bytes.1 || byte == bytes.2 || byte == bytes.3 { return true }
            i += 1
        }
        return false
    }

    @inline(__always)
    private static func hasZeroByte(_ word: UInt64) -> Bool {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0
    }
}
