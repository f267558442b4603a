/// A run of capitalised words in the narration (`Russia’s Foreign Ministry`,
/// `Ukrainian President Volodymyr Zelenskyy`, `Mr Putin`) split into the
/// title part and the name part, which is how news writing introduces people.
struct NameRun: Sendable, Hashable {
    /// Indices of the run's words (sentence-opening function words like `The` left out).
    var words: Range<Int>
    /// Indices of the name words: after the last honorific or title, else the whole run.
    var name: Range<Int>
    /// The honorific or title words before the name (`Mr`, `Belarusian President`).
    var title: Range<Int>
    /// An honorific (`Mr`, `Dr`) or office title (`President`) is present.
    var hasTitle: Bool { !title.isEmpty }

    /// Finds the runs among `words`.
    ///
    /// A run is capitalised words with nothing but spaces between them (a
    /// comma or a possessive ends it); lowercase particles (`von der`) may sit
    /// inside; leading words that never name anyone (`The`, `During`, `Monday`) are dropped.
    static func runs(in words: [WordToken]) -> [NameRun] {
        var runs: [NameRun] = []
        var i = 0
        while i < words.count {
            guard isNameWord(words[i]) else {
                i += 1
                continue
            }
            var end = i + 1
            var last = i
            while end < words.count, words[last].follower == .none, !words[last].isPossessive {
                if isNameWord(words[end]) {
                    last = end
                    end += 1
                } else if Lexicon.nameParticles.contains(words[end].lower), end + 1 < words.count,
                          words[end].follower == .none, isNameWord(words[end + 1]) {
                    end += 1
                } else {
                    break
                }
            }
            var start = i
            while start <= last, Lexicon.neverNames.contains(words[start].lower) { start += 1 }
            if start <= last { runs.append(split(start..<last + 1, words)) }
            i = last + 1
        }
        return runs
    }

    /// Capitalised, not all capitals unless a two-letter initialism like `MP` is unlikely: all-caps words are acronyms.
    private static func isNameWord(_ word: WordToken) -> Bool {
        word.isCapitalized && !word.isAllCaps && word.text.unicodeScalars.first?.properties.isAlphabetic == true
    }

    private static func split(_ run: Range<Int>, _ words: [WordToken]) -> NameRun {
        // The name starts after the last title word that still has a word after it.
        var nameStart = run.lowerBound
        for index in run.dropLast() where isTitleWord(words[index].lower) {
            nameStart = index + 1
        }
        return NameRun(words: run, name: nameStart..<run.upperBound, title: run.lowerBound..<nameStart)
    }

    static func isTitleWord(_ lower: String) -> Bool {
        Lexicon.honorifics[lower] != nil || Lexicon.titles[lower] != nil
    }

    /// `true` when a word of the name part names an organisation or place (`Sky News`, `Foreign Ministry`).
    func isOrganisation(_ words: [WordToken]) -> Bool {
        name.contains { Lexicon.organisationWords.contains(words[$0].lower) }
    }
}
