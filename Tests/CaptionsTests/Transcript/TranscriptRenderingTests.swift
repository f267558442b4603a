@testable import Captions
import Foundation
import Testing

@Suite("Transcript: text, Markdown and JSON")
struct TranscriptRenderingTests {
    private typealias Fixtures = TranscriptFixtures

    @Test func plainTextIsTheWordsAloneByDefault() throws {
        #expect(try Fixtures.text("interview.vtt") == """
            Ana Lima: Thank you for coming in, Mr. Reyes. How long have you lived on Harbour Street?

            Tom Reyes: Thirty years. My father built the house in 1962, before the wall.

            Sorry. It is hard to talk about.

            Ana Lima: Take your time.

            """)
    }

    @Test func plainTextCanStartWithAHeaderAndTimeEachParagraph() throws {
        let presentation = Transcript.Presentation(
            title: "Living by the wall", source: "/tmp/in/interview.srt", timestamps: true, header: true)
        #expect(try Fixtures.text("interview.srt", presentation) == """
            Living by the wall

            Source: interview.srt
            Duration: 0:18
            Speakers: Ana Lima, Tom Reyes

            [00:00:01] Ana Lima: Thank you for coming in, Mr. Reyes. How long have you lived on Harbour Street?

            [00:00:06] Tom Reyes: Thirty years. My father built the house in 1962, before the wall.

            [00:00:14] Sorry. It is hard to talk about.

            [00:00:16] Ana Lima: Take your time.

            """)
    }

    @Test func aDescriptiveTranscriptLabelsTheDescriptions() throws {
        let transcript = try Fixtures.transcript("interview.vtt", descriptions: "interview-descriptions.vtt")
        #expect(transcript.rendered(as: .text).text == """
            Description: A kitchen table. Ana Lima sits opposite Tom Reyes.

            Ana Lima: Thank you for coming in, Mr. Reyes. How long have you lived on Harbour Street?

            Tom Reyes: Thirty years.

            Description: Sign: Harbour Street. Tom points to an old photograph

            Tom Reyes: My father built the house in 1962, before the wall.

            Description: Tom looks away.

            Tom Reyes: Sorry. It is hard to talk about.

            Ana Lima: Take your time.

            """)
    }

    @Test func markdownHasAHeadingBoldSpeakersAndItalicSounds() throws {
        let markdown = try Fixtures.transcript("sounds.vtt").rendered(as: .markdown, presentation: .init(source: "sounds.vtt"))
        #expect(markdown.text == """
            # Transcript of sounds.vtt

            - Source: sounds.vtt
            - Duration: 0:15
            - Speakers: Ana Lima, Tom Reyes

            _\\[Music\\]_

            **Ana Lima:** Welcome back. _(laughs)_ Sorry, that was not planned. We have a song for you.

            _♪ Rain on the harbour, rain on the sea ♪_ _\\[applause\\]_

            **Tom Reyes:** That was lovely. _\\[crowd cheering\\]_ Thank you.

            """)
    }

    @Test func markdownTimestampsLinkToTheMediaWhenItIsKnown() throws {
        let transcript = try Fixtures.transcript("interview.vtt")
        let linked = transcript.rendered(as: .markdown, presentation: .init(
            title: "Living by the wall", media: "https://example.org/v (1).mp4", timestamps: true)).text
        #expect(linked.hasPrefix("# Living by the wall\n\n- Duration: 0:18\n- Speakers: Ana Lima, Tom Reyes\n\n"))
        #expect(linked.contains("\n[00:00:06](https://example.org/v%20%281%29.mp4#t=6.5) **Tom Reyes:** Thirty years."))
        #expect(linked.contains("\n[00:00:14](https://example.org/v%20%281%29.mp4#t=14) Sorry."))
        let plain = transcript.rendered(as: .markdown, presentation: .init(timestamps: true)).text
        #expect(plain.contains("\n\\[00:00:14] Sorry. It is hard to talk about.\n"))
    }

    @Test func markdownEscapesCaptionTextThatLooksLikeMarkup() {
        let cues = [
            Cue(start: .zero, end: MediaTime(seconds: 1), content: [.text("# 1 *2 = _x_ <b> & `y` ~z~ |w|")]),
            Cue(start: MediaTime(seconds: 5), end: MediaTime(seconds: 6), content: [.text("1887. The wall was built.")]),
            Cue(start: MediaTime(seconds: 10), end: MediaTime(seconds: 11), content: [.text("+1 for that.")]),
        ]
        let markdown = Transcript(CaptionDocument(cues: cues)).rendered(as: .markdown).text
        let paragraphs = markdown.components(separatedBy: "\n\n").suffix(3)
        #expect(Array(paragraphs) == [
            "\\# 1 \\*2 = \\_x\\_ \\<b\\> \\& \\`y\\` \\~z\\~ \\|w\\|",
            "1887\\. The wall was built.",
            "\\+1 for that.\n",
        ])
    }

    @Test func jsonGivesParagraphsAndSentencesWithTimes() throws {
        let transcript = try Fixtures.transcript("sounds.vtt")
        let json = transcript.rendered(as: .json, presentation: .init(title: "Music night", source: "in/sounds.vtt")).text
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["title"] as? String == "Music night")
        #expect(object["source"] as? String == "sounds.vtt")
        #expect(object["language"] as? String == "en")
        #expect(object["duration"] as? Double == 15)
        #expect(object["speakers"] as? [String] == ["Ana Lima", "Tom Reyes"])
        #expect(object["sentenceBreaks"] as? String == "punctuation")
        #expect(object["repeatedWords"] as? Int == 0)
        let paragraphs = try #require(object["paragraphs"] as? [[String: Any]])
        #expect(paragraphs.map { $0["kind"] as? String } == ["sound", "speech", "sound", "speech"])
        #expect(paragraphs.map { $0["speaker"] as? String } == [nil, "Ana Lima", nil, "Tom Reyes"])
        #expect(paragraphs[0]["speaker"] is NSNull)
        #expect(paragraphs.map { $0["startsTurn"] as? Bool } == [false, true, false, true])
        #expect(paragraphs[1]["start"] as? Double == 2.5)
        #expect(paragraphs[1]["end"] as? Double == 7)
        let sentences = try #require(paragraphs[1]["sentences"] as? [[String: Any]])
        #expect(sentences.map { $0["text"] as? String } == ["Welcome back.", "(laughs)", "Sorry, that was not planned.", "We have a song for you."])
        // Cue 2.5-5 s; weights Welcome 8, back. 6, (laughs) 9, Sorry, 7, that 5, was 4,
        // not 4, planned. 9 of 52: "Welcome back." ends at 2.5 + 2.5 * 14/52 = 3.173.
        #expect(sentences[0]["start"] as? Double == 2.5)
        #expect(sentences[0]["end"] as? Double == 3.173)
        #expect(sentences[1]["start"] as? Double == 3.173)
        let parts = try #require(sentences[1]["parts"] as? [[String: Any]])
        #expect(parts.count == 1)
        #expect(parts[0]["text"] as? String == "(laughs)")
        #expect(parts[0]["sound"] as? Bool == true)
    }

    @Test func transcriptTimesAreWrittenForEachUse() {
        #expect(TranscriptClock.bracketed(MediaTime(milliseconds: 3_725_900)) == "[01:02:05]")
        #expect(TranscriptClock.short(MediaTime(milliseconds: 72_999)) == "1:12")
        #expect(TranscriptClock.short(MediaTime(seconds: 3725)) == "1:02:05")
        #expect(TranscriptClock.duration(MediaTime(milliseconds: 72_500)) == "PT1M12.5S")
        #expect(TranscriptClock.duration(.zero) == "PT0S")
        #expect(TranscriptClock.duration(MediaTime(seconds: 3600)) == "PT1H")
        #expect(TranscriptClock.duration(MediaTime(milliseconds: 3_600_250)) == "PT1H0.25S")
        #expect(TranscriptClock.duration(MediaTime(numerator: 1, denominator: 3)) == "PT0.333S")
        #expect(TranscriptClock.seconds(MediaTime(milliseconds: 72_500)) == "72.5")
        #expect(TranscriptClock.seconds(MediaTime(seconds: 4)) == "4")
        #expect(TranscriptClock.seconds(MediaTime(milliseconds: 1005)) == "1.005")
        #expect(TranscriptClock.seconds(MediaTime(milliseconds: 50)) == "0.05")
    }

    @Test func mediaLinksAreValidURLsWithATimeFragment() {
        #expect(MediaLink.url("https://example.org/a b.mp4#old", at: MediaTime(milliseconds: 4500)) == "https://example.org/a%20b.mp4#t=4.5")
        #expect(MediaLink.url("vidéo \"1\".webm", at: .zero) == "vidéo%20%221%22.webm#t=0")
    }

    @Test(arguments: [
        ("en", true), ("en-GB", true), ("zh-Hant-TW", true), ("es-419", true), ("x-klingon", true),
        ("", false), ("e", false), ("en GB", false), ("en--GB", false), ("en_GB", false), ("123", false), ("toolongtag", false), ("en-", false),
    ])
    func languageTagsMustBeWellFormed(tag: String, wellFormed: Bool) {
        #expect(Transcript.isWellFormedLanguageTag(tag) == wellFormed)
    }

    @Test func anHTMLPageWithoutALanguageIsUndeterminedWithAWarning() throws {
        let transcript = try Fixtures.transcript("interview.srt")
        let unknown = transcript.rendered(as: .html, presentation: .init(source: "interview.srt"))
        #expect(unknown.text.contains("<html lang=\"und\">"))
        #expect(unknown.diagnostics.map(\.code) == ["transcript-language"])
        #expect(unknown.diagnostics.first?.description.hasPrefix("interview.srt:1:1: warning: the captions do not say their language") == true)

        let given = transcript.rendered(as: .html, presentation: .init(language: "cy"))
        #expect(given.text.contains("<html lang=\"cy\">"))
        #expect(given.diagnostics.isEmpty)

        var badlyTagged = transcript
        badlyTagged.language = "en_GB"
        #expect(badlyTagged.rendered(as: .html).text.contains("<html lang=\"en-GB\">"))
        badlyTagged.language = "English (UK)"
        let bad = badlyTagged.rendered(as: .html)
        #expect(bad.text.contains("<html lang=\"und\">"))
        #expect(bad.diagnostics.first?.message.contains("\"English (UK)\" is not well-formed") == true)
    }
}
