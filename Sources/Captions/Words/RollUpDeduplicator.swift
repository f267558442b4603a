/// Finds the words that roll-up and paint-on captions show again.
///
/// Roll-up captions (live broadcast, and YouTube's automatic captions) keep
/// the previous line on screen while the next one is written: each cue
/// starts with the last line or lines of the cue before it, and YouTube adds
/// ~10 ms "hold" cues that only repeat text. Paint-on captions grow a line
/// word by word, so each cue repeats the whole previous cue. Read naively,
/// every sentence comes out two or three times.
///
/// A cue *repeats* its predecessor when its first words equal the previous
/// cue's words from the start of one of that cue's lines to its end. Words are
/// compared by their letters and digits only, so a comma added when the
/// sentence continues, or a change of case, still counts as the same word.
/// Because the repeated stretch must begin at a line start of the previous
/// cue and run to its end, a speaker who really says "yeah, yeah" across two
/// cues keeps both words unless the first cue's whole last line is re-shown.
///
/// In ``Mode/automatic`` mode a pair of cues is only de-duplicated where the
/// document rolls up around it: at least two of the seven cue pairs centred
/// on it, and at least half of them, repeat two or more words (or the whole
/// previous cue). A pop-on document with an occasional restart that spans two
/// cues ("we will," / "we will go") is left alone, while a document that
/// switches between pop-on and roll-up sections is handled section by section.
public struct RollUpDeduplicator: Sendable, Hashable {
    /// Whether to look for roll-up repetition.
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        /// De-duplicate where the surrounding cues show the roll-up pattern.
        case automatic
        /// De-duplicate every cue that starts by repeating its predecessor.
        case always
        /// Never remove anything.
        case never
    }

    /// The words of one cue as shown, line by line.
    public struct DisplayedCue: Sendable, Hashable {
        /// The cue's words in order, punctuation attached.
        public var words: [String]
        /// The index in ``words`` of the first word of each line; lines
        /// without words are left out.
        public var lineStarts: [Int]

        /// Creates a cue's display.
        ///
        /// - Parameters:
        ///   - words: the words in order.
        ///   - lineStarts: where each line begins in `words` (defaults to a single line).
        public init(words: [String], lineStarts: [Int] = [0]) {
            self.words = words
            self.lineStarts = lineStarts
        }
    }

    /// How roll-up is looked for.
    public var mode: Mode

    /// How many cue pairs on each side of a pair are consulted in ``Mode/automatic`` mode.
    static let neighbourhood = 3

    /// Creates a de-duplicator.
    ///
    /// - Parameter mode: whether to detect roll-up, assume it, or turn it off.
    public init(mode: Mode = .automatic) {
        self.mode = mode
    }

    /// Says, for each cue, how many of its leading words repeat the previous cue.
    ///
    /// - Parameter cues: the cues in time order, as displayed.
    /// - Returns: one count per cue; the words after that many are new. Empty
    ///   cues do not interrupt the comparison: a cue is compared with the last
    ///   cue before it that had words.
    /// - Complexity: O(*n* · *l* · *w*) for *n* cues of *l* lines and *w* words.
    public func repeatedPrefixLengths(of cues: [DisplayedCue]) -> [Int] {
        var result = [Int](repeating: 0, count: cues.count)
        guard mode != .never else { return result }
        let keyed = cues.map(KeyedCue.init)
        var pairs = CuePairs()
        for index in keyed.indices {
            var cue = keyed[index]
            pairs.add(&cue, index: index)
        }
        for position in pairs.list.indices where isDeduplicated(position, of: pairs.list) {
            let pair = pairs.list[position]
            result[pair.cue] = keyed[pair.cue].wordCount(coveringKeys: pair.overlap)
        }
        return result
    }

    /// `true` when the pair of cues at `position` is de-duplicated: the later
    /// cue repeats the earlier one and, in ``Mode/automatic`` mode, enough
    /// pairs around it do too.
    func isDeduplicated(_ position: Int, of pairs: [CuePair]) -> Bool {
        guard mode != .never, pairs[position].overlap > 0 else { return false }
        guard mode == .automatic else { return true }
        let window = max(0, position - Self.neighbourhood)...min(pairs.count - 1, position + Self.neighbourhood)
        let significant = pairs[window].filter(\.significant).count
        return significant >= 2 && significant * 2 >= window.count
    }

    /// How a cue overlaps the last cue before it that had words.
    struct CuePair {
        /// The later cue's index.
        var cue: Int
        /// How many of its leading keys repeat the earlier cue.
        var overlap: Int
        /// `true` when the repeat is long enough to count as roll-up
        /// evidence: two words or more, or the whole earlier cue.
        var significant: Bool
    }

    /// The pairs of consecutive cues with words, built cue by cue; cues
    /// without words are passed over, not compared.
    struct CuePairs {
        private(set) var list: [CuePair] = []
        /// The last cue added that had words.
        private var previous = KeyedCue()

        /// Compares `cue` with the last cue added that had words.
        ///
        /// A cue with words is kept as the one the next cue is compared
        /// with: it is swapped with the cue kept before, which comes back in
        /// `cue`, so that a caller keying a whole document reuses two cues'
        /// storage instead of allocating for every cue.
        mutating func add(_ cue: inout KeyedCue, index: Int) {
            guard !cue.keys.isEmpty else { return }
            if !previous.keys.isEmpty {
                let overlap = cue.overlap(after: previous)
                list.append(CuePair(cue: index, overlap: overlap, significant: overlap >= 2 || (overlap > 0 && overlap == previous.keys.count)))
            }
            swap(&previous, &cue)
        }
    }

    /// A cue reduced to the ``WordKey`` of each word, and where its lines start.
    struct KeyedCue: Equatable {
        /// The keys of the words that have any letter or digit.
        private(set) var keys: [UInt64] = []
        /// For each key, the index of its word.
        private(set) var wordIndices: [Int] = []
        /// Key positions at which a line starts.
        private(set) var lineStartKeys: [Int] = [0]

        /// An empty cue, to be filled with ``startLine()`` and ``addWord(key:index:)``.
        init() {}

        init(_ cue: DisplayedCue) {
            var nextLine = 0
            for (index, word) in cue.words.enumerated() {
                while nextLine < cue.lineStarts.count, cue.lineStarts[nextLine] <= index {
                    startLine()
                    nextLine += 1
                }
                addWord(key: WordKey.of(word), index: index)
            }
        }

        /// Empties the cue, keeping its storage.
        mutating func removeAll() {
            keys.removeAll(keepingCapacity: true)
            wordIndices.removeAll(keepingCapacity: true)
            lineStartKeys.removeAll(keepingCapacity: true)
            lineStartKeys.append(0)
        }

        /// Notes that the next word starts a line.
        mutating func startLine() {
            if lineStartKeys.last != keys.count { lineStartKeys.append(keys.count) }
        }

        /// Adds word number `index`, whose key is `key` (`nil` for a word
        /// without letters or digits, which is not compared).
        mutating func addWord(key: UInt64?, index: Int) {
            guard let key else { return }
            keys.append(key)
            wordIndices.append(index)
        }

        /// The longest prefix of this cue's keys that equals the previous
        /// cue's keys from one of its line starts to its end.
        func overlap(after previous: KeyedCue) -> Int {
            for start in previous.lineStartKeys where start < previous.keys.count {
                let length = previous.keys.count - start
                guard length <= keys.count else { continue }
                if keys[0..<length].elementsEqual(previous.keys[start...]) { return length }
            }
            return 0
        }

        /// How many words of the cue hold its first `count` keys (marks such
        /// as `>>` between them included, any after them not).
        func wordCount(coveringKeys count: Int) -> Int {
            count == 0 ? 0 : wordIndices[count - 1] + 1
        }
    }
}
