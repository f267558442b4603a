@testable import Captions
import Foundation
import Testing

@Suite("Transcript: the HTML page")
struct TranscriptHTMLTests {
    private typealias Fixtures = TranscriptFixtures

    /// The sample news captions (Captions/port-ellery-floods.vtt).
    private func sample() throws -> Transcript {
        let url = FixtureFiles.samples.appendingPathComponent("port-ellery-floods.vtt")
        return Transcript(try CaptionDocument.read([UInt8](try Data(contentsOf: url)), file: url.path).document)
    }

    private func page(_ transcript: Transcript, _ presentation: Transcript.Presentation) throws -> HTMLNode {
        let html = transcript.rendered(as: .html, presentation: presentation).text
        return try #require(HTMLNode.parse(html))
    }

    /// The paragraphs of the transcript section.
    private func paragraphs(_ page: HTMLNode) throws -> [HTMLNode] {
        let section = try #require(page.elements(named: "section").first)
        return section.elements(named: "p")
    }

    @Test func theSamplePageHasItsLanguageOneHeadingAndALabelledSection() throws {
        let page = try page(try sample(), .init(title: "Port Ellery floods", source: "Captions/port-ellery-floods.vtt"))
        #expect(page.name == "html")
        #expect(page["lang"] == "en-GB")
        #expect(page.elements(named: "title").map(\.text) == ["Transcript: Port Ellery floods"])
        #expect(page.elements(named: "h1").map(\.text) == ["Port Ellery floods"])
        #expect(page.elements(named: "main").count == 1)

        let sections = page.elements(named: "section")
        #expect(sections.count == 1)
        let section = try #require(sections.first)
        let labelledBy = try #require(section["aria-labelledby"])
        let heading = try #require(section.childElements.first)
        #expect(heading.name == "h2")
        #expect(heading["id"] == labelledBy)
        #expect(heading.text == "Transcript")

        // The details list: source, duration, speakers.
        let terms = page.elements(named: "dt").map(\.text)
        let values = page.elements(named: "dd").map(\.text)
        #expect(terms == ["Source", "Duration", "Speakers"])
        #expect(values == ["port-ellery-floods.vtt", "2:18", "Helen Okafor, Tom Reyes"])
        #expect(page.elements(named: "dd")[1].elements(named: "time").first?["datetime"] == "PT2M18.893S")
    }

    @Test func everyTurnHasAVisibleSpeakerLabelAndEveryParagraphItsTime() throws {
        let paragraphs = try paragraphs(try page(try sample(), .init(title: "Port Ellery floods")))
        // 11 turns, Helen's address in two paragraphs, and the music between.
        #expect(paragraphs.count == 13)
        let labels = paragraphs.map { paragraph in
            paragraph.childElements.first { $0.hasClass("speaker") }?.text
        }
        let helen = "Helen Okafor:", tom = "Tom Reyes:"
        #expect(labels == [helen, nil, nil, tom, helen, tom, helen, tom, helen, tom, helen, tom, helen])
        // Each label comes right after the time, before the words.
        #expect(paragraphs[0].text.hasPrefix("0:04 Helen Okafor: Good evening. Tonight I want to speak to you plainly"))

        let times = paragraphs.compactMap { $0.elements(named: "time").first }
        #expect(times.count == paragraphs.count)
        #expect(times.prefix(4).map { $0["datetime"] } == ["PT4S", "PT40.72S", "PT1M10.533S", "PT1M13.533S"])
        #expect(times.prefix(4).map(\.text) == ["0:04", "0:40", "1:10", "1:13"])
        let durationPattern = /PT(\d+H)?(\d+M)?(\d+(\.\d{1,3})?S)?/
        #expect(times.allSatisfy { ($0["datetime"] ?? "").wholeMatch(of: durationPattern) != nil })

        // The music is marked up as a sound, in a paragraph of its own.
        #expect(paragraphs[2].hasClass("sound"))
        #expect(paragraphs[2].elements(named: "span").filter { $0.hasClass("sound") }.map(\.text) == ["[Music]"])
    }

    @Test func thePageNeedsNoScriptAndAnnouncesNothing() throws {
        let html = try sample().rendered(as: .html, presentation: .init(title: "Port Ellery floods")).text
        let page = try #require(HTMLNode.parse(html))
        #expect(page.elements(named: "script").isEmpty)
        #expect(page.elements(withAttribute: "aria-live").isEmpty)
        #expect(page.elements(withAttribute: "tabindex").isEmpty)
        let ids = page.elements(withAttribute: "id").compactMap { $0["id"] }
        #expect(Set(ids).count == ids.count)
        // The style sheet is inline: nothing is fetched.
        #expect(page.elements(named: "link").isEmpty)
        #expect(page.elements(named: "style").count == 1)
    }

    @Test func withMediaEachTimeLinksToItsMomentAndThePageGetsAPlayer() throws {
        let media = "https://example.org/news/port-ellery.mp4"
        let transcript = try sample()
        let page = try page(transcript, .init(title: "Port Ellery floods", media: media))
        let paragraphs = try paragraphs(page)
        let links = paragraphs.map { $0.childElements.first }
        #expect(links.allSatisfy { $0?.name == "a" && $0?.hasClass("time") == true })
        #expect(links.prefix(3).map { $0?["href"] } == ["\(media)#t=4", "\(media)#t=40.72", "\(media)#t=70.533"])
        // The link's text is the visible time: no aria-label overrides it.
        #expect(links.allSatisfy { $0?["aria-label"] == nil && $0?.elements(named: "time").count == 1 })

        let video = try #require(page.elements(named: "video").first)
        #expect(video["src"] == media)
        #expect(video["controls"] != nil)
        // The enhancement script is there, and the words are the same as without it.
        #expect(page.elements(named: "script").count == 1)
        let plain = try self.paragraphs(try self.page(transcript, .init(title: "Port Ellery floods")))
        #expect(paragraphs.map { $0.text.drop { $0 != " " } } == plain.map { $0.text.drop { $0 != " " } })
        #expect(page.elements(withAttribute: "aria-live").isEmpty)
    }

    @Test func anAudioRecordingGetsAnAudioPlayer() throws {
        let page = try page(try Fixtures.transcript("interview.vtt"), .init(media: "interview.mp3?session=1"))
        #expect(page.elements(named: "audio").first?["src"] == "interview.mp3?session=1")
        #expect(page.elements(named: "video").isEmpty)
    }

    @Test func descriptionsAndUnnamedTurnsHaveVisibleLabels() throws {
        let described = try Fixtures.transcript("interview.vtt", descriptions: "interview-descriptions.vtt")
        let paragraphs = try paragraphs(try page(described, .init()))
        let descriptions = paragraphs.filter { $0.hasClass("description") }
        #expect(descriptions.count == 3)
        #expect(descriptions.allSatisfy { $0.childElements.contains { $0.hasClass("label") && $0.text == "Description:" } })
        #expect(descriptions[0].text == "0:00 Description: A kitchen table. Ana Lima sits opposite Tom Reyes.")

        let news = try self.paragraphs(try page(try Fixtures.transcript("rollup-news.srt"), .init(language: "en")))
        #expect(news.map { $0.childElements.first { $0.hasClass("speaker") }?.text } == ["Speaker:", "Mayor Okafor:", "Speaker:"])
    }

    @Test func captionTextIsEscaped() throws {
        let cue = Cue(start: .zero, end: MediaTime(seconds: 2), content: [.text("5 < 6 & \"7\" > 3 </p><script>x</script>\u{1} ok.")])
        let page = try page(Transcript(CaptionDocument(cues: [cue])), .init(title: "A <b>bold</b> & \"quoted\" title", language: "en"))
        #expect(page.elements(named: "h1").map(\.text) == ["A <b>bold</b> & \"quoted\" title"])
        #expect(page.elements(named: "script").isEmpty)
        let paragraph = try #require(try paragraphs(page).first)
        #expect(paragraph.text == "0:00 5 < 6 & \"7\" > 3 </p><script>x</script> ok.")
    }
    /// WCAG 2.2 SC 3.1.2 (Language of Parts): words the captions mark as
    /// another language carry `lang`, so a screen reader switches voice.
    @Test func wordsInAnotherLanguageCarryTheirLanguage() throws {
        let vtt = """
            WEBVTT
            Language: en-GB

            00:00.000 --> 00:04.000
            <v Helen Okafor>To our twin town I say <lang fr>merci beaucoup</lang>, thank you.

            00:04.000 --> 00:06.000
            <v Helen Okafor><lang en-GB>And</lang> [applause] <lang de>danke</lang>.

            """
        let document = try CaptionDocument.read(Array(vtt.utf8), file: "twin.vtt").document
        let transcript = Transcript(document)
        let page = try page(transcript, .init())
        let marked = page.elements(withAttribute: "lang").filter { $0.name == "span" }
        // The page's own language needs no span; the sound description keeps its class.
        #expect(marked.map(\.text) == ["merci beaucoup,", "danke."])
        #expect(marked.map { $0["lang"] } == ["fr", "de"])
        #expect(page.elements(named: "span").filter { $0["class"] == "sound" }.map(\.text) == ["[applause]"])
        #expect(transcript.paragraphs.map(\.text) == ["To our twin town I say merci beaucoup, thank you. And [applause] danke."])

        let json = Data(transcript.rendered(as: .json, presentation: .init()).text.utf8)
        let root = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let paragraphs = try #require(root["paragraphs"] as? [[String: Any]])
        let sentences = paragraphs.flatMap { $0["sentences"] as? [[String: Any]] ?? [] }
        let parts = sentences.flatMap { $0["parts"] as? [[String: Any]] ?? [] }
        #expect(parts.map { $0["text"] as? String } == ["To our twin town I say", "merci beaucoup,", "thank you.", "And", "[applause]", "danke."])
        #expect(parts.map { $0["language"] as? String } == [nil, "fr", nil, nil, nil, "de"])
    }
}
