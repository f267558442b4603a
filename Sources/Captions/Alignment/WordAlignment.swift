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

/// Word-level dynamic-programming alignment of one quote with a window of
/// the captions.
///
/// Two modes share one recurrence:
/// - ``Mode/local`` is Smith–Waterman: the best-scoring stretch of the quote
///   against the best-scoring stretch of the captions, scores never below 0.
///   It finds where in a window the quote is spoken, even when only part of it is.
/// - ``Mode/fitting`` keeps every quote word (the captions still start and end
///   anywhere), so every word of the quote gets a verdict and the difference
///   between print and speech can be listed in full.
///
/// Besides pairing, skipping a quote word and skipping a spoken word, the
/// recurrence has two merge moves (two words on one side written as one on
/// the other) and a gap state, open only where the quote has an ellipsis, an
/// editor's bracket, or a break between its parts, in which skipped spoken
/// words cost almost nothing.
struct WordAligner {
    enum Mode { case local, fitting }

    /// What an alignment found.
    struct Result {
        var score: Double
        var steps: [AlignmentStep]
    }

    let quote: [MatchToken]
    let index: CaptionIndex
    let costs: AlignmentCosts
    /// Whether a gap of spoken words may be skipped before quote token `i` (`0...quote.count`).
    private let gapAllowed: [Bool]
    /// Whether quote token `i` or the one before it is an editor's word, so
    /// spoken words skipped there may be what the bracket stands for.
    private let besideBracket: [Bool]
    /// Each quote token's key as bytes.
    private let quoteBytes: [[UInt8]]
    /// The two-token concatenations of the quote, by the index of the second
    /// token (`nil` where an editor's word is involved).
    private let quotePairs: [[UInt8]?]
    /// The cost of leaving each quote token out.
    private let unspokenCosts: [Double]
    /// Each quote token's profile, for ruling out fuzzy matches cheaply.
    private let quoteProfiles: [WordSimilarity.Profile]
    /// Quote tokens whose pairing with a different word can only be scored
    /// in full (an editor's word, a negation, a contraction's letter).
    private let needsFullScore: [Bool]

    init(quote: [MatchToken], index: CaptionIndex, costs: AlignmentCosts) {
        self.quote = quote
        self.index = index
        self.costs = costs
        self.slots = [Int32](repeating: -1, count: index.keys.count)
        var gaps = [Bool](repeating: false, count: quote.count + 1)
        var brackets = [Bool](repeating: false, count: quote.count + 1)
        for i in 1..<max(1, quote.count) {
            gaps[i] = quote[i].flags.contains(.gapBefore)
            brackets[i] = quote[i].flags.contains(.editorial) || quote[i - 1].flags.contains(.editorial)
        }
        gapAllowed = gaps
        besideBracket = brackets
        let bytes = quote.map { Array($0.key.utf8) }
        quoteBytes = bytes
        quotePairs = quote.indices.map { i in
            guard i > 0, quote[i].flags.isDisjoint(with: .editorial), quote[i - 1].flags.isDisjoint(with: .editorial) else { return nil }
            return bytes[i - 1] + bytes[i]
        }
        quoteProfiles = quote.indices.map { WordSimilarity.Profile(key: quote[$0].key, bytes: bytes[$0]) }
        needsFullScore = quote.map { !$0.flags.isDisjoint(with: [.editorial, .negation]) || !$0.alternates.isEmpty }
        unspokenCosts = quote.map { q in
            if q.flags.contains(.editorial) { return costs.editorialUnspoken }
            if q.flags.contains(.negation) { return costs.negation }
            if q.isSkippable { return costs.skippedFiller }
            return costs.unspokenWord
        }
    }

    // MARK: Scores

    /// Every caption word met so far gets a slot; `pairScores[slot * m + q]`
    /// and `mergeScores` hold its scores against each quote token, worked out
    /// on first use and shared by every window and both modes.
    private var slots: [Int32]
    private var slotPositions: [Int] = []
    private var pairScores: [Double] = []
    private var mergeScores: [Double] = []

    /// The slot of the caption word at `position`, made on first sight.
    private mutating func slot(at position: Int) -> Int {
        let id = Int(index.tokenIDs[position])
        if slots[id] >= 0 { return Int(slots[id]) }
        let slot = slotPositions.count
        slots[id] = Int32(slot)
        slotPositions.append(position)
        pairScores.append(contentsOf: repeatElement(.nan, count: quote.count))
        mergeScores.append(contentsOf: repeatElement(.nan, count: quote.count))
        return slot
    }

    /// The score of pairing quote token `q` with the word of the caption
    /// token at `position`; the same for every position of that word, so it
    /// is cached by word. What depends on the position (a sound description,
    /// a restart) is applied by the caller.
    ///
    /// Static, with everything passed in, so the hot loop calls it without
    /// copying the aligner.
    private static func pairScore(_ q: Int, _ position: Int, quote: [MatchToken], quoteBytes: [UInt8],
                                  profile: WordSimilarity.Profile, needsFullScore: Bool,
                                  index: CaptionIndex, costs: AlignmentCosts) -> Double {
        let id = index.tokenIDs[position]
        if id == quote[q].id { return needsFullScore && quote[q].flags.contains(.editorial) ? -costs.editorialStandIn : costs.match }
        let flags = index.tokenFlags[position]
        if !needsFullScore, !flags.contains(.negation), profile.rulesOut(index.keyProfiles[Int(id)]) {
            return costs.substitution
        }
        let token = index.tokens[position]
        let ordinary = !profile.isSpecial && !index.keyProfiles[Int(id)].isSpecial && quote[q].alternates.isEmpty
        let s = ordinary && !quote[q].flags.contains(.numeric) && !token.flags.contains(.numeric)
            ? WordSimilarity.similarity(ofOrdinary: quote[q], quoteBytes, token, index.keyBytes[Int(id)])
            : WordSimilarity.similarity(quote[q], quoteBytes, token, index.keyBytes[Int(id)])
        // An editor's word is free to match or stand in for what was said
        // ("[Putin]" for "he"); matching earns next to nothing, so brackets
        // never pull an alignment towards their own words.
        if quote[q].flags.contains(.editorial) { return s >= WordSimilarity.fuzzyThreshold ? -costs.editorialStandIn : costs.editorialStandIn }
        if s >= WordSimilarity.fuzzyThreshold { return s == 1 ? costs.match : s }
        if quote[q].flags.contains(.negation) || token.flags.contains(.negation) { return costs.negation }
        return costs.substitution
    }

    /// The cost of leaving a caption token out of the quote.
    private func unquotedCost(_ flags: MatchToken.Flags) -> Double {
        if flags.contains(.sound) { return 0 }
        if !flags.isDisjoint(with: [.filler, .cutOff, .restart]) { return costs.skippedFiller }
        if flags.contains(.negation) { return costs.negation }
        return costs.unquotedWord
    }

    /// How alike two words written differently as one and two words are:
    /// 1 when the letters are the same, the fuzzy similarity when close, else 0.
    /// Numbers must join exactly (`20` `20` is `2020`).
    private static func joinedSimilarity(_ a: [UInt8], _ b: [UInt8], numeric: Bool) -> Double {
        guard let x = a.first, x == b.first else { return 0 }
        if a == b { return 1 }
        guard !numeric, WordSimilarity.couldBeSimilar(a.count, b.count) else { return 0 }
        let s = WordSimilarity.similarity(a, b)
        return s >= WordSimilarity.fuzzyThreshold ? s : 0
    }

    // MARK: Alignment

    private enum Move: UInt8 { case stop, pair, unspoken, unquoted, mergeQuote, mergeCaption, gap }

    /// The caption words of a window, prepared for the recurrence: plain
    /// arrays of small values, so the inner loop touches no tokens or strings.
    private struct Window {
        /// For each window position, its caption word's slot.
        var slot: [Int] = []
        var unquoted: [Double] = []
        var isSound: [Bool] = []
        /// A filler, restart or broken-off word: better skipped than stood in for by an editor's word.
        var isSkippable: [Bool] = []
        /// Each position's key length and first byte, to rule out merges cheaply.
        var length: [Int] = []
        var initial: [UInt8] = []
    }

    private mutating func window(_ range: Range<Int>) -> Window {
        var window = Window()
        window.slot.reserveCapacity(range.count)
        window.unquoted.reserveCapacity(range.count)
        window.isSound.reserveCapacity(range.count)
        window.isSkippable.reserveCapacity(range.count)
        window.length.reserveCapacity(range.count)
        window.initial.reserveCapacity(range.count)
        for position in range {
            window.slot.append(slot(at: position))
            let flags = index.tokenFlags[position]
            window.unquoted.append(unquotedCost(flags))
            window.isSound.append(flags.contains(.sound))
            window.isSkippable.append(!flags.isDisjoint(with: [.filler, .cutOff, .restart]))
            let id = Int(index.tokenIDs[position])
            window.length.append(index.keyProfiles[id].length)
            window.initial.append(index.keyBytes[id].first ?? 0)
        }
        return window
    }

    /// Aligns the quote with `range` of the caption tokens.
    ///
    /// - Complexity: O(*m* · *w*) for *m* quote tokens and *w* window tokens;
    ///   each distinct pair of words is compared once.
    mutating func align(_ range: Range<Int>, mode: Mode) -> Result {
        let m = quote.count
        let w = range.count
        let window = window(range)
        // Work on the score tables as locals (and put them back after), so the
        // loop never mutates `self` while reading it.
        var pairTable = pairScores
        var mergeTable = mergeScores
        pairScores = []
        mergeScores = []
        defer {
            pairScores = pairTable
            mergeScores = mergeTable
        }
        // Plain buffers: the recurrence writes every cell, and array writes
        // would each check for a shared copy.
        let width = w + 1
        let cells = (m + 1) * width
        let score = Self.buffer(cells, 0.0)
        let gap = Self.buffer(cells, -Double.infinity)
        let move = Self.buffer(cells, Move.stop)
        let gapExtends = Self.buffer(cells, false)
        defer {
            score.deallocate()
            gap.deallocate()
            move.deallocate()
            gapExtends.deallocate()
        }
        let floor = mode == .local ? 0 : -Double.infinity

        if mode == .fitting, m > 0 {
            for i in 1...m {
                score[i * width] = score[(i - 1) * width] + unspokenCosts[i - 1]
                move[i * width] = .unspoken
            }
        }
        var best = (score: 0.0, i: 0, j: 0)
        let (index, quote, costs, slotPositions) = (self.index, self.quote, self.costs, self.slotPositions)
        if w > 0 {
            for i in stride(from: 1, through: m, by: 1) {
                let q = i - 1
                let profile = quoteProfiles[q]
                let fullScore = needsFullScore[q]
                let unspoken = unspokenCosts[q]
                let own = quoteBytes[q]
                let gapHere = gapAllowed[i]
                let bracketHere = besideBracket[i]
                let joined = i >= 2 ? quotePairs[q] : nil
                let ownInitial = own.first ?? 0
                let editorial = quote[q].flags.contains(.editorial)
                let splittable = !editorial
                let numeric = quote[q].flags.contains(.numeric)
                for j in 1...w {
                    let cell = i * width + j
                    let slot = window.slot[j - 1]
                    let tableIndex = slot * m + q
                    var pair = pairTable[tableIndex]
                    if pair.isNaN {
                        pair = Self.pairScore(q, slotPositions[slot], quote: quote, quoteBytes: own, profile: profile,
                                              needsFullScore: fullScore, index: index, costs: costs)
                        pairTable[tableIndex] = pair
                    }
                    if window.isSound[j - 1] {
                        pair = -.infinity
                    } else if editorial, window.isSkippable[j - 1] {
                        pair += costs.skippedFiller
                    }
                    var bestScore = floor
                    var bestMove = Move.stop
                    let diagonal = score[cell - width - 1] + pair
                    if diagonal > bestScore { bestScore = diagonal; bestMove = .pair }
                    let up = score[cell - width] + unspoken
                    if up > bestScore { bestScore = up; bestMove = .unspoken }
                    let unquoted = bracketHere ? max(window.unquoted[j - 1], costs.bracketSkip) : window.unquoted[j - 1]
                    let left = score[cell - 1] + unquoted
                    if left > bestScore { bestScore = left; bestMove = .unquoted }

                    // Two quote words written as one spoken word.
                    if let joined, !window.isSound[j - 1], window.initial[j - 1] == joined.first {
                        var s = mergeTable[tableIndex]
                        if s.isNaN {
                            s = Self.joinedSimilarity(joined, index.keyBytes[Int(index.tokenIDs[slotPositions[slot]])], numeric: numeric)
                            mergeTable[tableIndex] = s
                        }
                        let merged = score[cell - 2 * width - 1] + 2 * costs.mergeFactor * s
                        if s > 0, merged > bestScore { bestScore = merged; bestMove = .mergeQuote }
                    }
                    // One quote word spoken (or captioned) as two.
                    if j >= 2, splittable, window.initial[j - 2] == ownInitial, window.length[j - 2] < own.count,
                       !window.isSound[j - 1], !window.isSound[j - 2] {
                        let joinedLength = window.length[j - 2] + window.length[j - 1]
                        let joinedMask = index.keyProfiles[Int(index.tokenIDs[range.lowerBound + j - 2])].mask
                            | index.keyProfiles[Int(index.tokenIDs[range.lowerBound + j - 1])].mask
                        if joinedLength == own.count || WordSimilarity.couldBeSimilar(own.count, joinedLength),
                           WordSimilarity.masksAllow(profile.mask, joinedMask, length: max(own.count, joinedLength)) {
                            let parts = index.keyBytes[Int(index.tokenIDs[range.lowerBound + j - 2])]
                                + index.keyBytes[Int(index.tokenIDs[range.lowerBound + j - 1])]
                            let s = Self.joinedSimilarity(own, parts, numeric: numeric)
                            let merged = score[cell - width - 2] + costs.mergeFactor * s
                            if s > 0, merged > bestScore { bestScore = merged; bestMove = .mergeCaption }
                        }
                    }
                    if gapHere {
                        let open = score[cell - 1] + costs.gapOpen
                        let extend = gap[cell - 1] + costs.gapExtend
                        gap[cell] = max(open, extend)
                        gapExtends[cell] = extend > open
                        if gap[cell] > bestScore { bestScore = gap[cell]; bestMove = .gap }
                    }
                    score[cell] = bestScore
                    move[cell] = bestMove
                    if mode == .local, bestScore > best.score { best = (bestScore, i, j) }
                }
            }
        }
        if mode == .fitting {
            best = (-.infinity, m, 0)
            for j in 0...w where score[m * width + j] > best.score { best = (score[m * width + j], m, j) }
        }
        return Result(score: best.score, steps: traceBack(from: (best.i, best.j), mode: mode, width: width, window: range, move: move, gapExtends: gapExtends))
    }

    private static func buffer<T>(_ count: Int, _ value: T) -> UnsafeMutableBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
        buffer.initialize(repeating: value)
        return buffer
    }

    private func traceBack(from end: (i: Int, j: Int), mode: Mode, width: Int, window: Range<Int>,
                           move: UnsafeMutableBufferPointer<Move>, gapExtends: UnsafeMutableBufferPointer<Bool>) -> [AlignmentStep] {
        var steps: [AlignmentStep] = []
        var (i, j) = end
        var inGap = false
        while i > 0 {
            let cell = i * width + j
            let c = window.lowerBound + j - 1
            if inGap {
                steps.append(.captionOnly(c, gap: .ellipsis))
                inGap = gapExtends[cell]
                j -= 1
                continue
            }
            switch move[cell] {
            case .stop:
                i = 0
            case .pair:
                steps.append(.pair(quote: i - 1, caption: c, similarity: WordSimilarity.similarity(quote[i - 1], index.tokens[c])))
                i -= 1; j -= 1
            case .unspoken:
                steps.append(.quoteOnly(i - 1))
                i -= 1
            case .unquoted:
                steps.append(.captionOnly(c, gap: besideBracket[i] ? .editorial : nil))
                j -= 1
            case .mergeQuote:
                let s = Self.joinedSimilarity(quotePairs[i - 1] ?? [], index.keyBytes[Int(index.tokenIDs[c])], numeric: quote[i - 1].flags.contains(.numeric))
                steps.append(.merge(quote: (i - 2)..<i, caption: c..<(c + 1), similarity: s))
                i -= 2; j -= 1
            case .mergeCaption:
                let joined = index.keyBytes[Int(index.tokenIDs[c - 1])] + index.keyBytes[Int(index.tokenIDs[c])]
                let s = Self.joinedSimilarity(quoteBytes[i - 1], joined, numeric: quote[i - 1].flags.contains(.numeric))
                steps.append(.merge(quote: (i - 1)..<i, caption: (c - 1)..<(c + 1), similarity: s))
                i -= 1; j -= 2
            case .gap:
                inGap = true
            }
        }
        if mode == .local {
            // A local alignment starts and ends on a pairing, never on a skip.
            while let last = steps.last, !last.isPairing { steps.removeLast() }
            while let first = steps.first, !first.isPairing { steps.removeFirst() }
        }
        return steps.reversed()
    }
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
