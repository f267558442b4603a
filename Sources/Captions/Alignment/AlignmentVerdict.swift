/// Decides from a full (fitting) alignment whether a quote is matched,
/// partial or unmatched, and which spoken words it covers.
///
/// Every quote token and every spoken word skipped inside the quote is
/// classed as
/// - *free*: one of the small edits quoting allows (a misspelling, an
///   editor's bracket, a filler, a restart, an ellipsis gap, a sound
///   description);
/// - an *edit*: unexplained but harmless-looking (a transcription slip, a
///   small word dropped or added), allowed up to
///   ``AlignmentCosts/editBudget(words:)``;
/// - *critical*: a change of meaning: a negation added or dropped, a number,
///   auxiliary, pronoun or quantifier changed, or a word replaced by an
///   unrelated one (unless it is a capitalised name, which transcription
///   often garbles).
///
/// The quote is `matched` when nothing is critical and the edits fit the
/// budget of the whole quote; otherwise `partial` when some stretch of it
/// satisfies the same rule over at least ``AlignmentCosts/minimumPartialRun``
/// words; otherwise `unmatched`.
struct AlignmentVerdict {
    /// The verdict.
    var status: QuoteAlignment.Status
    /// The confidence, 0...1.
    var score: Double
    /// The caption tokens of the first and last spoken quote word of the
    /// matched quote or partial run.
    var captionTokens: ClosedRange<Int>?
    /// The quote words in the longest clean run.
    var runWords: Int

    private enum Class { case paired, free, edit, critical }

    /// Judges one alignment.
    ///
    /// - Parameters:
    ///   - steps: a fitting alignment of the whole quote.
    ///   - alignmentScore: its score.
    ///   - quote: the quote tokens.
    ///   - index: the captions.
    ///   - costs: the thresholds.
    init(steps: [AlignmentStep], alignmentScore: Double, quote: [MatchToken], index: CaptionIndex, costs: AlignmentCosts) {
        let m = quote.count
        var tokenClass = [Class](repeating: .edit, count: m)
        var tokenCaption = [Int?](repeating: nil, count: m)
        // Edits and critical changes among spoken words skipped after `k` quote tokens.
        var gapEdits = [Int](repeating: 0, count: m + 1)
        var gapCritical = [Int](repeating: 0, count: m + 1)
        var consumed = 0
        for step in steps {
            switch step {
            case .pair(let q, let c, let similarity):
                tokenCaption[q] = c
                tokenClass[q] = Self.classify(pair: quote[q], index.tokens[c], similarity: similarity)
                consumed = q + 1
            case .merge(let qs, let cs, _):
                for q in qs {
                    tokenClass[q] = .paired
                    tokenCaption[q] = q == qs.lowerBound ? cs.lowerBound : cs.upperBound - 1
                }
                consumed = qs.upperBound
            case .quoteOnly(let q):
                let token = quote[q]
                tokenClass[q] = token.flags.contains(.editorial) || token.isSkippable ? .free
                    : token.flags.contains(.negation) ? .critical : .edit
                consumed = q + 1
            case .captionOnly(let c, let gap):
                let token = index.tokens[c]
                if gap != nil || token.isSkippable { continue }
                if token.flags.contains(.negation) { gapCritical[consumed] += 1 } else { gapEdits[consumed] += 1 }
            }
        }

        // Quote words that count: not an editor's, not fillers.
        func isCounted(_ q: Int) -> Bool { quote[q].flags.isDisjoint(with: [.editorial, .filler]) }
        // Tokens are in word order and one word's tokens are adjacent, so
        // distinct words are counted by how far each token's words reach past the last.
        func words(_ range: ClosedRange<Int>, pairedOnly: Bool) -> Int {
            var count = 0
            var reached = Int.min
            for q in range where isCounted(q) && (!pairedOnly || tokenClass[q] == .paired) {
                let source = quote[q].source
                count += max(0, source.upperBound - max(source.lowerBound, reached))
                reached = max(reached, source.upperBound)
            }
            return count
        }

        /// Whether quote tokens `range` form a clean stretch, and its word count.
        func cleanStretch(_ range: ClosedRange<Int>) -> Int? {
            var edits = 0
            for q in range {
                switch tokenClass[q] {
                case .critical: return nil
                case .edit: edits += 1
                case .paired, .free: break
                }
                if q > range.lowerBound {
                    if gapCritical[q] > 0 { return nil }
                    edits += gapEdits[q]
                }
            }
            let count = words(range, pairedOnly: false)
            return edits <= costs.editBudget(words: count) ? count : nil
        }

        let pairedTokens = (0..<m).filter { tokenCaption[$0] != nil && tokenClass[$0] != .critical }
        let totalWords = m > 0 ? words(0...(m - 1), pairedOnly: false) : 0
        let anyCounted = (0..<m).contains { isCounted($0) && tokenClass[$0] == .paired }

        if m > 0, anyCounted, cleanStretch(0...(m - 1)) != nil, let first = pairedTokens.first, let last = pairedTokens.last,
           let from = tokenCaption[first], let to = tokenCaption[last] {
            status = .matched
            // A quote that opens with an editor's bracket paired with nothing
            // ("[The mayor] will" for "We will") starts with the word or two
            // the bracket stands for. (A closing bracket is more often an
            // added clarification, "[for the harbour]", standing for nothing.)
            let leading = (0..<first).filter { quote[$0].flags.contains(.editorial) }.count
            captionTokens = Self.widened(from...to, by: min(leading, 2), index: index)
            runWords = totalWords
            // How close the alignment came to every counted token matching exactly.
            let best = Double(max(1, (0..<m).filter(isCounted).count)) * costs.match
            let quality = min(1, max(0, alignmentScore / best))
            score = 0.7 + 0.3 * quality
            return
        }

        // The longest clean stretch that starts and ends on a spoken word.
        let anchors = (0..<m).filter { tokenClass[$0] == .paired && tokenCaption[$0] != nil && isCounted($0) }
        var best: (words: Int, range: ClosedRange<Int>)?
        for (a, start) in anchors.enumerated() {
            for end in anchors[a...].reversed() {
                if let best, words(start...end, pairedOnly: true) <= best.words { break }
                guard cleanStretch(start...end) != nil else { continue }
                best = (words(start...end, pairedOnly: true), start...end)
                break
            }
        }
        runWords = best?.words ?? 0
        if let best, best.words >= costs.minimumPartialRun, let from = tokenCaption[best.range.lowerBound],
           let to = tokenCaption[best.range.upperBound] {
            status = .partial
            captionTokens = from...to
            score = 0.35 + 0.3 * Double(best.words) / Double(max(best.words, totalWords))
        } else {
            status = .unmatched
            captionTokens = nil
            score = 0.3 * Double(min(runWords, costs.minimumPartialRun - 1)) / Double(costs.minimumPartialRun)
        }
    }

    /// `range` grown by up to `count` caption tokens before it, stopping at
    /// punctuation (the end of a clause), a restart, filler or sound
    /// description, and a change of speaker.
    static func widened(_ range: ClosedRange<Int>, by count: Int, index: CaptionIndex) -> ClosedRange<Int> {
        var lower = range.lowerBound
        for _ in 0..<count {
            let candidate = lower - 1
            guard candidate >= 0, !index.tokens[candidate].isSkippable,
                  !index.words[index.tokens[lower].source.lowerBound].startsTurn,
                  let last = index.words[index.tokens[candidate].source.upperBound - 1].text.last,
                  last.isLetter || last.isNumber
            else { break }
            lower = candidate
        }
        return lower...range.upperBound
    }

    /// Classes a quote token paired with a caption token.
    private static func classify(pair q: MatchToken, _ c: MatchToken, similarity: Double) -> Class {
        if similarity >= WordSimilarity.fuzzyThreshold || q.flags.contains(.editorial) { return .paired }
        if q.flags.contains(.negation) || c.flags.contains(.negation) { return .critical }
        switch WordSimilarity.substitution(q, c) {
        case .near: return .edit
        case .far: return q.flags.contains(.capitalised) ? .edit : .critical
        case .meaningful: return .critical
        }
    }
}
