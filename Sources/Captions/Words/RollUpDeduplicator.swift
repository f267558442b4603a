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

        // The overlap of every cue with its predecessor, in key (word) counts.
        var pairs: [(cue: Int, overlap: Int, significant: Bool)] = []
        var previous: Int?
        for index in keyed.indices where !keyed[index].keys.isEmpty {
            if let p = previous {
                let overlap = keyed[index].overlap(after: keyed[p])
                let significant = overlap >= 2 || (overlap > 0 && overlap == keyed[p].keys.count)
                pairs.append((index, overlap, significant))
            }
            previous = index
        }

        for (position, pair) in pairs.enumerated() where pair.overlap > 0 {
            if mode == .automatic {
                let window = max(0, position - Self.neighbourhood)...min(pairs.count - 1, position + Self.neighbourhood)
                let significant = pairs[window].filter(\.significant).count
                guard significant >= 2, significant * 2 >= window.count else { continue }
            }
            result[pair.cue] = keyed[pair.cue].wordCount(coveringKeys: pair.overlap)
        }
        return result
    }

    /// A cue reduced to comparison keys: a 64-bit hash of the letters and
    /// digits of each word, lowercased (a collision would need two different
    /// words at the same place in neighbouring cues).
    private struct KeyedCue {
        /// The keys of the words that have any letter or digit.
        var keys: [UInt64] = []
        /// For each key, the index of its word.
        var wordIndices: [Int] = []
        /// Key positions at which a line starts.
        var lineStartKeys: [Int] = []

        init(_ cue: DisplayedCue) {
            var nextLine = 0
            for (index, word) in cue.words.enumerated() {
                while nextLine < cue.lineStarts.count, cue.lineStarts[nextLine] <= index {
                    if lineStartKeys.last != keys.count { lineStartKeys.append(keys.count) }
                    nextLine += 1
                }
                guard let key = Self.key(word) else { continue }
                keys.append(key)
                wordIndices.append(index)
            }
            if lineStartKeys.first != 0 { lineStartKeys.insert(0, at: 0) }
        }

        /// FNV-1a over the word's letters and digits, lowercased; `nil` when it has none.
        static func key(_ word: String) -> UInt64? {
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            var any = false
            func add(_ value: UInt32) {
                hash = (hash ^ UInt64(value)) &* 0x100_0000_01B3
                any = true
            }
            for scalar in word.unicodeScalars {
                switch scalar.value {
                case 0x41...0x5A: add(scalar.value | 0x20)
                case 0x30...0x39, 0x61...0x7A: add(scalar.value)
                case 0x80... where scalar.properties.isAlphabetic || scalar.properties.numericType != nil:
                    for lower in scalar.properties.lowercaseMapping.unicodeScalars { add(lower.value) }
                default: break
                }
            }
            return any ? hash : nil
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
