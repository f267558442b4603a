/// Someone the article names.
struct Person: Sendable, Hashable {
    /// The name words as first given in full (`Vladimir`, `Putin`), or the surname alone.
    var name: [String]
    /// The honorific the article uses (`Mr`, `Dr`), for people never given a full name.
    var honorific: String?
    var gender: Lexicon.Gender?
    /// Descriptions the article gives them, as lowercase words (`["russian", "president"]`).
    var descriptions: [[String]]

    var surname: String { name.last?.lowercased() ?? "" }
    var hasFullName: Bool { name.count >= 2 }

    /// How the article names them: the full name, else honorific and surname.
    var displayName: String {
        if !hasFullName, let honorific { return ([honorific] + name).joined(separator: " ") }
        return name.joined(separator: " ")
    }
}

/// The people an article introduces, found before any quote is attributed so
/// that `Mr Putin` or `Putin` anywhere (the headline included) resolves to
/// the full name given anywhere, and a title used once tells the gender for
/// the whole article.
///
/// A capitalised run is a person when its context says so: an honorific or
/// office title before it (`Ms Zakharova`, `Belarusian President Alexander
/// Lukashenko`), a role noun before it (`Kremlin spokesperson Dmitry
/// Peskov`), a description beside it (`Vladimir Putin, the Russian
/// president,`), a reporting verb next to it (`Vladimir Putin has told`), or
/// a colon after it that labels speech (`Maria Zakharova: “…”`).
/// Other two- and three-word runs are kept only to complete a surname the
/// article later gives with a title.
struct PersonRegistry: Sendable {
    private(set) var people: [Person] = []
    /// Lowercase surname to people, in the order they were introduced.
    private var bySurname: [String: [Int]] = [:]
    /// Lowercase full name (words joined by spaces) to person.
    private var byFullName: [String: Int] = [:]
    /// Two- and three-word runs without context, by lowercase last word, to complete surnames.
    private var candidates: [String: [String]] = [:]
    /// Descriptions kept per person; a hostile page could otherwise give one person thousands.
    private static let maxDescriptions = 16

    /// Builds the registry from the narration of each paragraph, in article order.
    init(paragraphs: [[WordToken]]) {
        for words in paragraphs {
            for run in NameRun.runs(in: words) { consider(run, words) }
        }
        // `Mr Waghorn` with no full name beside a title: the run `Dominic Waghorn` elsewhere gives it.
        for index in people.indices where !people[index].hasFullName {
            if let full = candidates[people[index].surname] { giveFullName(full, to: index) }
        }
    }

    /// The people with `surname` (lowercase), in the order they were introduced.
    func people(withSurname surname: String) -> [Int] {
        bySurname[surname] ?? []
    }

    /// The person whose full name is exactly `words` (case-insensitive).
    func person(named words: [String]) -> Int? {
        byFullName[Self.key(words)]
    }

    private static func key(_ words: [String]) -> String {
        words.map { $0.lowercased() }.joined(separator: " ")
    }

    private mutating func giveFullName(_ name: [String], to index: Int) {
        people[index].name = name
        if byFullName[Self.key(name)] == nil { byFullName[Self.key(name)] = index }
    }

    /// The description words before `index` (a role noun or the start of a
    /// title): modifiers back to a function word, a verb or punctuation.
    static func description(endingAt index: Int, from start: Int, in words: [WordToken]) -> [String] {
        var first = start
        while first > 0, start - first < 5 {
            let previous = words[first - 1]
            guard previous.follower == .none, !Lexicon.descriptionStops.contains(previous.lower),
                  !Lexicon.speechVerbs.contains(previous.lower), !Lexicon.auxiliaries.contains(previous.lower),
                  !Lexicon.neverNames.contains(previous.lower), !looksLikeVerb(previous) else { break }
            first -= 1
        }
        return words[first...index].compactMap { word in
            if Lexicon.honorifics[word.lower] != nil { return nil }
            return normalisedRole(word.lower)
        }
    }

    /// A lowercase word ending in `-ed` or `-ing` (`called`, `urging`) ends a
    /// description: it is the verb before it, not a modifier.
    private static func looksLikeVerb(_ word: WordToken) -> Bool {
        !word.isCapitalized && (word.lower.hasSuffix("ed") || word.lower.hasSuffix("ing"))
    }

    /// `spokesman`, `spokeswoman` and `spokesperson` are one role.
    static func normalisedRole(_ word: String) -> String {
        word.hasPrefix("spokes") ? "spokesperson" : word
    }

    // MARK: Building

    private mutating func consider(_ run: NameRun, _ words: [WordToken]) {
        let nameWords = run.name.map { words[$0].text }
        // `the Foreign Secretary`: no name ends in a title, so it is a description, not a person.
        guard !run.isOrganisation(words), !NameRun.isTitleWord(words[run.words.upperBound - 1].lower) else { return }
        var gender: Lexicon.Gender?
        var honorific: String?
        var description: [String] = []
        var isPerson = false

        if run.hasTitle {
            isPerson = true
            for index in run.title {
                if let told = Lexicon.gender(ofRole: words[index].lower) { gender = told }
                if Lexicon.honorifics[words[index].lower] != nil { honorific = words[index].text }
            }
            let offices = run.title.filter { Lexicon.honorifics[words[$0].lower] == nil }
            if let lastOffice = offices.last {
                description = Self.description(endingAt: lastOffice, from: offices.first ?? lastOffice, in: words)
            }
        } else if run.words.lowerBound > 0, case let role = words[run.words.lowerBound - 1],
                  role.follower == .none || role.follower == .comma, Lexicon.roleNouns[role.lower] != nil {
            // `spokesperson Dmitry Peskov`, `one resident, Jean Harper`
            isPerson = true
            gender = Lexicon.gender(ofRole: role.lower)
            description = Self.description(endingAt: run.words.lowerBound - 1, from: run.words.lowerBound - 1, in: words)
        } else if nameWords.count >= 2 {
            if let apposition = Self.apposition(after: run, words) ?? Self.apposition(before: run, words) {
                isPerson = true
                description = apposition
                gender = apposition.compactMap { Lexicon.gender(ofRole: $0) }.first
            } else if Self.reports(run, words) || Self.labelsSpeech(run, words) {
                isPerson = true
            }
        }

        guard isPerson else {
            if (2...3).contains(nameWords.count), let last = nameWords.last?.lowercased(), candidates[last] == nil {
                candidates[last] = nameWords
            }
            return
        }
        register(nameWords, honorific: honorific, gender: gender, description: description)
    }

    private mutating func register(_ name: [String], honorific: String?, gender: Lexicon.Gender?, description: [String]) {
        let surname = name.last?.lowercased() ?? ""
        var index: Int?
        if name.count >= 2 {
            index = person(named: name)
            // A surname-only person met first (`Mr Putin`) gets the full name now.
            if index == nil, let partial = people(withSurname: surname).first(where: { !people[$0].hasFullName }) {
                giveFullName(name, to: partial)
                index = partial
            }
        } else {
            let sameSurname = people(withSurname: surname)
            index = sameSurname.last { gender == nil || people[$0].gender == nil || people[$0].gender == gender }
        }
        guard let index else {
            people.append(Person(name: name, honorific: honorific, gender: gender,
                                 descriptions: description.isEmpty ? [] : [description]))
            bySurname[surname, default: []].append(people.count - 1)
            if name.count >= 2 { byFullName[Self.key(name)] = people.count - 1 }
            return
        }
        if people[index].gender == nil { people[index].gender = gender }
        if people[index].honorific == nil { people[index].honorific = honorific }
        if !description.isEmpty, people[index].descriptions.count < Self.maxDescriptions,
           !people[index].descriptions.contains(description) {
            people[index].descriptions.append(description)
        }
    }

    /// `Vladimir Putin, the Russian president,`: the description after a name.
    private static func apposition(after run: NameRun, _ words: [WordToken]) -> [String]? {
        let last = run.words.upperBound - 1
        guard words[last].follower == .comma else { return nil }
        return describedPhrase(from: run.words.upperBound, in: words)
    }

    /// `The Russian president, Vladimir Putin,`: the description before a name.
    private static func apposition(before run: NameRun, _ words: [WordToken]) -> [String]? {
        let head = run.words.lowerBound - 1
        guard head >= 1, words[head].follower == .comma, Lexicon.roleNouns[words[head].lower] != nil else { return nil }
        var start = head
        while start > 0, head - start < 5, words[start - 1].follower == .none {
            start -= 1
            if Lexicon.determiners[words[start].lower] != nil { break }
        }
        guard Lexicon.determiners[words[start].lower] != nil else { return nil }
        return words[(start + 1)...head].map { normalisedRole($0.lower) }
    }

    /// A determiner, up to four modifiers and a role noun: `the Russian president`.
    static func describedPhrase(from start: Int, in words: [WordToken]) -> [String]? {
        guard start < words.count, Lexicon.determiners[words[start].lower] != nil else { return nil }
        var index = start + 1
        while index < words.count, index - start <= 5 {
            let word = words[index]
            if Lexicon.roleNouns[word.lower] != nil || Lexicon.titles[word.lower] != nil {
                // The head is the last role word of the phrase (`foreign ministry spokesperson`).
                let next = index + 1
                if word.follower == .none, next < words.count, Lexicon.roleNouns[words[next].lower] != nil {
                    index = next
                    continue
                }
                return words[(start + 1)...index].map { normalisedRole($0.lower) }
            }
            guard word.follower == .none || word.isPossessive, !Lexicon.descriptionStops.contains(word.lower) else { return nil }
            index += 1
        }
        return nil
    }

    /// `Maria Zakharova: “…”`: a name alone before a colon, at the start of a sentence, labels what follows.
    private static func labelsSpeech(_ run: NameRun, _ words: [WordToken]) -> Bool {
        let first = run.words.lowerBound
        let startsSentence = first == 0 || words[first - 1].follower == .sentenceEnd
        return startsSentence && words[run.words.upperBound - 1].follower == .colon
    }

    /// A reporting verb right after the run (through auxiliaries: `has told`,
    /// `went on to say`) or right before it (`said Maria Zakharova`).
    ///
    /// A run straight after a preposition is the complement of the phrase
    /// before it, not the verb's subject: in `the mayor of Port Ellery has
    /// admitted`, the mayor admits, not Port Ellery.
    private static func reports(_ run: NameRun, _ words: [WordToken]) -> Bool {
        var index = run.words.upperBound
        let isComplement = run.words.lowerBound > 0 && words[run.words.lowerBound - 1].follower == .none
            && Lexicon.placePrepositions.contains(words[run.words.lowerBound - 1].lower)
        if !isComplement, words[index - 1].follower == .none || words[index - 1].follower == .comma {
            while index < words.count, index - run.words.upperBound < 4 {
                if Lexicon.speechVerbs.contains(words[index].lower) { return true }
                guard Lexicon.auxiliaries.contains(words[index].lower) || words[index].lower.hasSuffix("ly") else { break }
                index += 1
            }
        }
        let before = run.words.lowerBound - 1
        return before >= 0 && words[before].follower == .none && Lexicon.speechVerbs.contains(words[before].lower)
    }
}
