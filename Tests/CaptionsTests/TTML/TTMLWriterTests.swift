import FuzzChecks
import Testing
@testable import Captions

/// The TTML writer: what it writes, and that its output reads back.
@Suite("TTML writer")
struct TTMLWriterTests {
    static func cue(_ start: String, _ end: String, _ text: String, settings: CueSettings = CueSettings(), id: String = "") -> Cue {
        Cue(id: id, start: seconds(start), end: seconds(end), content: CueMarkup.nodes(text), settings: settings)
    }

    func written(_ cues: [Cue], frameRate: FrameRate? = nil, language: String? = "en") -> WriteResult {
        TTMLWriter(frameRate: frameRate).write(CaptionDocument(format: .webvtt, cues: cues, language: language))
    }

    @Test func writesAnIMSC1DocumentWithHeadStylesAgentsAndRegions() {
        let text = written([
            Self.cue("1", "2.5", "<v Anna>Hi <i>there</i></v>", id: "first"),
            Self.cue("3", "4", "<b>Bold</b> & <u>under</u>"),
        ]).text
        #expect(text == """
            <?xml version="1.0" encoding="UTF-8"?>
            <tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttp="http://www.w3.org/ns/ttml#parameter" \
            xmlns:tts="http://www.w3.org/ns/ttml#styling" xmlns:ttm="http://www.w3.org/ns/ttml#metadata" \
            ttp:profile="http://www.w3.org/ns/ttml/profile/imsc1/text" xml:lang="en">
              <head>
                <metadata>
                  <ttm:agent xml:id="speaker-Anna" type="character"><ttm:name type="full">Anna</ttm:name></ttm:agent>
                </metadata>
                <styling>
                  <style xml:id="align-center" tts:textAlign="center"/>
                  <style xml:id="italic" tts:fontStyle="italic"/>
                  <style xml:id="bold" tts:fontWeight="bold"/>
                  <style xml:id="underline" tts:textDecoration="underline"/>
                </styling>
                <layout>
                  <region xml:id="bottom" tts:origin="0% 0%" tts:extent="100% 100%" tts:displayAlign="after"/>
                </layout>
              </head>
              <body>
                <div>
                  <p xml:id="first" begin="00:00:01.000" end="00:00:02.500" region="bottom" style="align-center">\
            <span ttm:agent="speaker-Anna">Hi <span style="italic">there</span></span></p>
                  <p begin="00:00:03.000" end="00:00:04.000" region="bottom" style="align-center">\
            <span style="bold">Bold</span> &amp; <span style="underline">under</span></p>
                </div>
              </body>
            </tt>

            """)
    }

    @Test func positionedCuesGetRegionsAndColoursGetStyles() {
        let settings = placement(line: 10, position: 20, size: 60, align: .left)
        let content: [CueNode] = [.span(CueSpan(kind: .class, classes: ["yellow"], children: [.text("Top")])), .text(" line\nnext")]
        let text = written([Cue(start: .zero, end: seconds("1"), content: content, settings: settings)]).text
        #expect(text.contains(#"<region xml:id="region1" tts:origin="20% 10%" tts:extent="60% 30%" tts:displayAlign="before"/>"#))
        #expect(text.contains(##"<style xml:id="yellow" tts:color="#ffff00"/>"##))
        #expect(text.contains(#"region="region1" style="align-left"><span style="yellow">Top</span> line<br/>next</p>"#))
    }

    @Test func framesAt25AreWholeFrameTimeCodes() {
        let text = written([Self.cue("1.48", "2.5", "A")], frameRate: FrameRate(numerator: 25)).text
        #expect(text.contains(#"ttp:frameRate="25" xml:lang="en""#))
        #expect(!text.contains("frameRateMultiplier"))
        // 1.48 s is frame 37: 1 s and 12 frames; 2.5 s is frame 62.5, rounded
        // half up to 63: 2 s and 13 frames.
        #expect(text.contains(#"begin="00:00:01:12" end="00:00:02:13""#))
    }

    @Test func ntscRatesAreSMPTETimeCodeWithDropFrames() throws {
        let rate = FrameRate(numerator: 30000, denominator: 1001)
        // Frame 1800 is 60.06 s; drop-frame time code labels it 00:01:00;02.
        let result = written([Self.cue("60.06", "600.0", "A")], frameRate: rate)
        #expect(result.text.contains(#"ttp:frameRate="30" ttp:frameRateMultiplier="1000 1001" ttp:timeBase="smpte" ttp:markerMode="continuous" ttp:dropMode="dropNTSC""#))
        #expect(result.text.contains(#"begin="00:01:00:02" end="00:10:00:00""#))
        // And it reads back on the same frames: 600 s rounds to frame 17982 = 599.9994 s.
        let reread = try TTMLReader().read(result.bytes, file: "out.ttml")
        #expect(reread.document.cues.timed == [TimedText(seconds("60.06"), MediaTime(numerator: 17982 * 1001, denominator: 30000), "A")])
        #expect(reread.diagnostics.isEmpty)
    }

    @Test func filmRateIsNonDropTimeCode() {
        let text = written([Self.cue("1.001", "2", "A")], frameRate: FrameRate(numerator: 24000, denominator: 1001)).text
        #expect(text.contains(#"ttp:frameRate="24" ttp:frameRateMultiplier="1000 1001" ttp:timeBase="smpte" ttp:markerMode="continuous" ttp:dropMode="nonDrop""#))
        // 1.001 s is frame 24, labelled 00:00:01:00.
        #expect(text.contains(#"begin="00:00:01:00""#))
    }

    @Test func markupCharactersAndOddIdentifiersAreEscaped() throws {
        let result = written([Self.cue("0", "1", #"<v O"Brien & Co>1 > 2 & 3</v>"#, id: "7 up")])
        #expect(result.text.contains(#"<ttm:name type="full">O"Brien &amp; Co</ttm:name>"#))
        #expect(result.text.contains("1 &gt; 2 &amp; 3"))
        #expect(result.text.contains(#"xml:id="_7_up""#))
        #expect(result.losses.counts[.cueIdentifiers] == 1)
        let reread = try TTMLReader().read(result.bytes, file: "out.ttml").document
        #expect(reread.cues.map(\.plainText) == ["1 > 2 & 3"])
        #expect(reread.cues.map(\.content.voices) == [[#"O"Brien & Co"#]])
        #expect(reread.cues.map(\.id) == ["_7_up"])
    }

    @Test func significantSpacesArePreserved() throws {
        let result = written([Self.cue("0", "1", "  indented\nsecond  line")])
        #expect(result.text.contains(#"xml:space="preserve""#))
        #expect(try TTMLReader().read(result.bytes, file: "out.ttml").document.cues.map(\.markup) == ["  indented\nsecond  line"])
    }

    @Test func whatTTMLCannotCarryIsCounted() {
        let content: [CueNode] = [
            .span(CueSpan(kind: .class, classes: ["loud"], children: [.text("Shout")])), .text(" "), .timestamp(seconds("1")), .text("later"),
        ]
        var document = CaptionDocument(format: .webvtt, cues: [Cue(start: .zero, end: seconds("2"), content: content)])
        document.comments = [CaptionComment(text: "note", cuesBefore: 0)]
        document.styleSheets = ["::cue { font-size: 120% }"]
        let losses = TTMLWriter().write(document).losses
        #expect(losses.counts == [.classes: 1, .inlineTimestamps: 1, .comments: 1, .styleSheets: 1])
    }

    @Test func cuesWithoutAnEndStayOpen() throws {
        let document = CaptionDocument(cues: [Cue(start: seconds("1"), end: nil, content: [.text("forever")])])
        let result = TTMLWriter().write(document)
        #expect(result.text.contains(#"<p begin="00:00:01.000" region="bottom""#))
        #expect(try TTMLReader().read(result.bytes, file: "out.ttml").document.cues.timed == [TimedText(seconds("1"), nil, "forever")])
    }
}

/// Conversions that go through TTML and come back.
@Suite("TTML round trips")
struct TTMLRoundTripTests {
    static func convert(_ document: CaptionDocument, to format: CaptionFormat) throws -> CaptionDocument {
        try format.reader.read(format.writer.write(document).bytes, file: "round-trip").document
    }

    struct Kept: Equatable {
        var start: MediaTime
        var end: MediaTime?
        var text: String
        var settings: CueSettings
        init(_ cue: Cue) {
            (start, end, text, settings) = (cue.start, cue.end, cue.markup, cue.settings)
        }
    }

    @Test(arguments: ["news.ttml", "paint-on.ttml", "utf16le.ttml"])
    func ttmlThroughWebVTTKeepsTextTimesVoicesStylesAndPositions(_ name: String) throws {
        let original = try TTMLSample.fixture(name).document
        let back = try Self.convert(try Self.convert(original, to: .webvtt), to: .ttml)
        #expect(back.cues.map(Kept.init) == original.cues.map(Kept.init))
    }

    @Test func webVTTThroughTTMLKeepsTextTimesVoicesStylesAndPositions() throws {
        let vtt = """
            WEBVTT

            00:00:01.000 --> 00:00:04.000
            <v Anna>Hello <i>there</i></v>

            00:00:05.000 --> 00:00:07.500 line:10% position:20%,line-left size:60% align:left
            <c.yellow>Yellow</c> and <b>bold</b>
            second line

            00:00:08.000 --> 00:00:09.000 line:80%,center position:50%,line-left size:40%
            <v.loud Bob>Shout</v> <u>under</u> <lang fr>bonjour</lang>

            """
        let original = try WebVTTReader().read(Array(vtt.utf8), file: "a.vtt").document
        let back = try Self.convert(try Self.convert(original, to: .ttml), to: .webvtt)
        var expected = original.cues.map(Kept.init)
        // A voice class TTML carries as a role is an extension role, "x-".
        expected[2].text = "<v.x-loud Bob>Shout</v> <u>under</u> <lang fr>bonjour</lang>"
        #expect(back.cues.map(Kept.init) == expected)
    }

    @Test func ttmlToTTMLKeepsPaintOnParagraphsWhole() throws {
        let original = try TTMLSample.fixture("paint-on.ttml").document
        let written = TTMLWriter().write(original)
        #expect(written.text.contains(#"<p xml:id="roll2" begin="00:00:03.000" end="00:00:06.000" region="region1" style="align-start">welcome <span begin="00:00:01.000">home</span></p>"#))
        let back = try TTMLReader().read(written.bytes, file: "out.ttml").document
        #expect(back.paragraphs.timed == original.paragraphs.timed)
        #expect(back.cues.timed == original.cues.timed)
    }

    @Test func paragraphsTheTimelineCannotBeRebuiltFromAreWrittenAsTheTimeline() throws {
        // A <set> hides the word for a second; the paragraph alone cannot say so.
        let original = try TTMLSample.read(body: """
            <div><p begin="0s" end="3s"><set begin="1s" end="2s" tts:visibility="hidden"/>Blink</p></div>
            """)
        let back = try TTMLReader().read(TTMLWriter().write(original).bytes, file: "out.ttml").document
        #expect(back.cues.timed == original.cues.timed)
        #expect(back.paragraphs.timed == original.cues.timed)
    }

    @Test(arguments: ["news.ttml", "paint-on.ttml", "utf16le.ttml"])
    func writtenTTMLReadsBackAsTheSameDocument(_ name: String) throws {
        // The fuzzers' promise: once through the writer, a document is stable.
        #expect(FuzzChecks.roundTrip(try FixtureFiles.bytes("ttml/" + name)) == nil)
    }
}
