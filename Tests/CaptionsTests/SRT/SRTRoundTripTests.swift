import Captions
import Testing

@Suite("SRT round trips: what SRT can carry survives")
struct SRTRoundTripTests {
    /// `{\an8}` and `{\an4}` as cue settings.
    static var top: CueSettings {
        var settings = CueSettings()
        settings.line = .number(0)
        return settings
    }

    static var middleLeft: CueSettings {
        var settings = CueSettings()
        settings.line = .percentage(50)
        settings.lineAlign = .center
        settings.align = .left
        return settings
    }

    /// A WebVTT-style document with everything WebVTT has, built in code.
    static var webVTTDocument: CaptionDocument {
        let (top, middleLeft) = (Self.top, Self.middleLeft)
        var inRegion = CueSettings()
        inRegion.region = "fred"
        inRegion.size = 40
        return CaptionDocument(
            format: .webvtt,
            header: "Kind: captions",
            cues: [
                Cue(id: "intro", start: SRT.ms(4000), end: SRT.ms(5200),
                    content: [SRT.span(.voice, .text("Good "), SRT.span(.italic, .text("evening")), .text("."), annotation: "Helen Okafor")],
                    settings: top),
                Cue(id: "2", start: SRT.ms(5320), end: SRT.ms(8987),
                    content: [SRT.span(.voice, .text("Tonight I want to speak to\nyou plainly"), annotation: "Helen Okafor"),
                              .timestamp(SRT.ms(7000)), .text(" about the "), SRT.span(.class, .text("water"), classes: ["yellow", "emphasis"])],
                    settings: middleLeft),
                Cue(start: SRT.ms(9507), end: SRT.ms(12040),
                    content: [SRT.span(.voice, .text("How high?"), annotation: "Reporter"), .text(" "),
                              SRT.span(.language, .text("très"), annotation: "fr"), .text(" "),
                              SRT.span(.ruby, .text("高"), SRT.span(.rubyText, .text("taka"))),
                              .text(" & <done>")],
                    settings: inRegion),
            ],
            regions: [Region(id: "fred")],
            styleSheets: ["::cue(.emphasis) { font-weight: bold }"],
            comments: [CaptionComment(text: "checked by the desk", cuesBefore: 1)],
            language: "en"
        )
    }

    @Test func webVTTDocumentThroughSRTKeepsTimesTextStylesColoursAndPositions() throws {
        let written = SRTWriter().write(Self.webVTTDocument)
        let read = try SRTReader().read(written.bytes, file: "round.srt")
        #expect(read.diagnostics.isEmpty)
        let (top, middleLeft) = (Self.top, Self.middleLeft)
        let expected = CaptionDocument(
            format: .srt,
            cues: [
                Cue(id: "1", start: SRT.ms(4000), end: SRT.ms(5200),
                    content: [.text("Helen Okafor: Good "), SRT.span(.italic, .text("evening")), .text(".")], settings: top),
                Cue(id: "2", start: SRT.ms(5320), end: SRT.ms(8987),
                    content: [.text("Tonight I want to speak to\nyou plainly about the "), SRT.span(.class, .text("water"), classes: ["yellow"])],
                    settings: middleLeft),
                Cue(id: "3", start: SRT.ms(9507), end: SRT.ms(12040),
                    content: [.text("Reporter: How high? très 高 & <done>")]),
            ],
            classColors: ["yellow": "#ffff00"]
        )
        #expect(read.document.ignoringSourceLocations == expected)
        #expect(written.losses.summary == [
            "dropped 1 regions", "dropped 1 cue positions", "dropped 1 style sheets", "dropped 1 classes",
            "dropped 3 voices", "dropped 1 ruby annotations", "dropped 1 language spans", "dropped 1 inline timestamps",
            "dropped 1 comments", "dropped 1 cue identifiers",
        ])
    }

    @Test func srtThroughTheModelAndBackIsStable() throws {
        let original = try SRTReader().read(FixtureFiles.bytes("srt/quirks-crlf.srt"), file: nil).document
        let once = SRTWriter().write(original)
        let reread = try SRTReader().read(once.bytes, file: nil)
        #expect(reread.diagnostics.isEmpty)
        for (a, b) in zip(original.cues, reread.document.cues) {
            #expect(a.start == b.start)
            #expect(a.end == b.end)
            #expect(a.content == b.content)
            #expect(a.settings == b.settings)
        }
        #expect(reread.document.cues.count == original.cues.count)
        #expect(reread.document.classColors == original.classColors)
        // Writing again gives the same bytes: the SRT output is a fixed point.
        #expect(SRTWriter().write(reread.document).bytes == once.bytes)
    }

    /// A WebVTT file with what WebVTT has and SRT has not.
    static let webVTTFile = """
        WEBVTT
        Kind: captions

        STYLE
        ::cue(.alert) { color: orange }

        NOTE checked by the desk

        intro
        00:00:04.000 --> 00:00:05.200 line:0
        <v Helen Okafor>Good <i>evening</i>.</v>

        00:00:05.320 --> 00:00:08.987 line:50% align:left
        <v Helen Okafor>Tonight I want to speak to
        you plainly <00:00:07.000>about the <c.alert.loud>water</c>.</v>

        00:00:09.507 --> 00:00:12.040 position:80% size:40%
        <v Reporter>How high? <lang fr>très</lang> <ruby>高<rt>taka</rt></ruby> &amp; &lt;done&gt;</v>

        """

    @Test func webVTTFileThroughSRTAndBackKeepsWhatSRTCarries() throws {
        let vtt = try WebVTTReader().read(Array(Self.webVTTFile.utf8), file: "in.vtt").document
        let srt = SRTWriter().write(vtt)
        // The orange comes from the style sheet rule; "loud" is no colour; the
        // middle-left cue keeps its row and column, though not its lineAlign.
        #expect(srt.text == """
            1
            00:00:04,000 --> 00:00:05,200
            {\\an8}Helen Okafor: Good <i>evening</i>.

            2
            00:00:05,320 --> 00:00:08,987
            {\\an4}Tonight I want to speak to
            you plainly about the <font color="orange">water</font>.

            3
            00:00:09,507 --> 00:00:12,040
            {\\an3}Reporter: How high? très 高 & &lt;done>


            """)
        #expect(srt.losses.counts[.positions] == 2)
        let back = WebVTTWriter().write(try SRTReader().read(srt.bytes, file: "mid.srt").document)
        #expect(back.text == """
            WEBVTT

            STYLE
            ::cue(.color-orange) { color: orange; }

            1
            00:00:04.000 --> 00:00:05.200 line:0
            Helen Okafor: Good <i>evening</i>.

            2
            00:00:05.320 --> 00:00:08.987 line:50%,center align:left
            Tonight I want to speak to
            you plainly about the <c.color-orange>water</c>.

            3
            00:00:09.507 --> 00:00:12.040 align:right
            Reporter: How high? très 高 &amp; &lt;done&gt;


            """)
    }
}
