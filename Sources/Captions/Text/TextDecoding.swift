/// Turns the bytes of a text file into UTF-8, whatever encoding real caption
/// files arrive in: a BOM decides UTF-8, UTF-16 or UTF-32; without one, valid
/// UTF-8 is kept as it is, UTF-8 with a few broken sequences has them
/// replaced with U+FFFD (see ``Decoded/replacement``), and anything else is
/// read as Windows-1252.
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
        /// Broken sequences in UTF-8 text that were replaced with U+FFFD, if any.
        public var replacement: Replacement? = nil
    }

    /// Where UTF-8 text had broken sequences, replaced with U+FFFD.
    public struct Replacement: Sendable, Hashable {
        /// How many broken sequences were replaced.
        public var count: Int
        /// The line of the first one, from 1.
        public var line: Int
        /// The UTF-8 byte column of the first one, from 1.
        public var column: Int

        /// The warning a reader gives for the replacements, at the first one.
        ///
        /// - Parameter file: the file name for the diagnostic's location.
        /// - Returns: a warning with code `invalid-utf8`.
        public func diagnostic(file: String?) -> Diagnostic {
            let what = count == 1 ? "an invalid UTF-8 sequence" : "\(count) invalid UTF-8 sequences"
            return Diagnostic(.warning, code: "invalid-utf8", "replaced \(what) with U+FFFD, starting here",
                              at: SourceLocation(file: file, line: line, column: column))
        }
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
            let content = Array(bytes[3...])
            if !isValidUTF8(content), let (utf8, replacement) = repairedUTF8(content[...], always: true) {
                return Decoded(utf8: utf8, encoding: .utf8, hadByteOrderMark: true, replacement: replacement)
            }
            return Decoded(utf8: content, encoding: .utf8, hadByteOrderMark: true)
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
        if let (utf8, replacement) = repairedUTF8(bytes[...], always: false) {
            return Decoded(utf8: utf8, encoding: .utf8, hadByteOrderMark: false, replacement: replacement)
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
                if b[i] < 0x80 { i += 1; continue }
                let length = validSequenceLength(b, at: i)
                guard length > 0 else { return false }
                i += length
            }
            return true
        }
    }

    /// The length of the well-formed multi-byte UTF-8 sequence starting at
    /// `i`, or 0 when none starts there.
    @inline(__always)
    private static func validSequenceLength(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let length: Int
        var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
        switch b[i] {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: return 0
        }
        guard i + length <= b.count, b[i + 1] >= lower, b[i + 1] <= upper else { return 0 }
        for k in 2..<length where b[i + k] & 0xC0 != 0x80 { return 0 }
        return length
    }

    /// Reads UTF-8 with some broken sequences as UTF-8, each broken sequence
    /// becoming U+FFFD, when the text is UTF-8 at heart: it has well-formed
    /// multi-byte sequences, at least as many as broken ones. A stray byte in
    /// a UTF-8 file then costs one character, not every accent in the file
    /// (which a Windows-1252 reading would turn into two wrong characters).
    /// Text in a legacy 8-bit encoding almost never holds a well-formed
    /// multi-byte sequence, so it is left to the Windows-1252 reading.
    ///
    /// - Parameters:
    ///   - bytes: text that is not valid UTF-8, without a byte order mark.
    ///   - always: repair even when the text does not look like UTF-8 (a BOM said it is).
    /// - Returns: the repaired text and where the first replacement is, or `nil`.
    private static func repairedUTF8(_ bytes: ArraySlice<UInt8>, always: Bool) -> (utf8: [UInt8], replacement: Replacement)? {
        var wellFormed = 0, broken = 0
        var firstBroken = bytes.count
        Array(bytes).withUnsafeBufferPointer { b in
            var i = 0
            while i < b.count {
                if b[i] < 0x80 { i += 1; continue }
                let length = validSequenceLength(b, at: i)
                if length > 0 {
                    wellFormed += 1
                    i += length
                } else {
                    if broken == 0 { firstBroken = i }
                    broken += 1
                    i += 1
                }
            }
        }
        guard always || (wellFormed > 0 && wellFormed >= broken) else { return nil }
        // The standard library replaces each maximal ill-formed subpart with U+FFFD.
        let repaired = Array(String(decoding: bytes, as: UTF8.self).utf8)
        let (line, column) = position(of: firstBroken, in: bytes)
        return (repaired, Replacement(count: broken, line: line, column: column))
    }

    /// The 1-based line and byte column of `offset`, lines ending at CR, LF or CRLF.
    private static func position(of offset: Int, in bytes: ArraySlice<UInt8>) -> (Int, Int) {
        var line = 1, lineStart = 0, i = 0
        let base = bytes.startIndex
        while i < offset {
            let byte = bytes[base + i]
            if byte == 0x0A || (byte == 0x0D && (i + 1 >= bytes.count || bytes[base + i + 1] != 0x0A)) {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        return (line, offset - lineStart + 1)
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
