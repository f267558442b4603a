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
        order = cues.indices.sorted { (cues[$0].start, $0) < (cues[$1].start, $1) }
        tokens = order.map { CueTokenizer.tokens(of: cues[$0].content) }
        let displayed = tokens.map { cueTokens in
            RollUpDeduplicator.DisplayedCue(
                words: cueTokens.map(\.text),
                lineStarts: cueTokens.indices.filter { cueTokens[$0].isLineStart })
        }
        repeated = RollUpDeduplicator(mode: rollUp).repeatedPrefixLengths(of: displayed)
    }
}
