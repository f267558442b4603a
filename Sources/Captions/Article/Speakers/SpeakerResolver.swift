/// Decides who speaks each quotation from the sentence around it.
///
/// In order of preference:
/// 1. an attribution straight after the quote (`“…,” he said`, `“…,” said
///    Ms Zakharova`, `“…”: Putin urges`), or between the parts of an
///    interrupted quote;
/// 2. a reporting verb before it in the same sentence (`Mr Putin went on to
///    say …“…”`, `Ms Zakharova replied: “…”`), its subject being the nearest
///    mention before the verb;
/// 3. a bare colon (`Zakharova: “…”`) or `according to` with a mention;
/// 4. otherwise the quote continues the previous quotation's speaker.
///
/// Mentions are resolved in article order against the people the article
/// has mentioned so far (most recent first): names and surnames through the
/// ``PersonRegistry``; `he`/`she` to the most recent person whose gender
/// agrees (a title anywhere in the article, or an earlier pronoun, tells it);
/// `the Russian president` to the person described that way, else to the
/// most recent person with no conflicting description, which is then
/// remembered as theirs.
struct SpeakerResolver {
    /// One paragraph (or the headline): its text and its quotations.
    struct Section {
        var bytes: [UInt8]
        var spans: [QuoteSpan]
    }

    /// A quotation to attribute: its section, and the indices of its parts'
    /// spans in that section (two or more for an interrupted quote).
    struct Request {
        var section: Int
        var spans: [Int]
    }

    /// Who speaks, and how the article says so.
    struct Answer: Sendable, Hashable {
        var speaker: String?
        var attribution: Quotation.Attribution
    }

    private let sections: [Section]
    private var words: [[WordToken]] = []
    private var sentenceStarts: [[Int]] = []
    private var registry: PersonRegistry
    private var genders: [Lexicon.Gender?]
    private var descriptions: [[[String]]]
    /// Person indices, the most recently mentioned last (at most ``salienceLimit``).
    private var salience: [Int] = []
    /// How many people a pronoun or description may reach back to; recency is what counts.
    private static let salienceLimit = 32
    /// How many words before a quote may hold its attribution.
    private static let leadWords = 40
    /// How many words after a quote may hold its attribution.
    private static let tailWords = 16

    /// Attributes every request.
    ///
    /// - Parameters:
    ///   - sections: the paragraphs, in article order.
    ///   - requests: the quotations, in article order.
    ///   - freshStart: a section before which the previous speaker is forgotten
    ///     (the first body paragraph after a headline).
    /// - Returns: one answer per request.
    static func resolve(sections: [Section], requests: [Request], freshStart: Int?) -> [Answer] {
        var resolver = SpeakerResolver(sections: sections)
        return resolver.run(requests, freshStart: freshStart)
    }

    private init(sections: [Section]) {
        self.sections = sections
        for section in sections {
            let (tokens, starts) = WordTokenizer.tokenize(section.bytes, outside: section.spans.map(\.extent))
            words.append(tokens)
            sentenceStarts.append(starts)
        }
        registry = PersonRegistry(paragraphs: words)
        genders = registry.people.map(\.gender)
        descriptions = registry.people.map(\.descriptions)
    }

    private mutating func run(_ requests: [Request], freshStart: Int?) -> [Answer] {
        var answers: [Answer] = []
        var previous: String?
        var next = 0
        for section in sections.indices {
            if section == freshStart { previous = nil }
            let isHeadline = freshStart == 1 && section == 0
            let mentions = Mention.find(in: words[section], registry: registry, headline: isHeadline)
            let resolved = mentions.map { resolve($0, inHeadline: isHeadline) }
            while next < requests.count, requests[next].section == section {
                var answer = attribute(requests[next], mentions: mentions, resolved: resolved)
                if answer == nil, let previous { answer = Answer(speaker: previous, attribution: .continuation) }
                let final = answer ?? Answer(speaker: nil, attribution: .none)
                answers.append(final)
                if final.speaker != nil { previous = final.speaker }
                next += 1
            }
        }
        while answers.count < requests.count { answers.append(Answer(speaker: nil, attribution: .none)) }
        return answers
    }

    // MARK: Resolving mentions

    /// - Parameter inHeadline: the mention is in the headline, which comes
    ///   before anyone is introduced: a description there is the one person
    ///   the whole article describes that way.
    private mutating func resolve(_ mention: Mention, inHeadline: Bool) -> Int? {
        var person: Int?
        switch mention.kind {
        case .person(let index, _):
            person = index
        case .pronoun(let gender):
            person = salience.last { genders[$0] == nil || genders[$0] == gender }
            if let person, genders[person] == nil { genders[person] = gender }
        case .description(let phrase, let definite):
            person = definite ? described(by: phrase) : nil
            if person == nil, definite, inHeadline { person = onlyPersonDescribed(by: phrase) }
            if let person {
                // Remember it (`the Russian president` is Vladimir Putin from now on), and what it says of gender.
                if descriptions[person].count < 16, !descriptions[person].contains(phrase) { descriptions[person].append(phrase) }
                if genders[person] == nil { genders[person] = phrase.compactMap { Lexicon.gender(ofRole: $0) }.first }
            }
        case .group:
            person = nil
        }
        if let person {
            salience.removeAll { $0 == person }
            salience.append(person)
            if salience.count > Self.salienceLimit { salience.removeFirst() }
        }
        return person
    }

    /// The most recent person the description fits: first one described with
    /// all its words, then one whose descriptions do not conflict with it.
    private func described(by phrase: [String]) -> Int? {
        guard let head = phrase.last else { return nil }
        let told = phrase.compactMap { Lexicon.gender(ofRole: $0) }.first
        let candidates = salience.reversed().filter { told == nil || genders[$0] == nil || genders[$0] == told }
        if let full = candidates.first(where: { person in
            descriptions[person].contains { description in phrase.allSatisfy(description.contains) }
        }) {
            return full
        }
        // Conflicting: a description with the same role but other modifiers (`Belarusian president`).
        return candidates.first { person in
            !descriptions[person].contains { $0.contains(head) && !phrase.allSatisfy($0.contains) }
        }
    }

    /// The person the article describes with the phrase's role, when exactly one is.
    private func onlyPersonDescribed(by phrase: [String]) -> Int? {
        guard let head = phrase.last else { return nil }
        let described = descriptions.indices.filter { person in descriptions[person].contains { $0.contains(head) } }
        return described.count == 1 ? described[0] : nil
    }

    // MARK: Attributing

    private func attribute(_ request: Request, mentions: [Mention], resolved: [Int?]) -> Answer? {
        let section = request.section
        let tokens = words[section]
        let spans = sections[section].spans
        guard let firstIndex = request.spans.first, firstIndex < spans.count else { return nil }
        let first = spans[firstIndex]
        let open = first.openRange.lowerBound
        let sentence = sentence(at: open, in: section)

        // The narration before the quote in its sentence (its last words: attributions sit close to the quote).
        let sentenceStart = tokens.partitioningIndex { $0.sentence >= sentence }
        let leadEnd = tokens.partitioningIndex { $0.range.lowerBound >= open }
        let lead = max(sentenceStart, leadEnd - Self.leadWords)..<max(sentenceStart, leadEnd)

        // The narration after the first part, up to the next quote or the sentence's end.
        let tailStart = first.extent.upperBound
        let nextOpen = firstIndex + 1 < spans.count ? spans[firstIndex + 1].openRange.lowerBound : Int.max
        let tailFrom = tokens.partitioningIndex { $0.range.lowerBound >= tailStart }
        var tailTo = tailFrom
        while tailTo < tokens.count, tailTo - tailFrom < Self.tailWords, tokens[tailTo].range.upperBound <= nextOpen {
            tailTo += 1
            if tokens[tailTo - 1].follower == .sentenceEnd { break }
        }
        let tail = tailFrom..<tailTo

        func speaker(_ position: Int) -> Answer? {
            // `Grace Okafor, the general secretary, said` and `Dr Amira Haddad, a
            // historian who…, called`: credit the name, not the description beside it.
            var position = position
            if case .description = mentions[position].kind, position > 0,
               case .person = mentions[position - 1].kind,
               mentions[position - 1].words.upperBound == mentions[position].words.lowerBound,
               tokens[mentions[position - 1].words.upperBound - 1].follower == .comma {
                position -= 1
            }
            return answer(mentions[position], resolved[position])
        }
        func within(_ range: Range<Int>) -> Range<Int> {
            let lower = mentions.partitioningIndex { $0.words.lowerBound >= range.lowerBound }
            let upper = mentions.partitioningIndex { $0.words.lowerBound >= range.upperBound }
            return lower..<max(lower, upper)
        }

        // 1. `“…,” he said` / `“…,” said Ms Zakharova` / `“…”: Putin urges`: the
        //    narration right after the quote opens with the speaker or the verb.
        let opensWithAttribution = tail.first.map { first in
            // A determiner may come first: `the Kremlin said`.
            let subjectEnd = Lexicon.determiners[tokens[first].lower] == nil ? first + 1 : first + 2
            return Lexicon.speechVerbs.contains(tokens[first].lower) || !within(first..<subjectEnd).isEmpty
        } ?? false
        if opensWithAttribution, let verb = tail.prefix(6).first(where: { Lexicon.speechVerbs.contains(tokens[$0].lower) }) {
            if let before = within(tail.lowerBound..<verb).last { return speaker(before) }
            if let after = within(verb..<min(verb + 5, tail.upperBound)).first { return speaker(after) }
            if let subject = within(lead).first { return speaker(subject) }
        }
        // 2. `Mr Putin went on to say … “…”`, `Ms Zakharova replied: “…”`.
        if let verb = lead.last(where: { Lexicon.speechVerbs.contains(tokens[$0].lower) }) {
            if let before = within(lead.lowerBound..<verb).last { return speaker(before) }
            if let after = within(verb..<lead.upperBound).first { return speaker(after) }
        }
        // 3. `Zakharova: “…”`, `according to …`.
        if let last = lead.last, tokens[last].follower == .colon, let subject = within(lead).first {
            return speaker(subject)
        }
        for range in [lead, tail] {
            for index in range.dropLast() where tokens[index].lower == "according" && tokens[index + 1].lower == "to" {
                if let named = within((index + 2)..<min(index + 4, range.upperBound)).first { return speaker(named) }
            }
        }
        return nil
    }

    private func answer(_ mention: Mention, _ person: Int?) -> Answer {
        let kind: Quotation.Attribution
        switch mention.kind {
        case .person(_, let byTitle): kind = byTitle ? .title : .name
        case .pronoun: kind = .pronoun
        case .description: kind = .description
        case .group: return Answer(speaker: mention.text, attribution: .name)
        }
        if let person { return Answer(speaker: registry.people[person].displayName, attribution: kind) }
        if case .description = mention.kind { return Answer(speaker: mention.text, attribution: .description) }
        return Answer(speaker: nil, attribution: .none)
    }

    private func sentence(at offset: Int, in section: Int) -> Int {
        // sentenceStarts[0] is 0, so at least one start is at or before any offset.
        sentenceStarts[section].partitioningIndex { $0 > offset } - 1
    }
}
