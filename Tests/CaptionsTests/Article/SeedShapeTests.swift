import Testing
@testable import Captions

/// The scraped page the product was specified from (a copy kept as a fixture):
/// every quotation found, with the speaker a reader would name.
@Suite("Seed article")
struct SeedShapeTests {
    private struct Expected {
        var paragraph: Int
        var text: String
        var speaker: String
        var attribution: Quotation.Attribution
    }

    private let expected: [Expected] = [
        Expected(paragraph: -1, text: "Take power into your own hands", speaker: "Vladimir Putin", attribution: .name),
        Expected(paragraph: 0, text: "it will be easier for us to agree if you take power in your own hands",
                 speaker: "Vladimir Putin", attribution: .name),
        Expected(paragraph: 1, text: "easier to negotiate with you", speaker: "Vladimir Putin", attribution: .description),
        Expected(paragraph: 1, text: "gang of Nazis that has captured Kyiv", speaker: "Vladimir Putin", attribution: .description),
        Expected(paragraph: 2, text: "I once again appeal to the military personnel of the armed forces of Ukraine: do not allow neo-Nazis and (Ukrainian radical nationalists) to use your children, wives and elders as human shields,",
                 speaker: "Vladimir Putin", attribution: .pronoun),
        Expected(paragraph: 3, text: "Take power into your own hands, it will be easier for us to reach agreement.",
                 speaker: "Vladimir Putin", attribution: .continuation),
        Expected(paragraph: 5, text: "bravely, professionally and heroically", speaker: "Vladimir Putin", attribution: .title),
        Expected(paragraph: 13, text: "It is true such work can start anytime, the only question is whether the other side – under the influence of the west – will start trying to weasel out of lie, or you yourselves, the representatives of the Kyiv regime, would start contradicting and debunking each other.",
                 speaker: "Maria Zakharova", attribution: .title),
        Expected(paragraph: 14, text: "Can you explain how your describing this as the end of the war when it could be the beginning of the biggest military offensive we have seen in Europe since World War Two?",
                 speaker: "Dominic Waghorn", attribution: .title),
        Expected(paragraph: 15, text: "Well no, I’m not going to fantasise this. This has nothing to do with the situation at hand. We are pursuing a stage by stage approach. The operation is ongoing, it has stated objectives, (the) Ministry of Defence is making its comments. We have recently seen the statement by Zolodymyr Zelneskyy and we have responded to it. We are not going to fantasise again, there was a request, we responded to a request, end of story.",
                 speaker: "Maria Zakharova", attribution: .pronoun),
    ]

    @Test func findsEveryQuotationWithItsSpeaker() throws {
        let quotes = QuoteExtractor().quotations(in: try ArticleFixtures.article("seed-shape.txt"))
        #expect(quotes.count == expected.count)
        for (quote, want) in zip(quotes, expected) {
            #expect(quote.paragraphIndex == want.paragraph, "\(want.text)")
            #expect(quote.text == want.text)
            #expect(quote.speaker == want.speaker, "\(want.text)")
            #expect(quote.attribution == want.attribution, "\(want.text)")
        }
    }

    @Test func joinsZakharovasAnswerAcrossItsTwoParagraphs() throws {
        let quotes = QuoteExtractor().quotations(in: try ArticleFixtures.article("seed-shape.txt"))
        let answer = try #require(quotes.last)
        #expect(answer.paragraphIndices == [15, 16])
        #expect(answer.parts.count == 2)
        #expect(answer.parts[1].hasPrefix("We have recently seen the statement"))
    }

    @Test func skipsTheScareQuoteAndTheTweet() throws {
        let quotes = QuoteExtractor().quotations(in: try ArticleFixtures.article("seed-shape.txt"))
        #expect(!quotes.contains { $0.text == "demilitarise" })
        #expect(!quotes.contains { $0.text.contains("drinking and groping") })
    }
}
