/// The punctuation rules of transcript sentences, on single words.
enum ProseText {
    /// Characters that end a sentence.
    private static let sentenceEnds: Set<Character> = [".", "?", "!", "\u{2026}", "\u{203D}", "\u{3002}", "\u{FF1F}", "\u{FF01}"]
    /// Other marks that show a text is punctuated.
    private static let otherMarks: Set<Character> = [",", ";", ":", "\u{3001}", "\u{FF0C}"]
    /// Closing quotes and brackets that may follow a sentence end (`"Go."`, `(sic.)`).
    private static let closers: Set<Character> = ["\"", "'", "\u{201D}", "\u{2019}", ")", "]", "\u{BB}", "\u{203A}"]
    /// Abbreviations, lowercase and without their last full stop, that do not
    /// end a sentence: titles before a name, and `e.g.`, `i.e.`, `vs.`, `cf.`.
    private static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "mx", "dr", "prof", "st", "mt", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt",
        "rev", "hon", "e.g", "i.e", "vs", "cf",
    ]

    /// The word without closing quotes and brackets at its end.
    private static func withoutClosers(_ word: String) -> Substring {
        var text = Substring(word)
        while let last = text.last, closers.contains(last), text.count > 1 { text = text.dropLast() }
        return text
    }

    /// `true` when the word ends with any punctuation mark a punctuated text uses.
    static func endsWithPunctuation(_ word: String) -> Bool {
        guard let last = withoutClosers(word).last else { return false }
        return sentenceEnds.contains(last) || otherMarks.contains(last)
    }

    /// `true` when the word ends with a sentence end that is not the full stop
    /// of an abbreviation (`Dr.`) or an initial (`J.`).
    static func endsSentence(_ word: String) -> Bool {
        let text = withoutClosers(word)
        guard let last = text.last, sentenceEnds.contains(last) else { return false }
        guard last == "." else { return true }
        let stem = text.dropLast().drop { !$0.isLetter && !$0.isNumber }
        if stem.count == 1, stem.first?.isUppercase == true { return false }
        return !abbreviations.contains(stem.lowercased())
    }

    /// `true` for a word ending with a sentence end (`.`, `?`, `!`, `…`), abbreviation or not.
    static func hasSentenceEnd(_ word: String) -> Bool {
        withoutClosers(word).last.map { sentenceEnds.contains($0) } ?? false
    }

    /// Writes a sentence found at a pause as a sentence: its first spoken word
    /// capitalised, a full stop after its last one (replacing a trailing `,`,
    /// `;` or `:`), and a lone `i` (`i`, `i'm`, `i'll`, `i've`, `i'd`) as `I`.
    ///
    /// - Parameters:
    ///   - words: the sentence's words, changed in place.
    ///   - isSound: for each word, whether it is a sound description (left as it is).
    static func punctuateInferredSentence(_ words: inout [String], isSound: [Bool]) {
        let spoken = words.indices.filter { !isSound[$0] }
        guard let first = spoken.first, let last = spoken.last else { return }
        for index in spoken where isPronounI(words[index]) {
            words[index] = capitalisingFirstLetter(words[index])
        }
        words[first] = capitalisingFirstLetter(words[first])
        if !hasSentenceEnd(words[last]) {
            if let mark = words[last].last, otherMarks.contains(mark) { words[last].removeLast() }
            words[last] += "."
        }
    }

    /// `i` and its contractions, which English writes with a capital.
    private static func isPronounI(_ word: String) -> Bool {
        let normalised = String(word.map { $0 == "\u{2019}" ? "'" : $0 })
        return ["i", "i'm", "i'll", "i've", "i'd"].contains(normalised)
    }

    /// The word with its first character upper-cased when it is a lowercase letter.
    private static func capitalisingFirstLetter(_ word: String) -> String {
        guard let first = word.first, first.isLowercase else { return word }
        return first.uppercased() + word.dropFirst()
    }
}
