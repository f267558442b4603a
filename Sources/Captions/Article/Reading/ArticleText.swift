/// Makes the text of a page plain: every kind of space (no-break spaces from
/// `&nbsp;`, thin spaces, line breaks) becomes one ASCII space, invisible
/// characters (zero-width spaces, soft hyphens, stray byte order marks) go,
/// and the ends are trimmed. Quote marks and dashes are kept as printed,
/// since the quote finder needs them.
enum ArticleText {
    /// Normalises `bytes[range]`.
    ///
    /// - Parameters:
    ///   - bytes: UTF-8 text.
    ///   - range: the part to normalise.
    ///   - decodingReferences: decode `&amp;`-style references that end in `;`
    ///     (scraped text files keep some; an HTML parser has already decoded them).
    /// - Returns: the normalised UTF-8 bytes.
    static func normalize(_ bytes: [UInt8], _ range: Range<Int>, decodingReferences: Bool) -> [UInt8] {
        if decodingReferences, bytes[range].contains(UInt8(ascii: "&")) {
            let decoded = decodeReferences(bytes, range)
            return normalize(decoded, 0..<decoded.count, decodingReferences: false)
        }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var pendingSpace = false
        var i = range.lowerBound
        while i < range.upperBound {
            let byte = bytes[i]
            if byte < 0x80 {
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    pendingSpace = true
                    i += 1
                    continue
                }
                if byte < 0x20 || byte == 0x7F {  // other control characters
                    i += 1
                    continue
                }
                appendPending(&out, &pendingSpace)
                out.append(byte)
                i += 1
                continue
            }
            let (scalar, length) = bytes.scalar(at: i)
            let end = min(i + length, range.upperBound)
            switch scalar.value {
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD:
                break  // invisible: zero-width characters, BOM, soft hyphen
            case 0x00A0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0x0085:
                pendingSpace = true
            default:
                appendPending(&out, &pendingSpace)
                out.append(contentsOf: bytes[i..<end])
            }
            i = end
        }
        return out
    }

    /// Normalises a whole string.
    static func normalize(_ text: String, decodingReferences: Bool = false) -> String {
        let bytes = Array(text.utf8)
        return String(decoding: normalize(bytes, 0..<bytes.count, decodingReferences: decodingReferences), as: UTF8.self)
    }

    private static func appendPending(_ out: inout [UInt8], _ pendingSpace: inout Bool) {
        if pendingSpace, !out.isEmpty { out.append(0x20) }
        pendingSpace = false
    }

    /// Decodes the references in `bytes[range]` that end in `;`; a bare `&`
    /// (`AT&T`, `R&D`) or a legacy name without `;` stays as written.
    private static func decodeReferences(_ bytes: [UInt8], _ range: Range<Int>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var i = range.lowerBound
        while i < range.upperBound {
            if bytes[i] == UInt8(ascii: "&"), let (text, length) = CharacterReferences.match(bytes, at: i),
               i + length <= range.upperBound, bytes[i + length - 1] == UInt8(ascii: ";") {
                out.append(contentsOf: text.utf8)
                i += length
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }
}
