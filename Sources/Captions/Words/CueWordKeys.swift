/// Reduces a cue's nodes to the ``WordKey`` of each token, and where its
/// lines start: the ``RollUpDeduplicator/KeyedCue`` that the tokens of
/// ``CueTokenizer/tokens(of:)`` would give, without making the tokens.
///
/// Deciding whether a document rolls up at all must look at every cue, and
/// most documents do not: building a `String`, a voice and an anchor for
/// every word of a 50 MB file only to find that no cue repeats the one
/// before costs seconds. This reads the same token boundaries (it is fed by
/// ``CueTokenizer/walk(_:into:)``) and hashes each token's bytes as they come,
/// reusing the keyed cue's storage from cue to cue.
struct CueWordKeys: CueTokenSink {
    static let readsContext = false
    /// The cue being read.
    private var cue = RollUpDeduplicator.KeyedCue()
    /// The key of the token being read.
    private var key = WordKey()
    /// The token's first three bytes, big-endian, and how many of them there
    /// are so far (at most 3): enough to tell a glued `>>`.
    private var tokenStart: UInt32 = 0
    private var tokenLength = 0
    /// How many tokens of the cue came before the one being read.
    private var tokenCount = 0
    private var lineHasToken = false

    /// Reads the keys of one cue into `keyed`, replacing what it held but
    /// reusing its storage.
    mutating func read(_ nodes: [CueNode], into keyed: inout RollUpDeduplicator.KeyedCue) {
        swap(&cue, &keyed)
        defer { swap(&cue, &keyed) }
        cue.removeAll()
        key = WordKey()
        (tokenStart, tokenLength) = (0, 0)
        tokenCount = 0
        lineHasToken = false
        CueTokenizer.walk(nodes, into: &self)
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, context: CueTokenContext) {
        var i = 0
        while tokenLength < 3, i < bytes.count {
            tokenStart = tokenStart << 8 | UInt32(bytes[i])
            tokenLength += 1
            i += 1
        }
        key.add(utf8: bytes)
    }

    mutating func endToken() {
        guard tokenLength > 0 else { return }
        if !lineHasToken { cue.startLine() }
        lineHasToken = true
        // A `>>` glued to a word is a token of its own (with no key), so the
        // word's index is one more (see ``CueTokenizer/startsGluedArrows(_:at:)``).
        if tokenLength == 3, tokenStart >> 8 == 0x3E3E, tokenStart & 0xFF != 0x3E { tokenCount += 1 }
        cue.addWord(key: key.value, index: tokenCount)
        tokenCount += 1
        key = WordKey()
        tokenStart = 0
        tokenLength = 0
    }

    mutating func endLine() {
        lineHasToken = false
    }

    mutating func mark(_ time: MediaTime) {}
}
