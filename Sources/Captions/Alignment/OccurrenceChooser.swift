/// Chooses, for quotes spoken more than once, which occurrence the article
/// quotes, using the article's context.
///
/// The choice maximises, over all quotes in article order at once (a Viterbi
/// pass), the sum of
/// - each chosen occurrence's own merit: ``matchedBonus`` for a full match,
///   plus ``scoreWeight`` times its score;
/// - ``speakerWeight`` when the captions' speaker is the article's, minus it
///   when they disagree;
/// - between consecutive located quotes, ``orderBonus`` when the later quote
///   is spoken later in the same video, and up to ``proximityBonus`` the
///   closer together they are spoken.
///
/// The weights are set so that a full match always beats a partial one, a
/// clearly better match beats context, and context decides between
/// occurrences that are about equally good — the usual case for a phrase a
/// speaker repeats, or an anchor reading a quote before the clip plays.
enum OccurrenceChooser {
    static let matchedBonus = 10.0
    static let scoreWeight = 10.0
    static let speakerWeight = 1.5
    static let orderBonus = 1.0
    static let proximityBonus = 0.5
    /// How quickly the proximity bonus falls with distance, in seconds.
    static let proximityScale = 120.0

    /// The index of the chosen occurrence of each quote, or `nil` for quotes with none.
    static func choose(_ candidates: [[QuoteOccurrence]]) -> [Int?] {
        let located = candidates.indices.filter { !candidates[$0].isEmpty }
        var choice = [Int?](repeating: nil, count: candidates.count)
        guard !located.isEmpty else { return choice }

        // best[k][s]: the best total for quotes located[0...k] with occurrence s of quote located[k].
        var best: [[Double]] = []
        var back: [[Int]] = []
        for (k, quote) in located.enumerated() {
            let states = candidates[quote]
            var totals = [Double](repeating: 0, count: states.count)
            var from = [Int](repeating: 0, count: states.count)
            for (s, occurrence) in states.enumerated() {
                var incoming = 0.0
                if k > 0 {
                    let previous = candidates[located[k - 1]]
                    incoming = -.infinity
                    for (p, earlier) in previous.enumerated() {
                        let total = best[k - 1][p] + transition(earlier, occurrence)
                        if total > incoming { incoming = total; from[s] = p }
                    }
                }
                totals[s] = incoming + merit(occurrence)
            }
            best.append(totals)
            back.append(from)
        }
        // Ties go to the earlier candidate (candidates come in time order).
        let finals = best[best.count - 1]
        var state = finals.indices.reduce(0) { finals[$1] > finals[$0] ? $1 : $0 }
        for k in stride(from: located.count - 1, through: 0, by: -1) {
            choice[located[k]] = state
            state = back[k][state]
        }
        return choice
    }

    /// An occurrence's own merit.
    static func merit(_ occurrence: QuoteOccurrence) -> Double {
        var value = scoreWeight * occurrence.score
        if occurrence.status == .matched { value += matchedBonus }
        switch occurrence.speakerAgreement {
        case .agrees: value += speakerWeight
        case .disagrees: value -= speakerWeight
        case .unknown: break
        }
        return value
    }

    /// The context bonus for choosing `later` for the quote after the one at `earlier`.
    static func transition(_ earlier: QuoteOccurrence, _ later: QuoteOccurrence) -> Double {
        guard earlier.video == later.video else { return 0 }
        var value = later.start >= earlier.start ? orderBonus : 0
        let distance = abs((later.start - earlier.start).seconds)
        value += proximityBonus * proximityScale / (proximityScale + distance)
        return value
    }
}
