/// The cues of a document as a viewer sees them: in time order, split into
/// tokens, with how many leading tokens of each only repeat the cue before.
///
/// The one place where cue order, tokenizing and roll-up detection are
/// combined, shared by ``CaptionWords`` and ``CaptionDocument/poppedOn(rollUp:)``
/// so the two always agree on which words are new.
struct DisplayedCues {
    /// Indices into the cue array, in order of start time; cues starting
    /// together keep their file order.
    let order: [Int]
    /// The tokens of each cue, by position in ``order``.
    let tokens: [[CueToken]]
    /// How many leading tokens of each cue repeat its predecessor, by position in ``order``.
    let repeated: [Int]

    init(_ cues: [Cue], rollUp: RollUpDeduplicator.Mode) {
        order = Self.order(of: cues)
        tokens = order.map { CueTokenizer.tokens(of: cues[$0].content) }
        let displayed = tokens.map { cueTokens in
            RollUpDeduplicator.DisplayedCue(
                words: cueTokens.map(\.text),
                lineStarts: cueTokens.indices.filter { cueTokens[$0].isLineStart })
        }
        repeated = RollUpDeduplicator(mode: rollUp).repeatedPrefixLengths(of: displayed)
    }

    /// `true` when some cue would be found to repeat its predecessor, that
    /// is, when ``repeated`` would hold a count above zero.
    ///
    /// Worth asking before building a ``DisplayedCues``: it keys each cue's
    /// words straight from its text (``CueWordKeys``) with no `String` per
    /// word and no storage per cue, so a document without roll-up, the usual
    /// case, is told apart in a fraction of the time the tokens take.
    static func hasRepetition(in cues: [Cue], rollUp: RollUpDeduplicator.Mode) -> Bool {
        guard rollUp != .never else { return false }
        let deduplicator = RollUpDeduplicator(mode: rollUp)
        var reader = CueWordKeys()
        var keyed = RollUpDeduplicator.KeyedCue()
        var pairs = RollUpDeduplicator.CuePairs()
        for (position, index) in order(of: cues).enumerated() {
            reader.read(cues[index].content, into: &keyed)
            pairs.add(&keyed, index: position)
        }
        return pairs.list.indices.contains { deduplicator.isDeduplicated($0, of: pairs.list) }
    }

    /// The cue indices in order of start time, cues starting together in file order.
    private static func order(of cues: [Cue]) -> [Int] {
        // Files nearly always list their cues in order: check before sorting.
        if cues.indices.dropFirst().allSatisfy({ cues[$0 - 1].start <= cues[$0].start }) {
            return Array(cues.indices)
        }
        return cues.indices.sorted { (cues[$0].start, $0) < (cues[$1].start, $1) }
    }
}
