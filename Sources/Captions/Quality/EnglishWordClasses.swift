/// English words that belong with what follows them, by class, for the
/// line-breaking rules of the BBC, Netflix and DCMP guidelines.
///
/// The lists leave out words that are as often adverbs or verb particles
/// (`up`, `out`, `off`, `over`, `so`, `that`): a line ending `give up` or
/// `I think so` is well broken, and a false alarm costs a reviewer's time.
enum EnglishWordClasses {
    static let articles: Set<String> = ["a", "an", "the"]

    static let prepositions: Set<String> = [
        "about", "above", "across", "against", "among", "amongst", "at", "before", "behind", "below",
        "beneath", "beside", "besides", "between", "beyond", "despite", "during", "except", "for", "from",
        "in", "inside", "into", "near", "of", "on", "onto", "per", "than", "to", "toward", "towards",
        "under", "until", "upon", "via", "with", "within", "without",
    ]

    static let conjunctions: Set<String> = [
        "and", "but", "or", "nor", "because", "although", "though", "unless", "whereas", "whether",
        "while", "if",
    ]

    static let subjectPronouns: Set<String> = ["i", "he", "she", "we", "they"]

    /// Modal verbs, which are almost always followed by the verb they help.
    static let auxiliaries: Set<String> = ["can", "could", "may", "might", "must", "shall", "should", "will", "would"]

    /// The class of `word` among `classes`, or `nil` when it is none of them
    /// or ends in punctuation (a line may end after punctuation).
    ///
    /// - Parameters:
    ///   - word: a word as written, with any punctuation attached.
    ///   - classes: the classes to look for.
    /// - Returns: the word's class, if it is one of `classes`.
    static func weakClass(of word: String, among classes: Set<QualityProfile.WordClass>) -> QualityProfile.WordClass? {
        guard !classes.isEmpty, let last = word.unicodeScalars.last, isLetter(last) else { return nil }
        let letters = word.unicodeScalars.drop { !isLetter($0) }
        // Every listed word is short and ASCII, which rules most words out cheaply.
        guard letters.count <= 8, letters.allSatisfy(\.isASCII) else { return nil }
        let bare = String(letters).lowercased()
        for wordClass in QualityProfile.WordClass.allCases where classes.contains(wordClass) {
            let list: Set<String> = switch wordClass {
            case .article: articles
            case .preposition: prepositions
            case .conjunction: conjunctions
            case .subjectPronoun: subjectPronouns
            case .auxiliary: auxiliaries
            }
            if list.contains(bare) { return wordClass }
        }
        return nil
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return scalar.properties.isAlphabetic }
        let folded = scalar.value | 0x20
        return folded >= 0x61 && folded <= 0x7A
    }

    /// `true` when `word` ends in punctuation a line may break after
    /// (closing quotes and brackets looked through: `"No."` ends a clause).
    static func endsClause(_ word: String) -> Bool {
        let closers: Set<Unicode.Scalar> = ["\"", "'", ")", "]", "\u{201D}", "\u{2019}"]
        guard let last = word.unicodeScalars.reversed().first(where: { !closers.contains($0) }) else { return false }
        switch last {
        case ",", ".", ";", ":", "?", "!", "\u{2026}", "\u{2013}", "\u{2014}": return true
        default: return false
        }
    }
}
