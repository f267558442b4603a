/// One step of an alignment between a quote and the captions.
enum AlignmentStep: Sendable, Hashable {
    /// A quote token paired with a caption token; `similarity` 1 for the same
    /// word, from 0.75 for a misspelling, below that for a different word.
    case pair(quote: Int, caption: Int, similarity: Double)
    /// Two tokens written as one on the other side (`email` / `e mail`).
    case merge(quote: Range<Int>, caption: Range<Int>, similarity: Double)
    /// A quote token that was not spoken.
    case quoteOnly(Int)
    /// A spoken token the quote leaves out, and why when the quote allows it.
    case captionOnly(Int, gap: QuoteGap?)
}

/// A place where a quote may leave spoken words out.
enum QuoteGap: Sendable, Hashable {
    /// An ellipsis, or the break between the parts of an interrupted quote:
    /// any number of words.
    case ellipsis
    /// Beside an editor's bracket: the few words the bracket stands for.
    case editorial
}

extension AlignmentStep {
    /// `true` for steps that pair quote words with spoken words.
    var isPairing: Bool {
        switch self {
        case .pair, .merge: true
        case .quoteOnly, .captionOnly: false
        }
    }
}

extension Array where Element == AlignmentStep {
    /// The first and last caption tokens paired by these steps.
    var captionSpan: ClosedRange<Int>? {
        var low: Int?
        var high: Int?
        for step in self {
            switch step {
            case .pair(_, let c, _):
                low = Swift.min(low ?? c, c); high = Swift.max(high ?? c, c)
            case .merge(_, let cs, _):
                low = Swift.min(low ?? cs.lowerBound, cs.lowerBound); high = Swift.max(high ?? (cs.upperBound - 1), cs.upperBound - 1)
            case .quoteOnly, .captionOnly:
                break
            }
        }
        guard let low, let high else { return nil }
        return low...high
    }
}
