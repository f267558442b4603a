import Testing
@testable import Captions

@Suite("Speaker attribution")
struct SpeakerAttributionTests {
    private func speakers(headline: String? = nil, _ paragraphs: String...) -> [String?] {
        let article = Article(headline: headline, paragraphs: paragraphs.map { Article.Paragraph(text: $0) })
        return QuoteExtractor().quotations(in: article).map(\.speaker)
    }

    private func attributions(_ paragraphs: String...) -> [Quotation.Attribution] {
        let article = Article(headline: nil, paragraphs: paragraphs.map { Article.Paragraph(text: $0) })
        return QuoteExtractor().quotations(in: article).map(\.attribution)
    }

    @Test func namesTheSpeakerBesideTheQuote() {
        #expect(speakers("“The river has never been this high,” said Tomas Varga, who has farmed beside it for forty years.")
            == ["Tomas Varga"])
        #expect(speakers("Health Minister Anna Berg told reporters the hospitals were “coping, but only just”.")
            == ["Anna Berg"])
        #expect(attributions("“The river has never been this high,” said Tomas Varga, a farmer.") == [.name])
        #expect(speakers("“The river has never been this high,” Tomas Varga said on Monday.") == ["Tomas Varga"])
    }

    @Test(arguments: ["asked", "urged", "claimed", "replied", "added", "warned", "insisted"])
    func readsEachReportingVerb(_ verb: String) {
        #expect(speakers("Councillor Ruth Gale \(verb): “Who will pay for the repairs to the bridge?”") == ["Ruth Gale"])
        #expect(speakers("“Who will pay for the repairs to the bridge?” Ms Gale \(verb).",
                         "The question was put by Ruth Gale, who represents the ward.")
            == ["Ruth Gale"])
    }

    @Test func resolvesATitleToTheFullNameFirstGiven() {
        let paragraphs = [
            "Belarusian President Alexander Lukashenko met the delegation in Minsk on Sunday.",
            "Mr Lukashenko said the talks would be “long and difficult for everyone involved”.",
        ]
        let article = Article(headline: nil, paragraphs: paragraphs.map { Article.Paragraph(text: $0) })
        let quote = QuoteExtractor().quotations(in: article).first
        #expect(quote?.speaker == "Alexander Lukashenko")
        #expect(quote?.attribution == .title)
        // The full name may come after the title is first used.
        #expect(speakers("Dr Osei said the vaccine was “safe for every age group we tested”.",
                         "The trial was led by Kwame Osei, a professor of medicine at the university.")
            == ["Kwame Osei"])
    }

    @Test func resolvesAPronounToTheMostRecentPersonOfItsGender() {
        let paragraphs = [
            "Dr Lena Fischer, a virologist at the institute, spoke at the briefing alongside Health Minister Paul Weber.",
            "Mr Weber said the rules would stay in place until the spring.",
            "“We cannot drop our guard now, not after the winter we have had,” she said.",
            "“Every region will be reviewed in two weeks,” he added.",
        ]
        #expect(speakers(paragraphs[0], paragraphs[1], paragraphs[2], paragraphs[3]) == ["Lena Fischer", "Paul Weber"])
        #expect(attributions(paragraphs[0], paragraphs[1], paragraphs[2]) == [.pronoun])
    }

    @Test func learnsGenderFromEarlierPronouns() {
        #expect(speakers(
            "Alex Morgan, the team’s captain, scored twice. She said: “It was the best game of my whole life.”",
            "Jordan Reid, the coach, said he was proud of the whole squad.",
            "“We were lucky in the end, and we know it,” she said.")
            == ["Alex Morgan", "Alex Morgan"])
    }

    @Test func resolvesADescriptionToThePersonItIntroduced() {
        #expect(speakers(
            "Russian President Vladimir Putin spoke by phone with Ukrainian President Volodymyr Zelenskyy on Monday.",
            "The Russian president said the ceasefire was “a first step, not the last one”.")
            == ["Vladimir Putin"])
        #expect(speakers(
            "Maria Lopez, the airport’s operations director, said the runway would reopen at noon.",
            "The operations director said passengers should “check with their airline before travelling”.")
            == ["Maria Lopez"])
        #expect(attributions(
            "Maria Lopez, the airport’s operations director, said the runway would reopen at noon.",
            "The operations director said passengers should “check with their airline before travelling”.")
            == [.description])
    }

    @Test func resolvesACapitalisedOfficeToItsHolder() {
        #expect(speakers(
            "Foreign Secretary James Holt flew to Geneva on Sunday for the talks.",
            "Speaking on arrival, the Foreign Secretary said he expected “a long night of hard bargaining”.")
            == ["James Holt"])
    }

    @Test func continuesThePreviousSpeakerInAQuoteOnlyParagraph() {
        let paragraphs = [
            "“We will open the new ward in March,” said Priya Shah, the hospital’s chief executive.",
            "“It will have forty beds and its own team of nurses.”",
        ]
        #expect(speakers(paragraphs[0], paragraphs[1]) == ["Priya Shah", "Priya Shah"])
        #expect(attributions(paragraphs[0], paragraphs[1]) == [.name, .continuation])
    }

    @Test func readsTheColonForm() {
        #expect(speakers("Ms Kaur replied: “Nobody has asked us what we want for this street.”",
                         "The letter was signed by Harpreet Kaur and forty neighbours.")
            == ["Harpreet Kaur"])
        #expect(speakers("Maria Zakharova: “This question is not for me to answer today.”") == ["Maria Zakharova"])
    }

    @Test func readsAccordingTo() {
        #expect(speakers("According to Dr Elise Moreau, the drug “halved the time patients spent in hospital”.")
            == ["Elise Moreau"])
    }

    @Test func givesAnUnnamedSourceAsTheArticleDescribesIt() {
        #expect(speakers("A Home Office spokesperson said the scheme was “under constant review”.")
            == ["A Home Office spokesperson"])
        #expect(speakers("“We do not comment on security matters,” the Kremlin said.") == ["Kremlin"])
    }

    @Test func leavesTheSpeakerEmptyWhenNobodyIsNamed() {
        let article = Article(headline: nil, paragraphs: [Article.Paragraph(text: "The banner read “no more cuts to our schools” in red letters.")])
        let quote = QuoteExtractor().quotations(in: article).first
        #expect(quote?.speaker == nil)
        #expect(quote?.attribution == Quotation.Attribution.none)
    }

    @Test func attributesHeadlineQuotesBySurnameOrByTheBodyQuoteTheyRepeat() {
        let article = Article(headline: "‘No more excuses’: Berg tells hospital bosses", paragraphs: [
            Article.Paragraph(text: "Health Minister Anna Berg has told hospital bosses there can be “no more excuses” for long waits."),
        ])
        let quotes = QuoteExtractor().quotations(in: article)
        #expect(quotes.map(\.speaker) == ["Anna Berg", "Anna Berg"])
        #expect(quotes.map(\.paragraphIndex) == [-1, 0])
        #expect(quotes.first?.attribution == .name)
        #expect(speakers(headline: "‘We were told the wall would hold’",
                         "'We were told the wall would hold, and we believed it,' said Jean Harper, a resident.")
            == ["Jean Harper", "Jean Harper"])
    }

    @Test func aPlaceAfterOfIsNotTheSubjectOfTheVerbAfterIt() {
        #expect(speakers("Mayor Helen Okafor visited the harbour on Monday.",
                         "The mayor of Port Ellery has admitted the council moved too slowly: “We were too slow.”")
            == ["Helen Okafor"])
    }

    @Test func aHeadlineRoleWithoutArticleIsThePersonTheBodyGivesThatRole() {
        #expect(speakers(headline: "‘We were too slow’: Port Ellery mayor admits failings",
                         "Mayor Helen Okafor spoke on Tuesday.")
            == ["Helen Okafor"])
        // Nobody in the body has the role: the headline's words stand for the speaker.
        #expect(speakers(headline: "‘We were too slow’: Port Ellery mayor admits failings", "The river rose on Tuesday.")
            == ["Port Ellery mayor"])
        // Two mayors: the headline alone cannot say which.
        #expect(speakers(headline: "‘We were too slow’: Port Ellery mayor admits failings",
                         "Mayor Helen Okafor met Mayor Tom Reyes of Eastwick on Tuesday.")
            == ["Port Ellery mayor"])
    }

    @Test func attributesEveryQuoteOfTheDockStrikePage() throws {
        let article = try ArticleFixtures.article("dock-strike.html")
        let quotes = QuoteExtractor().quotations(in: article)
        #expect(quotes.map(\.speaker) == [
            "Grace Okafor", "Grace Okafor", "Grace Okafor", "Grace Okafor", "Anders Lindqvist", "Anders Lindqvist",
            "Helen Marsh", "Anders Lindqvist", "Anders Lindqvist", "Grace Okafor",
        ])
        #expect(quotes.map(\.attribution) == [
            .repetition, .name, .title, .pronoun, .title, .pronoun, .title, .description, .continuation, .title,
        ])
    }

    @Test func attributesEveryQuoteOfTheFloodBarrierPage() throws {
        let article = try ArticleFixtures.article("flood-barrier.txt")
        let quotes = QuoteExtractor().quotations(in: article)
        #expect(quotes.map(\.speaker) == [
            "Jean Harper", "Jean Harper", "Ruth Adeyemi", "Ruth Adeyemi", "Ruth Adeyemi", "Mark Ellery", "Mark Ellery",
            "Mark Ellery", "Sarah Kwan", "Sarah Kwan", "Ruth Adeyemi", "Sarah Kwan",
        ])
        #expect(quotes[6].text == "We have spent £2m on the river since the last floods, and the passengers' waiting room at the station was moved to higher ground,")
        #expect(quotes[10].parts.count == 2)
    }

    @Test func attributesEveryQuoteOfTheLibraryVotePage() throws {
        let article = try ArticleFixtures.article("library-vote-cp1252.html")
        let quotes = QuoteExtractor().quotations(in: article)
        #expect(quotes.map(\.speaker) == [
            "Tomasz Nowak", "Tomasz Nowak", "Tomasz Nowak", "Amira Haddad", "Amira Haddad", "A council spokesperson",
            "Jonathan Pryce", "Jonathan Pryce",
        ])
    }
}
