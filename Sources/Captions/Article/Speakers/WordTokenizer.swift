/// A word of the narration around quotations (quoted text is left out: the
/// people a speaker names are not the ones speaking).
struct WordToken: Sendable, Hashable {
    /// What comes straight after a word, before the next one.
    enum Follower: Sendable, Hashable {
        case none, comma, colon, sentenceEnd, dash, quote, other
    }

    /// The word's bytes in the paragraph, a possessive `’s` excluded.
    var range: Range<Int>
    /// The word as printed, without a possessive `’s`.
    var text: String
    var lower: String
    /// Starts with an uppercase letter.
    var isCapitalized: Bool
    /// Every letter is a capital and there are two or more (`NATO`, `BBC`).
    var isAllCaps: Bool
    /// Ended in `’s` or `s’`.
    var isPossessive: Bool
    var follower: Follower
    /// The sentence of the paragraph the word is in, counted from 0.
    var sentence: Int
}

/// Splits the narration of a paragraph into words and sentences, reading
/// UTF-8 bytes and stepping over the quotations (their ranges are given).
/// A full stop after an abbreviation (`Mr.`) or an initial (`J.`) does not
/// end a sentence.
enum WordTokenizer {
    /// The words outside `quotes`, and the byte offsets where sentences start.
    static func tokenize(_ bytes: [UInt8], outside quotes: [Range<Int>]) -> (words: [WordToken], sentenceStarts: [Int]) {
        var words: [WordToken] = []
        var sentenceStarts = [0]
        var sentence = 0
        var quoteIndex = 0
        var i = 0
        while i < bytes.count {
            while quoteIndex < quotes.count, quotes[quoteIndex].upperBound <= i { quoteIndex += 1 }
            if quoteIndex < quotes.count, quotes[quoteIndex].contains(i) {
                i = quotes[quoteIndex].upperBound
                continue
            }
            let (scalar, length) = bytes.scalar(at: i)
            guard scalar.isWordCharacter else {
                i += length
                continue
            }
            var end = i + length
            while end < bytes.count {
                let (next, nextLength) = bytes.scalar(at: end)
                if next.isWordCharacter {
                    end += nextLength
                    continue
                }
                // Apostrophes, hyphens and dots join the letters around them (don't, neo-Nazis, U.S).
                let joins = next == "'" || next == "\u{2019}" || next == "-" || next == "."
                if joins, end + nextLength < bytes.count, bytes.scalar(at: end + nextLength).scalar.isWordCharacter,
                   !isQuoted(end, quotes, from: quoteIndex) {
                    end += nextLength
                    continue
                }
                break
            }
            var token = makeToken(bytes, i..<end, sentence: sentence)
            var after = end
            // A plural possessive: `passengers’ bags`.
            if after < bytes.count, token.lower.hasSuffix("s"), let (mark, markLength) = QuoteMark.at(bytes, after),
               mark.isApostrophe, !isQuoted(after, quotes, from: quoteIndex) {
                token.isPossessive = true
                after += markLength
            }
            token.follower = follower(bytes, after, quotes: quotes, nextQuote: quoteIndex, token: token)
            words.append(token)
            if token.follower == .sentenceEnd {
                sentence += 1
                sentenceStarts.append(after)
            }
            i = after
        }
        return (words, sentenceStarts)
    }

    private static func makeToken(_ bytes: [UInt8], _ range: Range<Int>, sentence: Int) -> WordToken {
        var range = range
        var isPossessive = false
        // `Ukraine’s`: keep the name, note the possessive.
        if range.count > 2, bytes[range.upperBound - 1] | 0x20 == UInt8(ascii: "s") {
            if let (before, start) = bytes.scalar(before: range.upperBound - 1), before == "'" || before == "\u{2019}" {
                range = range.lowerBound..<start
                isPossessive = true
            }
        }
        let text = bytes.utf8String(range)
        var uppercase = 0, lowercase = 0
        for scalar in text.unicodeScalars {
            if scalar.properties.isUppercase { uppercase += 1 } else if scalar.properties.isLowercase { lowercase += 1 }
        }
        let first = text.unicodeScalars.first
        return WordToken(range: range, text: text, lower: text.lowercased(),
                         isCapitalized: first?.properties.isUppercase ?? false,
                         isAllCaps: uppercase >= 2 && lowercase == 0, isPossessive: isPossessive, follower: .none,
                         sentence: sentence)
    }

    /// `true` when `position` is inside one of `quotes` (sorted), looking from the `from`th on.
    private static func isQuoted(_ position: Int, _ quotes: [Range<Int>], from first: Int) -> Bool {
        var index = first
        while index < quotes.count, quotes[index].upperBound <= position { index += 1 }
        return index < quotes.count && quotes[index].contains(position)
    }

    private static func follower(_ bytes: [UInt8], _ start: Int, quotes: [Range<Int>], nextQuote: Int,
                                 token: WordToken) -> WordToken.Follower {
        var i = start
        while i < bytes.count, bytes[i] == 0x20 { i += 1 }
        guard i < bytes.count else { return isAbbreviation(token) ? .none : .sentenceEnd }
        if isQuoted(i, quotes, from: nextQuote) { return .quote }
        let (scalar, _) = bytes.scalar(at: i)
        switch scalar {
        case ",": return .comma
        case ":": return .colon
        case ".":
            return isAbbreviation(token) ? .none : .sentenceEnd
        case "!", "?", "\u{2026}": return .sentenceEnd
        case "-", "\u{2013}", "\u{2014}": return i > start ? .dash : .other
        default: return scalar.isWordCharacter ? .none : .other
        }
    }

    /// `Mr`, `Dr`, `etc`, and single capital initials (`J`).
    private static func isAbbreviation(_ token: WordToken) -> Bool {
        Lexicon.abbreviations.contains(token.lower) || (token.text.unicodeScalars.count == 1 && token.isCapitalized)
    }
}
