import Testing
@testable import Captions

@Suite("Quote extraction")
struct QuoteExtractorTests {
    private func texts(_ paragraphs: String...) -> [String] {
        let article = Article(headline: nil, paragraphs: paragraphs.map { Article.Paragraph(text: $0) })
        return QuoteExtractor().quotations(in: article).map(\.text)
    }

    // MARK: Marks

    @Test func findsStraightAndCurlyDoubleQuotes() {
        #expect(texts("\"We will rebuild every home that was lost,\" the minister said.")
            == ["We will rebuild every home that was lost,"])
        #expect(texts("The minister said: “We will rebuild every home that was lost.”")
            == ["We will rebuild every home that was lost."])
    }

    @Test func findsBritishSingleQuotesAroundApostrophes() {
        #expect(texts("'The passengers' luggage was never found, and nobody has told us why,' she said.")
            == ["The passengers' luggage was never found, and nobody has told us why,"])
        #expect(texts("He called the ruling ‘a victory for Ukraine’s farmers’ and left the court.")
            == ["a victory for Ukraine’s farmers"])
    }

    @Test func doesNotTakeApostrophesForQuoteMarks() {
        let paragraph = "Ukraine’s farmers don't expect the passengers' claims or the ’90s contracts to matter, and rock 'n' roll isn't the point."
        #expect(texts(paragraph).isEmpty)
        #expect(texts("Fans love 'em, and the club's owners say \"this is the best season we have had in years\" on Monday.")
            == ["this is the best season we have had in years"])
    }

    @Test(arguments: [
        ("« Nous ne reculerons pas d’un centimètre », a déclaré la ministre.", "Nous ne reculerons pas d’un centimètre"),
        ("„Wir geben nicht auf“, sagte die Ministerin am Abend.", "Wir geben nicht auf"),
        ("»Vi giver ikke op nu«, sagde hun til avisen.", "Vi giver ikke op nu"),
        ("”Vi ger aldrig upp”, sa hon till tidningen.", "Vi ger aldrig upp"),
        ("‚Das reicht uns nicht‘, sagte er.", "Das reicht uns nicht"),
        ("首相は「国民の生活を守るために全力を尽くす」と述べた。", "国民の生活を守るために全力を尽くす"),
    ])
    func findsQuoteMarksOfOtherLanguages(_ paragraph: String, _ expected: String) {
        #expect(texts(paragraph) == [expected])
    }

    // MARK: Shapes

    @Test func keepsNestedQuotesInsideTheirQuotation() {
        #expect(texts("“He told me ‘we will win this war’ and then he left,” she said.")
            == ["He told me ‘we will win this war’ and then he left,"])
        #expect(texts("'They shouted \"get out now\" and we ran for the door,' he said.")
            == ["They shouted \"get out now\" and we ran for the door,"])
    }

    @Test func joinsAQuoteContinuedOverParagraphs() throws {
        let article = ArticleFixtures.story(
            "The chief constable said: “We have made eleven arrests so far.",
            "“More officers will be on the streets this weekend.",
            "“Anyone with footage should contact us.”",
            "The investigation continues.")
        let quotes = QuoteExtractor().quotations(in: article)
        let quote = try #require(quotes.first)
        #expect(quotes.count == 1)
        #expect(quote.parts == ["We have made eleven arrests so far.", "More officers will be on the streets this weekend.",
                                "Anyone with footage should contact us."])
        #expect(quote.text == "We have made eleven arrests so far. More officers will be on the streets this weekend. Anyone with footage should contact us.")
        #expect(quote.paragraphIndices == [0, 1, 2])
        #expect(quote.partPositions.map(\.paragraphIndex) == [0, 1, 2])
    }

    @Test func joinsASingleQuoteContinuedOverParagraphs() {
        #expect(texts("She told the inquiry: 'I rang the council twice that night.", "'Nobody ever called me back.'")
            == ["I rang the council twice that night. Nobody ever called me back."])
    }

    @Test func readsAQuoteInterruptedByItsAttributionAsOne() throws {
        let quotes = ArticleFixtures.quotations("\"It is true,\" she said, \"such work can start at any time.\"")
        let quote = try #require(quotes.first)
        #expect(quotes.count == 1)
        #expect(quote.parts == ["It is true,", "such work can start at any time."])
        #expect(quote.text == "It is true, such work can start at any time.")
        // British punctuation puts the comma outside the marks.
        #expect(texts("‘We are ready’, the captain said, ‘and we will not be rushed by anyone.’")
            == ["We are ready and we will not be rushed by anyone."])
    }

    @Test func keepsTwoSentencesAroundAnAttributionApart() {
        #expect(texts("\"We are ready,\" he said. \"The talks start tomorrow morning.\"")
            == ["We are ready,", "The talks start tomorrow morning."])
        #expect(texts("She called it “easier to negotiate with you” than the “gang of thieves in the capital”.")
            == ["easier to negotiate with you", "gang of thieves in the capital"])
    }

    @Test func skipsScareQuotesOfFewerThanThreeWords() {
        #expect(texts("The plan to “demilitarise” the region was called “absolutely unacceptable” by officials.").isEmpty)
        #expect(texts("Ministers called it a “very good deal”.") == ["very good deal"])
        #expect(QuoteExtractor(minimumWords: 1).quotations(in: ArticleFixtures.story("The plan to “demilitarise” it.")).map(\.text)
            == ["demilitarise"])
    }

    @Test func recoversAQuoteWithoutItsClosingMark() {
        #expect(texts("The coach said: “We will come back stronger next season", "The club confirmed the signing on Friday.")
            == ["We will come back stronger next season"])
    }

    // MARK: Positions

    @Test func givesEachPartItsParagraphAndByteRange() throws {
        let paragraph = "Outside the café, “It changes nothing,” she said, “we will keep fighting for the families.”"
        let quote = try #require(ArticleFixtures.quotations(paragraph).first)
        let bytes = Array(paragraph.utf8)
        #expect(quote.paragraphIndex == 0)
        #expect(quote.partPositions.count == 2)
        for (part, position) in zip(quote.parts, quote.partPositions) {
            #expect(String(decoding: bytes[position.range], as: UTF8.self) == part)
        }
        // "Outside the café, " is 19 bytes (é takes two), “ three more; "It changes nothing," is 19.
        #expect(quote.range == 22..<41)
        // Then ” (3), " she said, " (11) and “ (3): the second part is 39 bytes from 58.
        #expect(quote.partPositions[1].range == 58..<97)
        #expect(quote.range == quote.partPositions[0].range)
    }

    @Test func reportsHeadlineQuotesFirstWithParagraphIndexMinusOne() throws {
        let quotes = ArticleFixtures.quotations(
            headline: "‘Take the offer while it is there’: minister warns striking doctors",
            "Health Minister Anna Berg told striking doctors to “take the offer while it is there, because it will not get better”.")
        #expect(quotes.map(\.paragraphIndex) == [-1, 0])
        #expect(quotes[0].text == "Take the offer while it is there")
        #expect(quotes[0].range == 3..<35)
        #expect(quotes[1].text == "take the offer while it is there, because it will not get better")
    }

    @Test(.timeLimit(.minutes(1)))
    func handlesAParagraphOfTenThousandQuotes() {
        // One sentence-less paragraph: attribution must look near each quote, not rescan the paragraph.
        var paragraph = ""
        for i in 0..<5_000 {
            paragraph += "Member\(i % 50) Speaker\(i) said “one two three four” and Mr Speaker\(i) told them ‘five six seven eight’ then "
        }
        let quotes = QuoteExtractor().quotations(in: ArticleFixtures.story(paragraph))
        #expect(quotes.count == 10_000)
        #expect(quotes[1].speaker == "Member0 Speaker0")
        #expect(quotes.last?.speaker == "Member49 Speaker4999")
    }

    @Test func keepsArticleOrder() throws {
        let article = try ArticleFixtures.article("dock-strike.html")
        let quotes = QuoteExtractor().quotations(in: article)
        let order = quotes.map { [$0.paragraphIndex, $0.range.lowerBound] }
        #expect(order == order.sorted { $0.lexicographicallyPrecedes($1) })
        #expect(quotes.map(\.paragraphIndex) == [-1, 1, 2, 3, 5, 6, 9, 12, 13, 14])
    }
}
