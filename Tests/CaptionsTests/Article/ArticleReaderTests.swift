import Testing
@testable import Captions

@Suite("Article reader")
struct ArticleReaderTests {
    // MARK: HTML pages

    @Test func takesTheHeadlineFromTheH1() throws {
        let article = try ArticleFixtures.article("dock-strike.html")
        #expect(article.headline == "“We are not going back”: Carrow dock strike extended as talks collapse")
    }

    @Test func keepsTheStoryParagraphsInPageOrder() throws {
        let article = try ArticleFixtures.article("dock-strike.html")
        let texts = article.paragraphs.map(\.text)
        #expect(texts.count == 15)
        #expect(texts.first == "Dock workers at the Port of Carrow will stay out on strike for at least another fortnight after talks with the port’s owners broke down on Tuesday night.")
        #expect(texts[2] == "“We are not going back to work,” Ms Okafor said, “until Carrow Port Holdings puts a real offer on the table.”")
        #expect(texts[8] == "Transport Secretary Helen Marsh urged both sides to return to the table.")
        #expect(texts.last == "Ms Okafor later told a rally: “The company calls our members ‘a cost to be managed’. We call them the people who run this port.”")
    }

    @Test(arguments: [
        "We use cookies",                       // cookie banner
        "Business",                             // navigation
        "Search the Post",                      // search form
        "Subscribe now",                        // hidden element
        "Priya Natarajan",                      // byline
        "Share this story",                     // share widget
        "does not support this video player",   // player notice
        "Lorries queue",                        // picture caption
        "Why are Carrow’s dock workers",        // related links inside the story
        "Proud to stand",                       // embedded tweet
        "Town’s oldest bakery",                 // teaser headline
        "The family that has run",              // teaser excerpt
        "Council approves plan",                // most-read list
        "All rights reserved",                  // footer
        "This is code",                         // script
        "yes it is",                            // script after the body
        "content:",                             // style
    ])
    func leavesOutSiteFurniture(_ furniture: String) throws {
        let article = try ArticleFixtures.article("dock-strike.html")
        #expect(!article.paragraphs.contains { $0.text.contains(furniture) })
    }

    @Test func turnsNoBreakSpacesIntoPlainSpaces() throws {
        let article = try ArticleFixtures.article("dock-strike.html")
        let paragraph = try #require(article.paragraphs.first { $0.text.contains("ships waiting") })
        #expect(paragraph.text.contains("more than 40 ships"))
        #expect(!paragraph.text.unicodeScalars.contains("\u{00A0}"))
    }

    @Test func locatesParagraphsAtTheirSourceLine() throws {
        let article = try ArticleFixtures.article("dock-strike.html")
        #expect(article.paragraphs.first?.location == SourceLocation(file: "dock-strike.html", line: 53))
        #expect(article.paragraphs.last?.location?.line == 88)
    }

    @Test func decodesThePageInTheCharsetItDeclares() throws {
        let article = try ArticleFixtures.article("library-vote-cp1252.html")
        let texts = article.paragraphs.map(\.text)
        #expect(texts.contains("“We will be asking the council to publish its full assessment,” he added."))
        #expect(texts.contains { $0.contains("estimated at £1.4m a year") })
        #expect(texts.first?.contains("borough’s nine library branches") == true)
    }

    @Test func followsArticleBodyMarkupAndLeavesOutCommentsAndPullQuotes() throws {
        let article = try ArticleFixtures.article("library-vote-cp1252.html")
        #expect(article.headline == "Riverside votes to close four libraries despite 12,000-name petition")
        #expect(article.paragraphs.count == 9)
        for furniture in ["Sign up for free", "Sam Okonkwo", "This is a disgrace", "we have no choice", "\"The hardest vote"] {
            #expect(!article.paragraphs.contains { $0.text.contains(furniture) }, "\(furniture)")
        }
        #expect(article.paragraphs.last?.text == "The four branches will close at the end of June.")
    }

    @Test func fallsBackToOpenGraphThenTitleWithoutTheSiteName() throws {
        let body = "<p>The bridge reopened to traffic on Monday morning after eight months of repairs to its steel frame.</p>"
        let withMeta = "<html><head><title>Bridge reopens | Gazette</title><meta property=\"og:title\" content=\"Bridge reopens after repairs\"></head><body>\(body)</body></html>"
        #expect(try ArticleReader().read(Array(withMeta.utf8)).headline == "Bridge reopens after repairs")
        let titleOnly = "<html><head><title>Bridge reopens after eight months | The Gazette</title></head><body>\(body)</body></html>"
        #expect(try ArticleReader().read(Array(titleOnly.utf8)).headline == "Bridge reopens after eight months")
    }

    @Test func doesNotTakeTheSiteLogoForTheHeadline() throws {
        let page = """
        <html><head><title>Ferry fares to rise by a fifth | Island Courier</title></head><body>
        <header><h1 class="brand">Island Courier</h1></header>
        <h1>Ferry fares to rise by a fifth</h1>
        <p>Return fares on the island ferry will rise by twenty per cent from June, the operator announced today.</p>
        </body></html>
        """
        #expect(try ArticleReader().read(Array(page.utf8)).headline == "Ferry fares to rise by a fifth")
    }

    @Test func readsUndeclaredUTF8AsUTF8() throws {
        let page = "<html><body><p>“Ça suffit,” said the café owner, whose terrace had been closed for a week.</p></body></html>"
        let article = try ArticleReader().read(Array(page.utf8))
        #expect(article.paragraphs.map(\.text) == ["“Ça suffit,” said the café owner, whose terrace had been closed for a week."])
    }

    @Test func showsInlineQuotationElementsWithQuoteMarks() throws {
        let page = "<p>The mayor said the plan was <q>the best deal this city has had in years</q> and left.</p>"
        let article = try ArticleReader().read(Array(page.utf8))
        #expect(article.paragraphs.first?.text == "The mayor said the plan was “the best deal this city has had in years” and left.")
    }

    @Test func keepsOneArticleWhenTeaserCardsFollowTheStory() throws {
        let page = """
        <main>
        <article><h1>Library hours cut across the county</h1>
        <p>Opening hours at eleven libraries will be cut from April, the county council confirmed on Thursday evening.</p>
        <p>Staff will be offered other roles and nobody will lose their job, according to a statement from the council.</p>
        </article>
        <section><h2>Elsewhere on the site</h2>
        <article class="story-item"><h3><a href="/a">New cycle lane opens</a></h3>
        <p>The two-mile route links the station with the hospital and took eighteen months to build.</p></article>
        <article class="story-item"><h3><a href="/b">School wins national award</a></h3>
        <p>Pupils at the primary school were praised for their work on the river clean-up project last summer.</p></article>
        </section>
        </main>
        """
        let article = try ArticleReader().read(Array(page.utf8))
        #expect(article.headline == "Library hours cut across the county")
        #expect(article.paragraphs.map(\.text) == [
            "Opening hours at eleven libraries will be cut from April, the county council confirmed on Thursday evening.",
            "Staff will be offered other roles and nobody will lose their job, according to a statement from the council.",
        ])
    }

    @Test func splitsParagraphsMarkedOnlyByDoubleLineBreaks() throws {
        let page = """
        <div class="story-text">The museum will reopen its east wing on Saturday after a two-year restoration.<br><br>Tickets
        are free for local residents during the first month, the director said.<br>Booking is not required.</div>
        """
        let article = try ArticleReader().read(Array(page.utf8))
        #expect(article.paragraphs.map(\.text) == [
            "The museum will reopen its east wing on Saturday after a two-year restoration.",
            "Tickets are free for local residents during the first month, the director said. Booking is not required.",
        ])
    }

    // MARK: Text pages

    @Test func readsAPageSavedAsText() throws {
        let article = try ArticleFixtures.article("flood-barrier.txt")
        #expect(article.headline == "'We were told the wall would hold': Millbrook residents demand answers over failed flood barrier")
        #expect(article.paragraphs.count == 13)
        #expect(article.paragraphs.first?.text.hasPrefix("Residents of Millbrook say") == true)
        #expect(article.paragraphs.first?.location == SourceLocation(file: "flood-barrier.txt", line: 16, column: 1))
        #expect(article.paragraphs.last?.text == "The review's findings will be published in the spring, the council said.")
    }

    @Test(arguments: [
        "Skip to main content", "Search the Gazette", "Share this article", "WhatsApp", "This video can not be played",
        "Read more", "Related stories", "Millbrook bridge to reopen", "Council tax set to rise", "Villagers raise",
        "Follow us", "All rights reserved", "Cookie settings",
    ])
    func leavesOutFurnitureOfATextPage(_ furniture: String) throws {
        let article = try ArticleFixtures.article("flood-barrier.txt")
        #expect(!article.paragraphs.contains { $0.text.contains(furniture) })
    }

    @Test func joinsHardWrappedLinesIntoOneParagraph() throws {
        let text = """
        Ferry services resume

        Ferries between the island and the mainland resumed on Thursday
        after three days of gales kept every boat in harbour, the operator
        said.

        Passengers with cancelled bookings will be offered seats on the next
        available sailing at no extra cost.
        """
        let article = try ArticleReader().read(Array(text.utf8))
        #expect(article.headline == "Ferry services resume")
        #expect(article.paragraphs.map(\.text) == [
            "Ferries between the island and the mainland resumed on Thursday after three days of gales kept every boat in harbour, the operator said.",
            "Passengers with cancelled bookings will be offered seats on the next available sailing at no extra cost.",
        ])
        #expect(article.paragraphs.map { $0.location?.line } == [3, 7])
    }

    @Test func readsOneParagraphPerLineWhenLinesAreNotWrapped() throws {
        let text = """
        Council confirms new recycling collections
        Households across the district will get a new food waste bin from the first week of May, the council has confirmed.
        “This will save us money,” said Councillor Ben Ashby.
        Collections will be weekly.
        """
        let article = try ArticleReader().read(Array(text.utf8))
        #expect(article.headline == "Council confirms new recycling collections")
        #expect(article.paragraphs.map(\.text) == [
            "Households across the district will get a new food waste bin from the first week of May, the council has confirmed.",
            "“This will save us money,” said Councillor Ben Ashby.",
            "Collections will be weekly.",
        ])
    }

    @Test func readsWindows1252TextFiles() throws {
        // Windows-1252 quote marks (0x93, 0x94) and a pound sign (0xA3), no BOM, not UTF-8.
        var bytes = Array("Budget row\n\n".utf8)
        bytes += [0x93] + Array("Not today, and not for ".utf8) + [0xA3] + Array("5m either,".utf8) + [0x94]
        bytes += Array(" the treasurer said after the meeting.".utf8)
        let article = try ArticleReader().read(bytes)
        #expect(article.paragraphs.map(\.text) == ["“Not today, and not for £5m either,” the treasurer said after the meeting."])
    }

    @Test func decodesCharacterReferencesInTextButKeepsBareAmpersands() throws {
        let text = "Shares in AT&T and R&D spending both rose&nbsp;sharply, the firm&#8217;s report said on Monday afternoon."
        let article = try ArticleReader().read(Array(text.utf8))
        #expect(article.paragraphs.first?.text == "Shares in AT&T and R&D spending both rose sharply, the firm’s report said on Monday afternoon.")
    }

    // MARK: The seed's shape

    @Test func findsTheBodyOfTheScrapedSeedPage() throws {
        let article = try ArticleFixtures.article("seed-shape.txt")
        #expect(article.headline == "'Take power into your own hands': Putin urges Ukraine military to overthrow country's leaders")
        #expect(article.paragraphs.count == 17)
        #expect(article.paragraphs.first?.text.hasPrefix("Vladimir Putin has appealed directly") == true)
        #expect(article.paragraphs.last?.text.hasSuffix("we responded to a request, end of story.”") == true)
        for furniture in ["Connect with us", "what are you looking for", "Please use Chrome browser", "More on Russia",
                          "Latest Tweets", "London Globe", "Tory deputy chief whip", "You May Also Like", "Viktor Baturin",
                          "European Union", "Dimash", "United Kingdom", "Party Seven"] {
            #expect(!article.paragraphs.contains { $0.text.contains(furniture) }, "\(furniture)")
        }
    }

    // MARK: Sniffing and errors

    @Test func decidesBetweenHTMLAndTextFromTheContent() {
        #expect(ArticleReader.looksLikeHTML(Array("  <!DOCTYPE html><html></html>".utf8)))
        #expect(ArticleReader.looksLikeHTML(Array("<div><p>Hello</p></div>".utf8)))
        #expect(ArticleReader.looksLikeHTML(Array("\u{FEFF}<html>".utf8)))
        #expect(!ArticleReader.looksLikeHTML(Array("Headline\n\nThe story starts here, with a < sign.".utf8)))
    }

    @Test func refusesAPageWithNoStoryText() {
        #expect(throws: CaptionError.self) { try ArticleReader().read([], file: "empty.txt") }
        let navigationOnly = "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav>"
        do {
            _ = try ArticleReader().read(Array(navigationOnly.utf8), file: "nav.html")
            Issue.record("a page of links has no story")
        } catch {
            #expect(error.kind == .invalidInput)
            #expect(error.description == "nav.html:1:1: error: no story text found in the page")
        }
    }
}
