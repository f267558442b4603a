#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level pieces every part of the WebVTT reader uses.
extension Array where Element == UInt8 {
    /// `bytes[range]` as a string, with U+0000 read as U+FFFD: the WebVTT
    /// parser's first preprocessing step, applied where text is taken out
    /// rather than to a copy of the whole file.
    func webVTTString(_ range: Range<Int>) -> String {
        let hasNull = withUnsafeBufferPointer { buffer in
            UnsafeBufferPointer(rebasing: buffer[range]).contains(0)
        }
        guard hasNull else { return utf8String(range) }
        var copy: [UInt8] = []
        copy.reserveCapacity(range.count + 8)
        for byte in self[range] {
            if byte == 0 { copy.append(contentsOf: [0xEF, 0xBF, 0xBD]) } else { copy.append(byte) }
        }
        return String(decoding: copy, as: UTF8.self)
    }

    /// `true` when `bytes[range]` holds the WebVTT arrow `-->`.
    ///
    /// Every line of a file is searched, so this looks for the rarer `>`
    /// with `memchr` and checks the two bytes before it.
    func containsArrow(in range: Range<Int>) -> Bool {
        guard range.count >= 3 else { return false }
        return withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            var from = range.lowerBound + 2
            while from < range.upperBound {
                guard let found = memchr(base + from, Int32(UInt8(ascii: ">")), range.upperBound - from) else { return false }
                let i = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if buffer[i - 1] == UInt8(ascii: "-"), buffer[i - 2] == UInt8(ascii: "-") { return true }
                from = i + 1
            }
            return false
        }
    }
}

extension Collection where Element == UInt8 {
    /// `true` when the bytes have no ASCII whitespace at either end and none
    /// inside but single spaces: the form the cue text parser gives annotations.
    var hasCollapsedWhitespace: Bool {
        guard let first, !first.isASCIIWhitespace else { return isEmpty }
        var previousWasSpace = false
        for byte in self {
            if byte.isASCIIWhitespace {
                if byte != 0x20 || previousWasSpace { return false }
                previousWasSpace = true
            } else {
                previousWasSpace = false
            }
        }
        return !previousWasSpace
    }

    /// The bytes without ASCII whitespace at either end and with every inner
    /// run of it replaced by one space.
    func collapsingWhitespace() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(count)
        var pendingSpace = false
        for byte in self {
            if byte.isASCIIWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(byte)
            }
        }
        return out
    }
}
