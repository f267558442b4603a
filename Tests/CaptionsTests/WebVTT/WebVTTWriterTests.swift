import Testing
@testable import Captions

@Suite("WebVTT writer")
struct WebVTTWriterTests {
    /// A document using every part of the model that WebVTT carries.
    static var fullDocument: CaptionDocument {
        var fred = Region(id: "fred")
        fred.width = 40
        fred.viewportAnchorX = 10
        fred.viewportAnchorY = 90
        fred.scroll = .up
        var first = Cue(
            id: "1", start: MediaTime(milliseconds: 1500), end: MediaTime(seconds: 3700),
            content: [.span(CueSpan(kind: .voice, classes: ["loud"], annotation: "Anna", children: [.text("Hello & <bye>")]))])
        first.settings.region = "fred"
        first.settings.align = .left
        var second = Cue(start: MediaTime(seconds: 3601), end: nil, content: [.text("line one\n\nline three")])
        second.settings.vertical = .rightToLeft
        second.settings.line = .percentage(10)
        second.settings.lineAlign = .end
        second.settings.position = 25.5
        second.settings.positionAlign = .lineLeft
        second.settings.size = 50
        return CaptionDocument(
            format: .webvtt, header: " - News", cues: [first, second], regions: [fred],
            styleSheets: ["::cue { color: yellow }"],
            comments: [CaptionComment(text: "the end", cuesBefore: 2), CaptionComment(text: "intro", cuesBefore: 0)],
            language: "en")
    }

    @Test func writesEveryPartInOrderWithOnlyNonDefaultSettings() {
        let result = WebVTTWriter().write(Self.fullDocument)
        #expect(result.text == """
            WEBVTT - News
            Language: en

            REGION
            id:fred width:40% viewportanchor:10%,90% scroll:up

            STYLE
            ::cue { color: yellow }

            NOTE intro

            1
            00:00:01.500 --> 01:01:40.000 align:left region:fred
            <v.loud Anna>Hello &amp; &lt;bye&gt;</v>

            01:00:01.000 --> 01:01:40.000 vertical:rl line:10%,end position:25.5%,line-left size:50%
            line one
            &#10;line three

            NOTE the end


            """)
    }

    @Test func cueWithoutEndEndsAtTheDocumentsLastTimeWithAWarningAndALoss() {
        let result = WebVTTWriter().write(Self.fullDocument)
        #expect(result.losses.counts == [.openEndedCues: 1])
        #expect(result.diagnostics.map(\.code) == ["open-ended-cue"])
        #expect(result.diagnostics.first?.message == "cue 2 has no end; it ends at 01:01:40.000, the end of the document")
    }

    @Test func writtenDocumentReadsBackEqualApartFromTheFilledInEnd() throws {
        var document = Self.fullDocument
        let written = WebVTTWriter().write(document)
        let reread = try WebVTTReader().read(written.bytes, file: nil)
        #expect(reread.diagnostics.isEmpty)
        document.cues[1].end = MediaTime(seconds: 3700)
        document.header = " - News\nLanguage: en"
        document.comments.sort { $0.cuesBefore < $1.cuesBefore }
        #expect(reread.document.ignoringSourceLocations == document)
    }

    @Test func idsCommentsHeaderAndStyleSheetsThatCannotBeHeldAreAlteredWithWarnings() throws {
        let document = CaptionDocument(
            header: "Title\nbad --> header\n\nKind: captions",
            cues: [Cue(id: "a-->b\nc", start: .zero, end: MediaTime(seconds: 1), content: [.text("x")])],
            styleSheets: ["a {}\n\nb { content: '-->' }"],
            comments: [CaptionComment(text: "x\n\ny --> z", cuesBefore: 1)])
        let result = WebVTTWriter().write(document)
        #expect(result.text == """
            WEBVTT Title
            bad -- > header
            Kind: captions

            STYLE
            a {}
            b { content: '--\\>' }

            a-- >b c
            00:00:00.000 --> 00:00:01.000
            x

            NOTE x
            y -- > z


            """)
        #expect(result.diagnostics.map(\.description) == [
            "<output>:2:1: warning: header line 'bad --> header' contains '-->'; written with '-- >'",
            "<output>:5:1: warning: style sheet 1: blank lines left out and '-->' written as '--\\>', which a STYLE block cannot hold",
            "<output>:9:1: warning: cue 1: id written as 'a-- >b c': an id cannot hold line breaks or '-->'",
            "<output>:13:1: warning: comment 1: blank lines left out and '-->' written as '-- >', which a NOTE block cannot hold",
        ])
        let reread = try WebVTTReader().read(result.bytes, file: nil).document
        #expect(reread.cues.map(\.id) == ["a-- >b c"])
        #expect(reread.comments.map(\.text) == ["x\ny -- > z"])
        #expect(reread.styleSheets == ["a {}\nb { content: '--\\>' }"])
    }

    @Test func textThatWouldBreakTheBlockIsEscapedExactly() throws {
        let content: [CueNode] = [.text("\nstarts empty\r\n\n-->"), .span(CueSpan(kind: .italic, children: [.text("\n")]))]
        let document = CaptionDocument(cues: [Cue(start: .zero, end: MediaTime(seconds: 1), content: content)])
        let result = WebVTTWriter().write(document)
        #expect(result.text.hasSuffix("00:00:00.000 --> 00:00:01.000\n&#10;starts empty&#13;\n&#10;--&gt;<i>\n</i>\n\n"))
        #expect(result.diagnostics.isEmpty)
        let reread = try WebVTTReader().read(result.bytes, file: nil).document
        #expect(reread.cues.map(\.content) == [content])
    }

    @Test func settingsAndRegionsTheFormatCannotHoldAreCountedAsLosses() {
        var cue = Cue(start: .zero, end: MediaTime(seconds: 1), content: [])
        cue.settings.region = "missing"
        cue.settings.lineAlign = .center
        cue.settings.positionAlign = .center
        let document = CaptionDocument(cues: [cue], regions: [Region(id: "")])
        let result = WebVTTWriter().write(document)
        #expect(result.text == "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n\n")
        #expect(result.losses.counts == [.regions: 2, .positions: 2])
    }

    @Test func numbersAreWrittenWithoutExponents() {
        #expect(WebVTTNumber.format(40) == "40")
        #expect(WebVTTNumber.format(12.5) == "12.5")
        #expect(WebVTTNumber.format(0.00001) == "0.00001")
        #expect(WebVTTNumber.format(-1e20) == "-100000000000000000000")
        #expect(WebVTTNumber.format(5e-324) == "0." + String(repeating: "0", count: 323) + "5")
        #expect(WebVTTNumber.format(1.7976931348623157e308) == "17976931348623157" + String(repeating: "0", count: 292))
    }
}
