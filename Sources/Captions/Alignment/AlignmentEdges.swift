/// Pairs the words a quote adds at either end with the spoken words beside
/// them.
///
/// A fitting alignment leaves spoken words before and after the quote out
/// for free, so a word replaced at either end (`Putin will not win` for
/// spoken `Russia will not win`) comes out as a quote word not spoken next
/// to a spoken word left out — and would pass for a dropped word. Where the
/// spoken word is in the same sentence and turn (and is no filler, restart
/// or sound description), the two are made a pair, so the verdict judges
/// the substitution (an unrelated word or a changed number is a change of
/// meaning) and the differences show it as a replacement.
enum AlignmentEdges {
    /// The steps with the quote's unspoken end words paired where they can be.
    static func paired(_ steps: [AlignmentStep], quote: [MatchToken], index: CaptionIndex) -> [AlignmentStep] {
        guard let firstPair = steps.firstIndex(where: \.isPairing), let lastPair = steps.lastIndex(where: \.isPairing),
              let span = steps.captionSpan
        else { return steps }
        var result = steps

        var caption = span.lowerBound - 1
        for position in stride(from: firstPair - 1, through: 0, by: -1) {
            guard case .quoteOnly(let q) = result[position], pairable(q, quote: quote),
                  caption >= 0, joins(caption, caption + 1, index: index), pairable(caption: caption, index: index)
            else { break }
            result[position] = .pair(quote: q, caption: caption, similarity: WordSimilarity.similarity(quote[q], index.tokens[caption]))
            caption -= 1
        }
        caption = span.upperBound + 1
        for position in (lastPair + 1)..<max(lastPair + 1, result.count) {
            guard case .quoteOnly(let q) = result[position], pairable(q, quote: quote),
                  caption < index.tokens.count, joins(caption - 1, caption, index: index), pairable(caption: caption, index: index)
            else { break }
            result[position] = .pair(quote: q, caption: caption, similarity: WordSimilarity.similarity(quote[q], index.tokens[caption]))
            caption += 1
        }
        return result
    }

    /// A quote word that can stand for a spoken one: not an editor's, not a
    /// filler, and either a word of meaning (a number, pronoun, auxiliary…)
    /// or longer than three letters. A short `And` or `So` an article keeps
    /// at the start of a quote is no substitute for the word before it.
    private static func pairable(_ q: Int, quote: [MatchToken]) -> Bool {
        let token = quote[q]
        guard token.flags.isDisjoint(with: [.editorial, .filler]) else { return false }
        return !token.flags.isDisjoint(with: [.exactOnly, .numeric]) || token.key.utf8.count > 3
    }

    /// A spoken word a quote word can be paired with: not a filler, restart or sound.
    private static func pairable(caption c: Int, index: CaptionIndex) -> Bool {
        !index.tokens[c].isSkippable && !index.tokens[c].flags.contains(.sound)
    }

    /// Whether caption tokens `a` and `b` (`b` right after `a`) are in one
    /// sentence of one speaker.
    private static func joins(_ a: Int, _ b: Int, index: CaptionIndex) -> Bool {
        let endsSentence = index.words[index.tokens[a].source.upperBound - 1].text.last.map { ".?!".contains($0) } ?? false
        return !endsSentence && !index.words[index.tokens[b].source.lowerBound].startsTurn
    }
}
