/// The captions of one video prepared for quote search: the word stream as
/// match tokens, and for every distinct token the positions where it occurs.
///
/// Built once; every quote then looks up its rarer words to find the few
/// places worth aligning, instead of sliding along all the captions.
struct CaptionIndex: Sendable {
    /// The caption words.
    let words: [TimedWord]
    /// The words as match tokens, with ``MatchToken/id`` set.
    let tokens: [MatchToken]
    /// Each distinct token key, by id.
    let keys: [String]
    /// Each distinct token key's UTF-8 bytes, by id.
    let keyBytes: [[UInt8]]
    /// Each token's id, by position (the hot path of alignment reads these
    /// rather than whole tokens).
    let tokenIDs: [Int32]
    /// Each token's flags, by position.
    let tokenFlags: [MatchToken.Flags]
    /// What the aligner needs to know about each key to rule out a fuzzy match cheaply, by id.
    let keyProfiles: [WordSimilarity.Profile]
    /// The id of each key.
    let ids: [String: Int32]
    /// For each id, the token positions where it occurs, ascending.
    let postings: [[Int32]]

    /// Indexes a word stream.
    init(_ words: [TimedWord]) {
        self.words = words
        var tokens = WordNormalizer.tokens(
            words.map(\.text), role: .caption,
            flags: words.map { $0.isSoundDescription ? MatchToken.Flags.sound : [] })
        var keys: [String] = []
        var ids: [String: Int32] = [:]
        var postings: [[Int32]] = []
        for position in tokens.indices {
            let key = tokens[position].key
            let id: Int32
            if let known = ids[key] {
                id = known
            } else {
                id = Int32(keys.count)
                ids[key] = id
                keys.append(key)
                postings.append([])
            }
            tokens[position].id = id
            postings[Int(id)].append(Int32(position))
        }
        Self.markRestarts(&tokens)
        self.tokens = tokens
        self.tokenIDs = tokens.map(\.id)
        self.tokenFlags = tokens.map(\.flags)
        self.keys = keys
        let keyBytes = keys.map { Array($0.utf8) }
        self.keyBytes = keyBytes
        self.keyProfiles = keyBytes.indices.map { WordSimilarity.Profile(key: keys[$0], bytes: keyBytes[$0]) }
        self.ids = ids
        self.postings = postings
    }

    /// The id of a key, or -1 when the captions never use it.
    func id(of key: String) -> Int32 { ids[key] ?? -1 }

    /// How often a token occurs.
    func frequency(of id: Int32) -> Int { id >= 0 ? postings[Int(id)].count : 0 }

    /// The longest phrase a speaker is taken to restart (`we will, we will go`).
    static let longestRestart = 4

    /// Flags the first copy of every phrase of up to ``longestRestart`` tokens
    /// that is said again straight away, so an alignment may skip it cheaply.
    private static func markRestarts(_ tokens: inout [MatchToken]) {
        for length in 1...longestRestart where tokens.count >= 2 * length {
            for start in 0...(tokens.count - 2 * length) {
                var repeated = true
                for k in 0..<length where tokens[start + k].id != tokens[start + length + k].id || tokens[start + k].flags.contains(.sound) {
                    repeated = false
                    break
                }
                if repeated {
                    for k in 0..<length { tokens[start + k].flags.insert(.restart) }
                }
            }
        }
    }
}
