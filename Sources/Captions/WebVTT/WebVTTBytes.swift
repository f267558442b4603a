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
    @inline(__always)
    func containsArrow(in range: Range<Int>) -> Bool {
        contains("-->", in: range)
    }
}
