import Testing
@testable import Captions

/// Regions (TTML1 §9) as WebVTT cue positions.
@Suite("TTML layout")
struct TTMLLayoutTests {
    func settings(_ region: String, parameters: String = "", align: String = "") throws -> CueSettings {
        let document = try TTMLSample.read(
            parameters: parameters, head: "<layout>\(region)</layout>",
            body: #"<div><p begin="0s" end="1s" region="r" \#(align)>A</p></div>"#)
        return try #require(document.cues.first).settings
    }

    @Test func aBottomRegionInPercentages() throws {
        let s = try settings(#"<region xml:id="r" tts:origin="10% 70%" tts:extent="80% 20%" tts:displayAlign="after"/>"#, align: #"tts:textAlign="center""#)
        #expect(s.line == .percentage(90))
        #expect(s.lineAlign == .end)
        #expect(s.position == 10)
        #expect(s.positionAlign == .lineLeft)
        #expect(s.size == 80)
        #expect(s.align == .center)
        #expect(!s.snapToLines)
    }

    @Test func pixelsAreMeasuredAgainstTheRootExtent() throws {
        // 192 of 1920 px is 10%; 108 of 1080 px is 10%.
        let s = try settings(#"<region xml:id="r" tts:origin="192px 108px" tts:extent="1536px 216px"/>"#, parameters: #"tts:extent="1920px 1080px""#)
        #expect(s.line == .percentage(10))
        #expect(s.lineAlign == .start)
        #expect(s.position == 10)
        #expect(s.size == 80)
        // TTML's initial text alignment is start.
        #expect(s.align == .start)
    }

    @Test func cellsAreMeasuredAgainstTheCellResolution() throws {
        // 32 × 15 cells: 2c across is 6.25%, 28c is 87.5%; 12c down is 80%,
        // 2c is 13.333%, so a centred line sits at 86.667%.
        let s = try settings(#"<region xml:id="r" tts:origin="2c 12c" tts:extent="28c 2c" tts:displayAlign="center"/>"#)
        #expect(s.position == 6.25)
        #expect(s.size == 87.5)
        #expect(s.line == .percentage(86.667))
        #expect(s.lineAlign == .center)
    }

    @Test func aFullFrameBottomRegionIsWebVTTsDefaultPlacement() throws {
        let s = try settings(#"<region xml:id="r" tts:origin="0% 0%" tts:extent="100% 100%" tts:displayAlign="after"/>"#, align: #"tts:textAlign="center""#)
        #expect(s == CueSettings())
    }

    @Test func documentsWithoutRegionsUseTheDefaultPlacement() throws {
        let document = try TTMLSample.read(body: #"<div><p begin="0s" end="1s">A</p></div>"#)
        #expect(document.cues.map(\.settings) == [CueSettings()])
        #expect(document.regions.isEmpty)
    }

    @Test func contentOutsideEveryRegionIsNotShownWhenRegionsExist() throws {
        // TTML1 §9.3.1: with regions defined, content associated with none
        // is not presented, nor content whose ancestors name two regions.
        let document = try TTMLSample.read(
            head: #"<layout><region xml:id="a"/><region xml:id="b"/></layout>"#,
            body: #"<div><p begin="0s" end="1s">none</p><p begin="0s" end="1s" region="a">A</p><p region="a" begin="0s" end="1s"><span region="b">both</span></p></div>"#)
        #expect(document.cues.map(\.plainText) == ["A"])
    }

    @Test func spansCanNameTheirOwnRegions() throws {
        let document = try TTMLSample.read(
            head: #"<layout><region xml:id="top" tts:origin="0% 0%" tts:extent="100% 20%"/><region xml:id="low" tts:origin="0% 80%" tts:extent="100% 20%"/></layout>"#,
            body: #"<div><p begin="0s" end="1s">lost <span region="low">Low</span> <span region="top">Top</span></p></div>"#)
        // Cues that start together come in region order.
        #expect(document.cues.map(\.plainText) == ["Top", "Low"])
        #expect(document.cues.map(\.settings.line) == [.percentage(0), .percentage(80)])
    }

    @Test func aRegionShowsContentOnlyWhileItIsActive() throws {
        let document = try TTMLSample.read(
            head: #"<layout><region xml:id="r" begin="2s" end="4s"/></layout>"#,
            body: #"<div region="r"><p begin="0s" end="10s">A</p></div>"#)
        #expect(document.cues.timed == [TimedText(seconds("2"), seconds("4"), "A")])
    }

    @Test func writerRegionsReadBackAsTheSameSettings() {
        let positioned = placement(line: 85, .end, position: 12.5, size: 75)
        let centred = placement(line: 40, .center, position: 30, size: 40, align: .left)
        // Full width at the very bottom, but placed explicitly: not the default.
        let fullWidth = placement(line: 100, .end, position: 0, size: 100, align: .left)
        for settings in [CueSettings(), positioned, centred, fullWidth] {
            let box = TTMLRegionBox(settings: settings)
            #expect(box.cueSettings(textAlign: settings.align) == settings)
        }
    }

    @Test func webVTTPositionRulesShapeTheRegion() {
        // position 50% centred with size 40%: the box spans 30%..70% across,
        // and 30% of the frame down from line 10%.
        var settings = placement(line: 10, position: 50, size: 40, positionAlign: .center)
        let box = TTMLRegionBox(settings: settings)
        #expect(box.x == 30 && box.width == 40 && box.y == 10 && box.height == 30 && box.displayAlign == .before)
        // Line -1 (snap to lines) is the bottom row.
        settings.line = .number(-1)
        #expect(TTMLRegionBox(settings: settings).cueSettings(textAlign: nil).line == .percentage(100))
    }
}
