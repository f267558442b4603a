/// What a block's text looks like, measured on its bytes: how many words,
/// whether it reads as prose (ends like a sentence), and the marks of page
/// furniture that text alone gives away: a teaser cut off with an ellipsis, a
/// social post full of hashtags, handles and links.
struct BlockShape: Sendable, Hashable {
    var words: Int
    /// Sentence-ending marks inside the text (`.`, `!`, `?`, `…` before a space).
    var sentenceMarks: Int
    /// Ends with `.`, `!`, `?`, `…`, `:` or `;`, looking through closing quotes and brackets.
    var endsLikeSentence: Bool
    /// Ends in an ellipsis straight after a word: an excerpt cut off to tease a link.
    var isTruncated: Bool
    /// Hashtags, @handles or web addresses: a social post or share widget.
    var isSocialPost: Bool
    /// Most words start with a capital: a label, menu entry or headline, not prose.
    var isTitleCase: Bool

    /// Reads like running text: a sentence, or a long line with sentence marks inside.
    var isProse: Bool {
        !isTruncated && !isSocialPost && (endsLikeSentence || (words >= 15 && sentenceMarks > 0))
    }

    init(_ text: String) {
        let bytes = Array(text.utf8)
        var words = 0, capitalised = 0, sentenceMarks = 0, hashtags = 0
        var hasAddress = false
        var i = 0
        var inWord = false
        while i < bytes.count {
            let (scalar, length) = bytes.scalar(at: i)
            if scalar.isWordCharacter {
                if !inWord {
                    words += 1
                    if scalar.properties.isUppercase { capitalised += 1 }
                    if let (before, _) = bytes.scalar(before: i), before == "#" || before == "@" { hashtags += 1 }
                }
                inWord = true
            } else {
                // Apostrophes and hyphens inside a word do not split it.
                let joins = (scalar == "'" || scalar == "\u{2019}" || scalar == "-") && inWord
                    && i + length < bytes.count && bytes.scalar(at: i + length).scalar.isWordCharacter
                if !joins { inWord = false }
                if Self.isSentenceEnd(scalar), i + length < bytes.count, bytes[i + length] == 0x20 { sentenceMarks += 1 }
            }
            if scalar == "/", i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "/"), i > 0, bytes[i - 1] == UInt8(ascii: ":") {
                hasAddress = true
            }
            i += length
        }
        self.words = words
        self.sentenceMarks = sentenceMarks
        self.isSocialPost = hashtags >= 2 || (hasAddress && words < 40)
        self.isTitleCase = words >= 2 && capitalised * 10 >= words * 7

        // Look through closing quotes and brackets at the end.
        var end = bytes.count
        var last: Unicode.Scalar?
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
