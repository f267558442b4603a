/// Turns the bytes of a text file into UTF-8, whatever encoding real caption
/// files arrive in: a BOM decides UTF-8, UTF-16 or UTF-32; without one, valid
/// UTF-8 is kept as it is and anything else is read as Windows-1252.
public enum TextEncoding: String, Sendable, Hashable {
    case utf8 = "UTF-8"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    case utf32LittleEndian = "UTF-32LE"
    case utf32BigEndian = "UTF-32BE"
    case windows1252 = "Windows-1252"

    /// The result of decoding: UTF-8 bytes without a BOM, and what was found.
    public struct Decoded: Sendable {
        /// The text as UTF-8, without a byte order mark.
        public var utf8: [UInt8]
        /// The encoding the bytes were read as.
        public var encoding: TextEncoding
        /// `true` when a byte order mark decided the encoding.
        public var hadByteOrderMark: Bool
        /// `true` when the encoding was guessed because the bytes were not valid UTF-8.
        public var wasGuessed: Bool { encoding == .windows1252 }
    }

    /// Decodes `bytes` to UTF-8.
    ///
    /// - Complexity: O(n); valid UTF-8 without a BOM is returned without copying
    ///   beyond the validation pass.
    public static func decode(_ bytes: [UInt8]) -> Decoded {
        let n = bytes.count
        if n >= 4, bytes[0] == 0xFF, bytes[1] == 0xFE, bytes[2] == 0, bytes[3] == 0 {
            return Decoded(utf8: transcode(bytes[4...], unitSize: 4, bigEndian: false), encoding: .utf32LittleEndian, hadByteOrderMark: true)
        }
        if n >= 4, bytes[0] == 0, bytes[1] == 0, bytes[2] == 0xFE, bytes[3] == 0xFF {
            return Decoded(utf8: transcode(bytes[4...], unitSize: 4, bigEndian: true), encoding: .utf32BigEndian, hadByteOrderMark: true)
        }
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return Decoded(utf8: Array(bytes[3...]), encoding: .utf8, hadByteOrderMark: true)
        }
        if n >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            return Decoded(utf8: transcode(bytes[2...], unitSize: 2, bigEndian: false), encoding: .utf16LittleEndian, hadByteOrderMark: true)
        }
        if n >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            return Decoded(utf8: transcode(bytes[2...], unitSize: 2, bigEndian: true), encoding: .utf16BigEndian, hadByteOrderMark: true)
        }
        if isValidUTF8(bytes) {
            return Decoded(utf8: bytes, encoding: .utf8, hadByteOrderMark: false)
        }
        return Decoded(utf8: windows1252ToUTF8(bytes), encoding: .windows1252, hadByteOrderMark: false)
    }

    /// `true` when `bytes` are well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
    public static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            let n = b.count
            while i < n {
                // ASCII fast path, eight bytes at a time.
                while i + 8 <= n {
                    let word = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 != 0 { break }
                    i += 8
                }
                guard i < n else { return true }
                let lead = b[i]
                if lead < 0x80 { i += 1; continue }
                let length: Int
                var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
                switch lead {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; lower = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED: length = 3; upper = 0x9F
                case 0xF0: length = 4; lower = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; upper = 0x8F
                default: return false
                }
                guard i + length <= n else { return false }
                guard b[i + 1] >= lower, b[i + 1] <= upper else { return false }
                for k in 2..<length where b[i + k] & 0xC0 != 0x80 { return false }
                i += length
            }
            return true
        }
    }

    private static func transcode(_ bytes: ArraySlice<UInt8>, unitSize: Int, bigEndian: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        let base = bytes.startIndex
        let count = bytes.count / unitSize
        func unit(_ k: Int) -> UInt32 {
            var v: UInt32 = 0
            for j in 0..<unitSize {
                let byte = UInt32(bytes[base + k * unitSize + (bigEndian ? j : unitSize - 1 - j)])
                v = v << 8 | byte
            }
            return v
        }
        var k = 0
        while k < count {
            var scalar = unit(k)
            k += 1
            if unitSize == 2, (0xD800...0xDBFF).contains(scalar) {
                if k < count, case let low = unit(k), (0xDC00...0xDFFF).contains(low) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    k += 1
                } else {
                    scalar = 0xFFFD
                }
            }
            appendUTF8(Unicode.Scalar(scalar) ?? "\u{FFFD}", to: &out)
        }
        if bytes.count % unitSize != 0 { appendUTF8("\u{FFFD}", to: &out) }
        return out
    }

    private static func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        out.append(contentsOf: UTF8.encode(scalar)!)
    }

    /// Windows-1252's meanings for 0x80-0x9F; the rest of the range is Latin-1.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    private static func windows1252ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
            } else {
                let value = (0x80...0x9F).contains(byte) ? windows1252High[Int(byte - 0x80)] : UInt32(byte)
                appendUTF8(Unicode.Scalar(value)!, to: &out)
            }
        }
        return out
    }
}
