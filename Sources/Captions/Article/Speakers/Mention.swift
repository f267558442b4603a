/// A reference to someone in the narration: a name, a pronoun or a description.
struct Mention: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// A name from the registry: `Vladimir Putin`, or `Mr Putin`/`Putin` (`byTitle` when an honorific or title stood with a surname).
        case person(Int, byTitle: Bool)
        /// `he` or `she`.
        case pronoun(Lexicon.Gender)
        /// `the Russian president` (definite) or `a spokesperson` (not): lowercase words, the role noun last.
        case description([String], definite: Bool)
        /// A capitalised run that is not a person, straight before a reporting verb (`the Kremlin said`).
        case group
    }

    var kind: Kind
    /// Indices of the mention's words.
    var words: Range<Int>
    /// The mention as printed.
    var text: String

    /// Finds the mentions in one paragraph's narration, in order.
    ///
    /// - Parameter headline: the words are a headline, which drops articles:
    ///   `Port Ellery mayor admits …` describes the mayor without a `the`.
    static func find(in words: [WordToken], registry: PersonRegistry, headline: Bool = false) -> [Mention] {
        var mentions: [Mention] = []
        var covered = Set<Int>()
        var personStarts = Set<Int>()
        for run in NameRun.runs(in: words) {
            let text = run.words.map { words[$0].text }.joined(separator: " ")
            if NameRun.isTitleWord(words[run.words.upperBound - 1].lower) {
                // `the President`, `the Foreign Secretary`: no name ends in a title, so a description.
                let definite = run.words.lowerBound > 0 && Lexicon.determiners[words[run.words.lowerBound - 1].lower] == true
                mentions.append(Mention(kind: .description(run.words.map { PersonRegistry.normalisedRole(words[$0].lower) },
                                                           definite: definite || run.hasTitle),
                                        words: run.words, text: text))
            } else if let person = resolve(run, words, registry) {
                mentions.append(Mention(kind: .person(person, byTitle: run.hasTitle && run.name.count == 1),
                                        words: run.words, text: text))
                personStarts.insert(run.words.lowerBound)
            } else if run.words.upperBound < words.count, words[run.words.upperBound - 1].follower == .none,
                      Lexicon.speechVerbs.contains(words[run.words.upperBound].lower) {
                mentions.append(Mention(kind: .group, words: run.words, text: text))
            }
            covered.formUnion(run.words)
        }
        for (index, word) in words.enumerated() where !covered.contains(index) {
            if let gender = Lexicon.subjectPronouns[word.lower] {
                mentions.append(Mention(kind: .pronoun(gender), words: index..<index + 1, text: word.text))
            } else if Lexicon.determiners[word.lower] != nil, let phrase = PersonRegistry.describedPhrase(from: index, in: words) {
                let head = index + phrase.count
                // `the Kremlin spokesperson Dmitry Peskov` names the person; the name run stands for it.
                // `the Foreign Secretary` is already a mention, from its capitalised run.
                if words[head].follower == .none, personStarts.contains(head + 1) { continue }
                if covered.contains(head) { continue }
                mentions.append(Mention(kind: .description(phrase, definite: Lexicon.determiners[word.lower] ?? false),
                                        words: index..<head + 1,
                                        text: (index...head).map { words[$0].text }.joined(separator: " ")))
            } else if headline, let bare = bareRole(at: index, in: words) {
                mentions.append(bare)
            }
        }
        return mentions.sorted { $0.words.lowerBound < $1.words.lowerBound }
    }

    /// A headline's role noun straight before a reporting verb, with the
    /// capitalised words before it as its text (`Port Ellery mayor admits`).
    private static func bareRole(at index: Int, in words: [WordToken]) -> Mention? {
        let word = words[index]
        guard Lexicon.roleNouns[word.lower] != nil || Lexicon.titles[word.lower] != nil, word.follower == .none,
              index + 1 < words.count, Lexicon.speechVerbs.contains(words[index + 1].lower) else { return nil }
        var start = index
        while start > 0, index - start < 4, words[start - 1].follower == .none, words[start - 1].isCapitalized,
              Lexicon.determiners[words[start - 1].lower] == nil {
            start -= 1
        }
        return Mention(kind: .description([PersonRegistry.normalisedRole(word.lower)], definite: true),
                       words: start..<index + 1,
                       text: (start...index).map { words[$0].text }.joined(separator: " "))
    }

    /// The registry's person for a run: its full name, or its surname (one
    /// whose gender agrees with the run's title when several share it).
    private static func resolve(_ run: NameRun, _ words: [WordToken], _ registry: PersonRegistry) -> Int? {
        guard !run.isOrganisation(words) || run.hasTitle else { return nil }
        let name = run.name.map { words[$0].text }
        if name.count >= 2, let person = registry.person(named: name) { return person }
        guard let surname = name.last?.lowercased() else { return nil }
        let candidates = registry.people(withSurname: surname)
        let told = run.title.compactMap { Lexicon.gender(ofRole: words[$0].lower) }.first
        if let told, let agreeing = candidates.first(where: { registry.people[$0].gender == told }) { return agreeing }
        if name.count >= 2, !candidates.isEmpty, registry.people[candidates[0]].name.count >= 2,
           registry.people[candidates[0]].name.first?.lowercased() != name.first?.lowercased() {
            return nil  // another person with the same surname
        }
        return candidates.first
    }
}
