/// Turns an alignment into the word-level difference between a quote and
/// what was said, in the words as printed and as captioned.
enum AlignmentDiff {
    /// One step before grouping: its kind and the original words on each side.
    private struct Item {
        var kind: QuoteDifference.Kind
        var reason: QuoteDifference.Reason?
        var quoteWords: Range<Int>?
        var captionWords: Range<Int>?

        func sharesWords(with other: Item) -> Bool {
            if let a = quoteWords, let b = other.quoteWords, a.overlaps(b) { return true }
            if let a = captionWords, let b = other.captionWords, a.overlaps(b) { return true }
            return false
        }

        mutating func absorb(_ other: Item) {
            if kind != other.kind {
                let pair: Set<QuoteDifference.Kind> = [kind, other.kind]
                kind = pair == [.equal, .spelling] ? .spelling : .replaced
            }
            if reason != other.reason { reason = nil }
            quoteWords = Self.union(quoteWords, other.quoteWords)
            captionWords = Self.union(captionWords, other.captionWords)
        }

        static func union(_ a: Range<Int>?, _ b: Range<Int>?) -> Range<Int>? {
            guard let a else { return b }
            guard let b else { return a }
            return min(a.lowerBound, b.lowerBound)..<max(a.upperBound, b.upperBound)
        }
    }

    /// The differences along an alignment.
    ///
    /// - Parameters:
    ///   - steps: the alignment, in order.
    ///   - quote: the quote's tokens.
    ///   - quoteWords: the quote's words as printed.
    ///   - index: the captions.
    /// - Returns: runs of steps of the same kind, merged where they share a word
    ///   (`don't` quoted for spoken `do`, where only `not` differs, is one
    ///   replacement).
    static func differences(_ steps: [AlignmentStep], quote: [MatchToken], quoteWords: [String], index: CaptionIndex) -> [QuoteDifference] {
        var groups: [Item] = []
        for step in steps {
            let item = self.item(for: step, quote: quote, index: index)
            // One bracket is one difference, whether its words stand in for spoken ones or not.
            let bothEditorial = groups.last?.reason == .editorial && item.reason == .editorial
            if var last = groups.last, (last.kind == item.kind && last.reason == item.reason) || bothEditorial || last.sharesWords(with: item) {
                last.absorb(item)
                groups[groups.count - 1] = last
            } else {
                groups.append(item)
            }
        }
        return groups.map { group in
            QuoteDifference(
                kind: group.kind,
                quoted: group.quoteWords.map { quoteWords[$0].joined(separator: " ") } ?? "",
                spoken: group.captionWords.map { index.words[$0].map(\.text).joined(separator: " ") } ?? "",
                reason: group.reason)
        }
    }

    private static func item(for step: AlignmentStep, quote: [MatchToken], index: CaptionIndex) -> Item {
        switch step {
        case .pair(let q, let c, let similarity):
            let kind: QuoteDifference.Kind = similarity >= 1 ? .equal : similarity >= WordSimilarity.fuzzyThreshold ? .spelling : .replaced
            let reason: QuoteDifference.Reason? = kind == .replaced && quote[q].flags.contains(.editorial) ? .editorial : nil
            return Item(kind: kind, reason: reason, quoteWords: quote[q].source, captionWords: index.tokens[c].source)
        case .merge(let qs, let cs, let similarity):
            let quoteWords = qs.map { quote[$0].source }.reduce(nil, Item.union)
            let captionWords = cs.map { index.tokens[$0].source }.reduce(nil, Item.union)
            return Item(kind: similarity >= 1 ? .equal : .spelling, quoteWords: quoteWords, captionWords: captionWords)
        case .quoteOnly(let q):
            let token = quote[q]
            let reason: QuoteDifference.Reason? = token.flags.contains(.editorial) ? .editorial : token.flags.contains(.filler) ? .filler : nil
            return Item(kind: .inserted, reason: reason, quoteWords: token.source)
        case .captionOnly(let c, let gap):
            let token = index.tokens[c]
            let reason: QuoteDifference.Reason? =
                token.flags.contains(.sound) ? .sound
                : gap == .ellipsis ? .ellipsis
                : gap == .editorial ? .editorial
                : token.flags.contains(.filler) ? .filler
                : !token.flags.isDisjoint(with: [.restart, .cutOff]) ? .restart
                : nil
            return Item(kind: .omitted, reason: reason, captionWords: token.source)
        }
    }
}
