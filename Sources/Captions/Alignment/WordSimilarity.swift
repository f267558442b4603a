/// How alike two normalised words are, from 0 (different) to 1 (the same).
///
/// Fuzzy similarity exists for misspelled names (`Zelneskyy`/`Zelenskyy`),
/// typos, British and American spelling, and caption transcription slips.
/// It is refused wherever a near-spelling is a different meaning:
/// - numbers are equal or different (`20` is not `30`);
/// - auxiliaries, modals, pronouns, quantifiers and negations
///   (``MatchingLexicon/exactOnly``, ``MatchingLexicon/negations``) are equal or different
///   (`ever`/`never`, `would`/`could`, `our`/`your`);
/// - words of three letters or fewer must be equal;
/// - a word and its negated or opposite form (`likely`/`unlikely`,
///   `increase`/`decrease`) and a verb and its past (`agree`/`agreed`) are different.
enum WordSimilarity {
    /// The lowest similarity counted as the same word misspelled.
    static let fuzzyThreshold = 0.75
    /// The similarity given to homophones (`their`/`there`).
    static let homophone = 0.9
    /// The similarity given to words that sound alike by their consonants (`Zelinski`/`Zelenskyy`).
    static let phonetic = 0.8

    /// The similarity of two tokens.
    static func similarity(_ a: MatchToken, _ b: MatchToken) -> Double {
        similarity(a, Array(a.key.utf8), b, Array(b.key.utf8))
    }

    /// The similarity of two tokens whose keys' bytes the caller already has.
    static func similarity(_ a: MatchToken, _ aBytes: [UInt8], _ b: MatchToken, _ bBytes: [UInt8]) -> Double {
        if a.key == b.key { return 1 }
        if a.alternates.contains(b.key) || b.alternates.contains(a.key) { return 1 }
        if let x = MatchingLexicon.homophones[a.key], x == MatchingLexicon.homophones[b.key] { return homophone }
        if a.flags.contains(.numeric) || b.flags.contains(.numeric) { return decadeSimilarity(a.key, b.key) }
        let exactOnly: MatchToken.Flags = [.exactOnly, .negation]
        if !a.flags.isDisjoint(with: exactOnly) || !b.flags.isDisjoint(with: exactOnly) { return 0 }
        return similarity(aBytes, bBytes)
    }

    /// ``similarity(_:_:_:_:)`` for two tokens neither of which is a number,
    /// a homophone or a contraction's letter (their ``Profile/isSpecial`` is
    /// false), which skips the table lookups.
    static func similarity(ofOrdinary a: MatchToken, _ aBytes: [UInt8], _ b: MatchToken, _ bBytes: [UInt8]) -> Double {
        let exactOnly: MatchToken.Flags = [.exactOnly, .negation]
        if !a.flags.isDisjoint(with: exactOnly) || !b.flags.isDisjoint(with: exactOnly) { return aBytes == bBytes ? 1 : 0 }
        return similarity(aBytes, bBytes)
    }

    /// Whether two words with these letter masks can be within the fuzzy
    /// threshold's edits of each other (each letter one has and the other
    /// lacks needs an edit).
    @inline(__always)
    static func masksAllow(_ a: UInt64, _ b: UInt64, length: Int) -> Bool {
        let allowed = Int(Double(length) * (1 - fuzzyThreshold))
        return (a & ~b).nonzeroBitCount <= allowed && (b & ~a).nonzeroBitCount <= allowed
    }

    /// The similarity of two words that may be fuzzily equal.
    static func similarity(_ a: String, _ b: String) -> Double {
        similarity(Array(a.utf8), Array(b.utf8))
    }

    /// The similarity of two words, given as UTF-8 bytes, that may be fuzzily equal.
    ///
    /// Cheap tests come first, since most pairs an alignment asks about are
    /// unrelated words: the lengths, then the letters one word has and the
    /// other lacks (each needs at least one edit), and only then the edit distance.
    static func similarity(_ x: [UInt8], _ y: [UInt8]) -> Double {
        if x == y { return 1 }
        guard couldBeSimilar(x.count, y.count) else { return 0 }
        let longest = max(x.count, y.count)
        let soundAlike = min(x.count, y.count) >= 6 && sameInitial(x, y) && consonantSkeleton(x) == consonantSkeleton(y)
        if !soundAlike, !masksAllow(letterMask(x), letterMask(y), length: longest) { return 0 }
        if arePastAndPresent(x, y) || areOpposites(x, y) { return 0 }
        let score = 1 - Double(damerauLevenshtein(x, y)) / Double(longest)
        if score >= fuzzyThreshold { return min(score, 0.95) }
        return soundAlike ? phonetic : 0
    }

    /// Whether two words start with the same letter, as the sound key sees it.
    private static func sameInitial(_ x: [UInt8], _ y: [UInt8]) -> Bool {
        func initial(_ word: [UInt8]) -> UInt8? { word.first.map { $0 == UInt8(ascii: "y") ? UInt8(ascii: "i") : $0 } }
        return initial(x) == initial(y)
    }

    /// One bit per distinct byte value (modulo 64) in a word.
    static func letterMask(_ word: [UInt8]) -> UInt64 {
        var mask: UInt64 = 0
        for byte in word { mask |= 1 << UInt64(byte & 63) }
        return mask
    }

    /// How different two words paired by an alignment are, when they are not
    /// the same word.
    enum Substitution {
        /// Alike in spelling or sound, or both short function words: the kind
        /// of slip transcription makes (`Kremlin`/`crumbling`, `a`/`the`).
        case near
        /// Unrelated words.
        case far
        /// A number, negation, auxiliary, pronoun or quantifier changed.
        case meaningful
    }

    /// Classifies a pair of different words.
    static func substitution(_ a: MatchToken, _ b: MatchToken) -> Substitution {
        let exact: MatchToken.Flags = [.exactOnly, .negation, .numeric]
        if !a.flags.isDisjoint(with: exact) || !b.flags.isDisjoint(with: exact) { return .meaningful }
        let x = Array(a.key.utf8)
        let y = Array(b.key.utf8)
        let longest = max(x.count, y.count)
        if longest <= 3 { return .near }
        if 1 - Double(damerauLevenshtein(x, y)) / Double(longest) >= 0.5 { return .near }
        if min(x.count, y.count) >= 4, damerauLevenshtein(consonantSkeleton(x), consonantSkeleton(y)) <= 1 { return .near }
        return .far
    }

    /// What is needed to rule out a fuzzy match between two words without
    /// comparing them: most word pairs an alignment meets are unrelated.
    struct Profile: Sendable {
        /// The key's length in bytes.
        var length: Int
        /// ``letterMask(_:)`` of the key.
        var mask: UInt64
        /// The key's first byte (`y` read as `i`), 0 for an empty key.
        var initial: UInt8
        /// A hash of the key's ``consonantSkeleton(_:)``.
        var soundKey: Int
        /// The key can equal a different key (a homophone, a contraction's
        /// letter, a decade), so only the full comparison can tell.
        var isSpecial: Bool

        init(key: String, bytes: [UInt8]) {
            length = bytes.count
            mask = WordSimilarity.letterMask(bytes)
            initial = bytes.first.map { $0 == UInt8(ascii: "y") ? UInt8(ascii: "i") : $0 } ?? 0
            soundKey = bytes.count >= 6 ? consonantSkeleton(bytes).hashValue : 0
            isSpecial = MatchingLexicon.homophones[key] != nil || MatchingLexicon.ambiguousContractions[key] != nil
                || bytes.first.map { $0 >= 0x30 && $0 <= 0x39 } == true
        }

        /// `true` when two words with these profiles certainly are not fuzzily similar.
        @inline(__always)
        func rulesOut(_ other: Profile) -> Bool {
            if isSpecial || other.isSpecial { return false }
            guard couldBeSimilar(length, other.length) else { return true }
            if min(length, other.length) >= 6, soundKey == other.soundKey { return false }  // may sound alike
            return !masksAllow(mask, other.mask, length: max(length, other.length))
        }
    }

    /// Whether words of these lengths can reach the fuzzy threshold: both
    /// longer than three letters, and lengths close enough for a typo.
    @inline(__always)
    static func couldBeSimilar(_ a: Int, _ b: Int) -> Bool {
        let shortest = min(a, b)
        let longest = max(a, b)
        return shortest > 3 && Double(longest - shortest) <= Double(longest) * (1 - fuzzyThreshold)
    }

    /// `90s` and `1990s` are the same decade; other different numbers are different.
    private static func decadeSimilarity(_ a: String, _ b: String) -> Double {
        guard a.hasSuffix("s"), b.hasSuffix("s") else { return 0 }
        return a.hasSuffix(b) || b.hasSuffix(a) ? homophone : 0
    }

    /// `likely`/`unlikely`, `increase`/`decrease`, `import`/`export`.
    private static func areOpposites(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        func strip(_ word: [UInt8], _ prefix: [UInt8]) -> ArraySlice<UInt8>? {
            word.starts(with: prefix) ? word[prefix.count...] : nil
        }
        for prefix in negatingPrefixBytes {
            if let rest = strip(a, prefix), rest.elementsEqual(b) { return true }
            if let rest = strip(b, prefix), rest.elementsEqual(a) { return true }
        }
        for (p, q) in opposingPrefixBytes {
            if let x = strip(a, p), let y = strip(b, q), x.elementsEqual(y) { return true }
            if let x = strip(a, q), let y = strip(b, p), x.elementsEqual(y) { return true }
        }
        return false
    }

    private static let negatingPrefixBytes = MatchingLexicon.negatingPrefixes.map { Array($0.utf8) }
    private static let opposingPrefixBytes = MatchingLexicon.opposingPrefixes.map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// `agree`/`agreed`, `walk`/`walked`: a change of tense.
    private static func arePastAndPresent(_ x: [UInt8], _ y: [UInt8]) -> Bool {
        let (short, long) = x.count < y.count ? (x, y) : (y, x)
        guard long.count - short.count <= 2, long.starts(with: short) else { return false }
        let rest = long[short.count...]
        return rest.elementsEqual("ed".utf8) || rest.elementsEqual("d".utf8)
    }

    /// The optimal-string-alignment distance: insertions, deletions,
    /// substitutions and transpositions of neighbours each cost one.
    static func damerauLevenshtein(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        // Three rows in one stack buffer: two rows back, the last row, this row.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * width) { rows in
            var previous2 = 0, previous = width, current = 2 * width
            for j in 0..<width { rows[previous + j] = j }
            for i in 1...a.count {
                rows[current] = i
                for j in 1...b.count {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    var value = min(rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        value = min(value, rows[previous2 + j - 2] + 1)
                    }
                    rows[current + j] = value
                }
                (previous2, previous, current) = (previous, current, previous2)
            }
            return rows[previous + b.count]
        }
    }

    /// A rough sound key: the first letter, then the consonants with
    /// doubled letters and spelling variants (`ph`/`f`, `ck`/`k`, `z`/`s`,
    /// `y`/`i`) merged, vowels dropped.
    static func consonantSkeleton(_ word: [UInt8]) -> [UInt8] {
        guard let first = word.first else { return [] }
        var result: [UInt8] = [first == UInt8(ascii: "y") ? UInt8(ascii: "i") : first]
        var i = 1
        while i < word.count {
            var c = word[i]
            if c == UInt8(ascii: "p"), i + 1 < word.count, word[i + 1] == UInt8(ascii: "h") { c = UInt8(ascii: "f"); i += 1 }
            else if c == UInt8(ascii: "c"), i + 1 < word.count, word[i + 1] == UInt8(ascii: "k") { c = UInt8(ascii: "k"); i += 1 }
            switch c {
            case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
                 UInt8(ascii: "y"), UInt8(ascii: "h"), UInt8(ascii: "w"):
                i += 1
                continue
            case UInt8(ascii: "z"): c = UInt8(ascii: "s")
            case UInt8(ascii: "c"), UInt8(ascii: "q"): c = UInt8(ascii: "k")
            case UInt8(ascii: "v"): c = UInt8(ascii: "f")
            default: break
            }
            if result.last != c { result.append(c) }
            i += 1
        }
        return result
    }
}
