/// What a block's text looks like, measured on its bytes: how many words,
/// whether it reads as prose (ends like a sentence or a quotation), and the marks of page
/// furniture that text alone gives away: a teaser cut off with an ellipsis, a
/// social post full of hashtags, handles and links.
struct BlockShape: Sendable, Hashable {
    var words: Int
    /// Ends with `.`, `!`, `?`, `…`, `:` or `;`, looking through closing quotes and brackets.
    var endsLikeSentence: Bool
    /// Ends in an ellipsis straight after a word: an excerpt cut off to tease a link.
    var isTruncated: Bool
    /// Hashtags, @handles or web addresses: a social post or share widget.
    var isSocialPost: Bool

    /// Ends with a closing quote mark: a quotation closes the paragraph, even without a full stop.
    var endsWithQuote: Bool
    /// Reads like running text: it ends like a sentence or with a quotation.
    var isProse: Bool {
        !isTruncated && !isSocialPost && (endsLikeSentence || endsWithQuote)
    }

    init(_ text: String) {
        let bytes = Array(text.utf8)
        var hashtags = 0
        var hasAddress = false
        for i in bytes.indices {
            let byte = bytes[i]
            if byte == UInt8(ascii: "#") || byte == UInt8(ascii: "@"), i + 1 < bytes.count,
               bytes.scalar(at: i + 1).scalar.isWordCharacter, !(bytes.scalar(before: i)?.scalar.isWordCharacter ?? false) {
                hashtags += 1
            }
            if byte == UInt8(ascii: "/"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "/"), i > 0,
               bytes[i - 1] == UInt8(ascii: ":") {
                hasAddress = true
            }
        }
        let words = bytes.wordCount()
        self.words = words
        self.isSocialPost = hashtags >= 2 || (hasAddress && words < 40)

        // Look through closing quotes and brackets at the end.
        var end = bytes.count
        var last: Unicode.Scalar?
        let closing = bytes.scalar(before: end)?.scalar
        self.endsWithQuote = closing == "\"" || closing == "'" || closing == "\u{201D}" || closing == "\u{2019}"
            || closing == "\u{00BB}" || closing == "\u{300D}"
        while let (scalar, start) = bytes.scalar(before: end) {
            if Self.isClosingWrapper(scalar) { end = start; continue }
            last = scalar
            break
        }
        self.endsLikeSentence = last.map { Self.isSentenceEnd($0) || $0 == ":" || $0 == ";" } ?? false
        self.isTruncated = Self.endsInCutOffEllipsis(bytes)
    }

    private static func isSentenceEnd(_ s: Unicode.Scalar) -> Bool {
        s == "." || s == "!" || s == "?" || s == "\u{2026}" || s == "\u{3002}" || s == "\u{FF01}" || s == "\u{FF1F}"
    }

    private static func isClosingWrapper(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "\"", "'", "\u{201D}", "\u{2019}", "\u{00BB}", "\u{203A}", "\u{300D}", "\u{300F}", ")", "]", " ": true
        default: false
        }
    }

    /// `…` or `...` right after a letter or comma, with nothing after it. A
    /// sentence that trails off inside a quote ends with the closing mark instead.
    private static func endsInCutOffEllipsis(_ bytes: [UInt8]) -> Bool {
        var end = bytes.count
        if bytes.count >= 3, bytes[end - 3...end - 1].allSatisfy({ $0 == UInt8(ascii: ".") }) {
            end -= 3
        } else if let (last, start) = bytes.scalar(before: end), last == "\u{2026}" {
            end = start
        } else {
            return false
        }
        guard let (before, _) = bytes.scalar(before: end) else { return false }
        return before.isWordCharacter || before == ","
    }
}
