/// Finds where each quotation of an article is spoken in one or more
/// videos' captions, to the word.
///
/// ```swift
/// let aligner = QuoteAligner(videos: [CaptionWords(document)])
/// for result in aligner.align(quotations) {
///     print(result.status, result.chosen?.start.seconds ?? "-", result.quotation.text)
/// }
/// ```
///
/// For each quote:
/// 1. The quote and the captions are normalised the same way
///    (``WordNormalizer``: case, punctuation, contractions, numbers).
/// 2. Candidate places come from the caption index: the quote's rarer words
///    are looked up, and places where at least two of them occur close
///    together become windows (one word is enough for a one-word quote).
/// 3. In each window a local (Smith–Waterman) word alignment finds the
///    best-scoring spoken stretch; a fitting alignment around it then gives
///    every quote word a verdict (``AlignmentVerdict``).
/// 4. Each window where the quote is `matched` or `partial` is an occurrence.
///    Where there are several, the article's context chooses: the verdict and
///    score first, then whether the captions' speaker is the article's, then
///    whether the choice keeps the quotes in the article's order close
///    together in time (``OccurrenceChooser``).
///
/// The captions are indexed once, when the aligner is made; aligning a quote
/// then costs time in proportion to the quote's length and the number of its
/// candidate places, not to the length of the captions.
public struct QuoteAligner: Sendable {
    /// The scores and thresholds in use.
    public let costs: AlignmentCosts
    private let indexes: [CaptionIndex]

    /// Prepares the captions of one or more videos for alignment.
    ///
    /// - Parameters:
    ///   - videos: the word streams of the videos, in the order their
    ///     occurrences are to be numbered (``QuoteOccurrence/video``).
    ///   - costs: alignment scores and thresholds.
    /// - Complexity: O(*n*) in the number of caption words.
    public init(videos: [CaptionWords], costs: AlignmentCosts = AlignmentCosts()) {
        self.costs = costs
        self.indexes = videos.map { CaptionIndex($0.words) }
    }

    /// Aligns every quotation.
    ///
    /// - Parameter quotations: the article's quotations, in article order
    ///   (the order is used to choose between repeated occurrences).
    /// - Returns: one result per quotation, in the same order.
    public func align(_ quotations: [Quotation]) -> [QuoteAlignment] {
        // Occurrences in time order, so ties in the choice go to the earliest.
        let searches = quotations.map(search).map { found in
            var sorted = found
            sorted.occurrences.sort { ($0.video, $0.start) < ($1.video, $1.start) }
            return sorted
        }
        let chosen = OccurrenceChooser.choose(searches.map(\.occurrences))
        return zip(quotations, zip(searches, chosen)).map { quotation, pair in
            let (search, choice) = pair
            guard let choice else {
                return QuoteAlignment(quotation: quotation, status: .unmatched, score: search.unmatchedScore, occurrences: [])
            }
            var occurrences = search.occurrences
            let first = occurrences.remove(at: choice)
            occurrences.sort { ($0.video, $0.start) < ($1.video, $1.start) }
            return QuoteAlignment(quotation: quotation, status: first.status, score: first.score, occurrences: [first] + occurrences)
        }
    }

    /// Aligns a single quote given as text, with no article context.
    ///
    /// - Parameters:
    ///   - text: the quote as printed.
    ///   - speaker: who is said to speak it, if known.
    /// - Returns: the result.
    public func align(text: String, speaker: String? = nil) -> QuoteAlignment {
        let quotation = Quotation(text: text, parts: [text], paragraphIndex: -1, paragraphIndices: [], range: 0..<text.utf8.count, speaker: speaker)
        return align([quotation])[0]
    }

    // MARK: Search

    private struct Search {
        var occurrences: [QuoteOccurrence] = []
        var unmatchedScore = 0.0
    }

    /// The quote's words, and the word indices that start a new part.
    static func words(of quotation: Quotation) -> (words: [String], gapsBefore: Set<Int>) {
        let parts = quotation.parts.isEmpty ? [quotation.text] : quotation.parts
        var words: [String] = []
        var gaps = Set<Int>()
        for part in parts {
            if !words.isEmpty { gaps.insert(words.count) }
            words += part.split(whereSeparator: \.isWhitespace).map(String.init)
        }
        return (words, gaps)
    }

    /// At most this many windows are aligned per quote and video.
    static let maximumAlignments = 24
    /// A local alignment scoring less than this cannot hold the five-word
    /// run of a partial match (five matches, less a misspelling or two).
    static let partialLocalScore = 4.0

    private func search(_ quotation: Quotation) -> Search {
        let (words, gaps) = Self.words(of: quotation)
        let normalized = WordNormalizer.tokens(words, role: .quote, gapsBefore: gaps)
        var result = Search()
        guard !normalized.isEmpty else { return result }
        for (video, index) in indexes.enumerated() {
            var tokens = normalized
            for i in tokens.indices { tokens[i].id = index.id(of: tokens[i].key) }
            var aligner = WordAligner(quote: tokens, index: index, costs: costs)
            let counted = tokens.filter { $0.flags.isDisjoint(with: [.editorial, .filler]) }.count
            let promising = min(0.6 * Double(counted), Self.partialLocalScore)
            // Most promising first; what is left of a window after an
            // occurrence is searched again after the others.
            var windows = CandidateWindows.find(tokens, in: index)
            var next = 0
            while next < windows.count, next < Self.maximumAlignments {
                let window = windows[next]
                next += 1
                let local = aligner.align(window, mode: .local)
                guard let span = local.steps.captionSpan else { continue }
                // Too little in common for even a partial match: no need for the full alignment.
                guard local.score >= promising else {
                    let words = min(local.score, Double(costs.minimumPartialRun - 1))
                    result.unmatchedScore = max(result.unmatchedScore, 0.3 * words / Double(costs.minimumPartialRun))
                    continue
                }
                let margin = CandidateWindows.slack
                let around = max(0, span.lowerBound - margin)..<min(index.tokens.count, span.upperBound + 1 + margin)
                let fitting = aligner.align(around, mode: .fitting)
                let verdict = AlignmentVerdict(steps: fitting.steps, alignmentScore: fitting.score, quote: tokens, index: index, costs: costs)
                guard verdict.status != .unmatched, let covered = verdict.captionTokens else {
                    result.unmatchedScore = max(result.unmatchedScore, verdict.score)
                    continue
                }
                // The rest of the window may hold the quote again.
                for rest in [window.lowerBound..<span.lowerBound, (span.upperBound + 1)..<window.upperBound]
                    where rest.count >= max(tokens.count, costs.minimumPartialRun) {
                    windows.append(rest)
                }
                let occurrence = makeOccurrence(
                    video: video, index: index, verdict: verdict, covered: covered, quotation: quotation,
                    differences: AlignmentDiff.differences(fitting.steps, quote: tokens, quoteWords: words, index: index))
                if !result.occurrences.contains(where: { $0.video == video && $0.words.overlaps(occurrence.words) && $0.score >= occurrence.score }) {
                    result.occurrences.removeAll { $0.video == video && $0.words.overlaps(occurrence.words) }
                    result.occurrences.append(occurrence)
                }
            }
        }
        return result
    }

    private func makeOccurrence(video: Int, index: CaptionIndex, verdict: AlignmentVerdict, covered: ClosedRange<Int>,
                                quotation: Quotation, differences: [QuoteDifference]) -> QuoteOccurrence {
        let range = index.tokens[covered.lowerBound].source.lowerBound..<index.tokens[covered.upperBound].source.upperBound
        let spoken = index.words[range]
        var speakerCounts: [String: Int] = [:]
        for word in spoken { if let speaker = word.speaker { speakerCounts[speaker, default: 0] += 1 } }
        let captionSpeaker = speakerCounts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        var cues: [Int] = []
        for word in spoken where cues.last != word.cueIndex && !cues.contains(word.cueIndex) { cues.append(word.cueIndex) }
        return QuoteOccurrence(
            video: video, status: verdict.status, score: verdict.score,
            start: spoken.first?.start ?? .zero, end: spoken.last?.end ?? .zero, words: range,
            captionText: spoken.filter { !$0.isSoundDescription }.map(\.text).joined(separator: " "),
            captionSpeaker: captionSpeaker,
            speakerAgreement: SpeakerNames.agreement(article: quotation.speaker, captions: captionSpeaker),
            differences: differences, cues: cues.sorted())
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
