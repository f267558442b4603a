/// Turns words as printed or captioned into ``MatchToken``s.
///
/// The same steps run on both sides, so whatever the article and the
/// captions write differently reaches the aligner in one form:
/// - case is folded, accents are removed from Latin letters, curly
///   apostrophes become straight ones, surrounding punctuation goes;
/// - hyphens, dashes and slashes split words (`well-known`, `24/7`);
/// - `...`/`…` marks a gap the quote may skip over; `[...]` and `(...)` in a
///   quote mark an editor's words;
/// - contractions are expanded (`don't` → `do not`, `gonna` → `going to`;
///   `'s` and `'d` become a token that accepts every word they stand for);
/// - numbers reach one form whether written in digits or words
///   (see ``NumberNormalizer``);
/// - fillers, negations and words that allow no fuzzy match are flagged.
struct WordNormalizer {
    /// Which side the words come from: brackets are an editor's words only in a quote.
    enum Role { case quote, caption }

    /// A cleaned-up piece of a word, before numbers are read.
    struct Piece {
        var text: String
        var source: Range<Int>
        var flags: MatchToken.Flags
        var alternates: [String] = []
        /// The piece was written with a full stop after it (`No.`).
        var endsWithPeriod = false
        /// What the lexicon says about the piece, once looked up.
        var entry: MatchingLexicon.Entry?

        init(text: String, source: Range<Int>, flags: MatchToken.Flags, alternates: [String] = [],
             endsWithPeriod: Bool = false, entry: MatchingLexicon.Entry?? = nil) {
            self.text = text
            self.source = source
            self.flags = flags
            self.alternates = alternates
            self.endsWithPeriod = endsWithPeriod
            self.entry = entry ?? MatchingLexicon.entries[text]
        }
    }

    private let role: Role
    private var bracketDepth = 0
    private var pendingGap = false
    private(set) var pieces: [Piece] = []

    /// Creates a normalizer for one side.
    init(role: Role) {
        self.role = role
    }

    /// Normalises a whole word list.
    ///
    /// - Parameters:
    ///   - words: the words as written.
    ///   - role: quote or caption.
    ///   - flags: extra flags for each word (caption sound descriptions), if any.
    ///   - gapsBefore: word indices that start a new part of a quote.
    /// - Returns: the tokens, in order.
    static func tokens(_ words: [String], role: Role, flags: [MatchToken.Flags]? = nil, gapsBefore: Set<Int> = []) -> [MatchToken] {
        var normalizer = WordNormalizer(role: role)
        var sentenceStart = true
        for (index, word) in words.enumerated() {
            if gapsBefore.contains(index) { normalizer.markGap() }
            var wordFlags = flags?[index] ?? []
            if role == .quote, !sentenceStart, word.first(where: \.isLetter)?.isUppercase == true {
                wordFlags.insert(.capitalised)
            }
            normalizer.add(word, index: index, flags: wordFlags)
            let end = word.last { !"\"'\u{201D}\u{2019})]".contains($0) }
            sentenceStart = end == "." || end == "!" || end == "?" || end == ":"
        }
        return normalizer.finish()
    }

    /// Marks that the words added next do not follow straight on from the last.
    mutating func markGap() {
        pendingGap = true
    }

    /// Adds one word as written.
    mutating func add(_ word: String, index: Int, flags wordFlags: MatchToken.Flags = []) {
        let scalars = Array(word.unicodeScalars)
        var current: [UInt8] = []
        let firstPiece = pieces.count

        func flush(endsWithPeriod: Bool = false) {
            guard !current.isEmpty else { return }
            var flags = wordFlags
            if role == .quote, bracketDepth > 0 { flags.insert(.editorial) }
            if pendingGap {
                flags.insert(.gapBefore)
                pendingGap = false
            }
            appendExpanded(current, source: index..<(index + 1), flags: flags, endsWithPeriod: endsWithPeriod)
            current.removeAll(keepingCapacity: true)
        }

        var k = 0
        while k < scalars.count {
            let scalar = scalars[k]
            let next: Unicode.Scalar? = k + 1 < scalars.count ? scalars[k + 1] : nil
            let previousIsDigit = current.last.map { $0 >= 0x30 && $0 <= 0x39 } ?? false
            switch scalar.value {
            case 0x41...0x5A:
                current.append(UInt8(scalar.value | 0x20))
            case 0x61...0x7A, 0x30...0x39:
                current.append(UInt8(scalar.value))
            case 0x27, 0x2019, 0x2018, 0x02BC, 0x60, 0x2032:
                // Apostrophes are kept inside words (contractions) and before
                // a word (`'em`, `'90s`); trailing ones are trimmed later.
                current.append(0x27)
            case 0x2E:  // .
                if next == "." || (k > 0 && scalars[k - 1] == ".") {
                    if next != "." { flush(); pendingGap = true }  // the last dot of `...`
                } else if previousIsDigit, let next, Self.isDigit(next) {
                    current.append(0x2E)
                } else if next == nil || !Self.isWordScalar(next!) {
                    flush(endsWithPeriod: true)
                }
                // Otherwise an abbreviation's inner dot (`U.S.`): dropped.
            case 0x2026:  // …
                flush()
                pendingGap = true
            case 0x2C:  // ,
                if !(previousIsDigit && next.map(Self.isDigit) == true) { flush() }
            case 0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2F:
                flush()
            case 0x5B, 0x28:  // [ (
                flush()
                bracketDepth += 1
            case 0x5D, 0x29:  // ] )
                flush()
                bracketDepth = max(0, bracketDepth - 1)
            case 0x25:  // %
                if current.isEmpty {
                    current.append(contentsOf: "percent".utf8)
                } else {
                    current.append(0x25)
                }
            case 0x26:  // &
                if scalars.count == 1 { current.append(contentsOf: "and".utf8) }
            case 0x24, 0xA3, 0x20AC, 0xA5:  // $ £ € ¥ before digits
                if current.isEmpty, let next, Self.isDigit(next) { current.append(contentsOf: String(scalar).utf8) }
            case 0xC0...0x17F:
                current.append(contentsOf: Self.folded(scalar).utf8)
            default:
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    current.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                }
            }
            k += 1
        }
        flush()
        // A word that ends in a dash was broken off (`wh-`, `I--`).
        if let last = scalars.last, Self.isDash(last), pieces.count > firstPiece {
            pieces[pieces.count - 1].flags.insert(.cutOff)
        }
    }

    /// Reads numbers and flags the tokens.
    mutating func finish() -> [MatchToken] {
        var tokens = NumberNormalizer.normalize(pieces)
        for index in tokens.indices {
            let key = tokens[index].key
            if let first = key.utf8.first, first >= 0x30, first <= 0x39 { tokens[index].flags.insert([.numeric, .exactOnly]) }
            if index > 0, MatchingLexicon.isFillerPhrase(tokens[index - 1].key, key) {
                tokens[index - 1].flags.insert(.filler)
                tokens[index].flags.insert(.filler)
            }
        }
        return tokens
    }

    // MARK: Contractions

    /// Appends a cleaned piece, expanding contractions and dropping apostrophes.
    private mutating func appendExpanded(_ bytes: [UInt8], source: Range<Int>, flags: MatchToken.Flags, endsWithPeriod: Bool) {
        // Most words have no apostrophe: one lookup for `gonna`, `cannot` and the like.
        guard bytes.contains(0x27) else {
            let text = String(decoding: bytes, as: UTF8.self)
            let entry = MatchingLexicon.entries[text]
            if let expansion = entry?.expansion {
                append(expansion, source: source, flags: flags)
            } else {
                pieces.append(Piece(text: text, source: source, flags: flags, endsWithPeriod: endsWithPeriod, entry: entry))
            }
            return
        }
        var text = Substring(String(decoding: bytes, as: UTF8.self))
        while text.last == "'" { text = text.dropLast() }
        if let expansion = MatchingLexicon.irregularContractions[String(text)] {
            append(expansion, source: source, flags: flags)
            return
        }
        while text.first == "'" { text = text.dropFirst() }
        guard !text.isEmpty else { return }
        if let expansion = MatchingLexicon.irregularContractions[String(text)] {
            append(expansion, source: source, flags: flags)
            return
        }
        for (suffix, expansion) in MatchingLexicon.contractionSuffixes where text.count > suffix.count && text.hasSuffix(suffix) {
            append([Self.withoutApostrophes(text.dropLast(suffix.count)), expansion], source: source, flags: flags)
            return
        }
        for (letter, meanings) in MatchingLexicon.ambiguousContractions where text.count > 2 && text.hasSuffix("'" + letter) {
            append([Self.withoutApostrophes(text.dropLast(2))], source: source, flags: flags)
            pieces.append(Piece(text: letter, source: source, flags: flags.subtracting(.gapBefore), alternates: meanings))
            return
        }
        pieces.append(Piece(text: Self.withoutApostrophes(text), source: source, flags: flags, endsWithPeriod: endsWithPeriod))
    }

    private mutating func append(_ words: [String], source: Range<Int>, flags: MatchToken.Flags) {
        for (offset, word) in words.enumerated() where !word.isEmpty {
            pieces.append(Piece(text: word, source: source, flags: offset == 0 ? flags : flags.subtracting(.gapBefore)))
        }
    }

    private static func withoutApostrophes(_ text: Substring) -> String {
        text.contains("'") ? String(text.filter { $0 != "'" }) : String(text)
    }

    // MARK: Characters

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }

    private static func isDash(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || (scalar.value >= 0x2010 && scalar.value <= 0x2015)
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || isDigit(scalar)
    }

    /// Base letters of U+00C0...U+017F (`.` where there is none, or more than one).
    private static let latinBases = Array(
        "aaaaaa.ceeeeiiiidnooooo.ouuuuy..aaaaaa.ceeeeiiiidnooooo.ouuuuy.yaaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii..jjkkkllllll..llnnnnnn.nnoooooo..rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs"
            .unicodeScalars)
    private static let latinLigatures: [UInt32: String] = [
        0xC6: "ae", 0xE6: "ae", 0xDE: "th", 0xFE: "th", 0xDF: "ss", 0x132: "ij", 0x133: "ij", 0x152: "oe", 0x153: "oe",
    ]

    /// A Latin-1 or Latin Extended-A letter without its accent, lowercased.
    static func folded(_ scalar: Unicode.Scalar) -> String {
        if let ligature = latinLigatures[scalar.value] { return ligature }
        let index = Int(scalar.value) - 0xC0
        guard index >= 0, index < latinBases.count, latinBases[index] != "." else { return "" }
        return String(latinBases[index])
    }
}
