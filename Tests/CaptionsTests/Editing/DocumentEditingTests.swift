import Testing
@testable import Captions

/// Times are worked by hand; cues are timed in milliseconds unless a test says otherwise.
@Suite("Document editing")
struct DocumentEditingTests {
    /// A cue whose text has an inline timestamp (karaoke timing) at `wordAt` ms.
    func karaoke(_ start: Int64, _ end: Int64, wordAt: Int64...) -> Cue {
        var content: [CueNode] = [.text("one")]
        for (index, time) in wordAt.enumerated() {
            content += [.timestamp(MediaTime(milliseconds: time)), .text(" word\(index + 2)")]
        }
        return Cue(start: MediaTime(milliseconds: start), end: MediaTime(milliseconds: end), content: content)
    }

    func times(_ document: CaptionDocument) -> [[Int64?]] {
        document.cues.map { [$0.start.roundedMilliseconds, $0.end?.roundedMilliseconds] }
    }

    func timestamps(_ cue: Cue) -> [MediaTime] {
        cue.content.compactMap { if case .timestamp(let time) = $0 { time } else { nil } }
    }

    // MARK: Shift

    @Test func shiftMovesCuesInlineTimestampsAndParagraphs() {
        var styled = karaoke(1000, 2000, wordAt: 1500)
        styled.settings.line = .number(-2)
        styled.settings.region = "top"
        var input = CaptionDocument(format: .ttml, cues: [styled], paragraphs: [cue(1000, 2000, "one word2")])
        input.regions = [Region(id: "top")]
        let result = input.shifted(by: MediaTime(milliseconds: 1500))
        #expect(times(result.document) == [[2500, 3500]])
        #expect(timestamps(result.document.cues[0]) == [MediaTime(seconds: 3)])
        #expect(result.document.cues[0].settings == styled.settings)
        #expect(result.document.regions == input.regions)
        #expect(result.document.paragraphs.map(\.start) == [MediaTime(milliseconds: 2500)])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func negativeShiftCutsOrDropsWhatWouldStartBeforeZero() {
        let input = document(karaoke(1000, 3000, wordAt: 1500, 2500), cue(500, 1500, "Gone."), cue(4000, 5000, "Later."))
        let result = input.shifted(by: MediaTime(seconds: -2))
        // 1–3 s becomes -1–1 s, cut to 0–1 s; its word at -0.5 s is dropped, the one at 0.5 s kept.
        #expect(times(result.document) == [[0, 1000], [2000, 3000]])
        #expect(timestamps(result.document.cues[0]) == [MediaTime(milliseconds: 500)])
        #expect(result.document.cues[0].plainText == "one word2 word3")
        #expect(result.diagnostics.map(\.code) == ["cue-cut", "cue-dropped"])
        #expect(result.diagnostics.map(\.message) == [
            "cue 1 would start at -1 s; cut to start at 0",
            "cue 2 would end at -0.5 s, before the start of the video; dropped",
        ])
    }

    @Test func shiftThereAndBackGivesTheInputExactly() {
        var input = document(karaoke(1000, 3000, wordAt: 2000), cue(4000, 5500, "Two."), cue(7001, 9999, "Three."))
        input.comments = [CaptionComment(text: "checked", cuesBefore: 2)]
        // One NTSC frame: not a whole number of milliseconds.
        let x = MediaTime(numerator: 1001, denominator: 30000)
        let there = input.shifted(by: x)
        #expect(there.document.cues[0].start == MediaTime(seconds: 1) + x)
        #expect(there.document.shifted(by: -x).document == input)
    }

    @Test func commentsStayAfterTheCueTheyFollowedWhenCuesAreDropped() {
        var input = document(cue(500, 1500, "Gone."), cue(4000, 5000, "Kept."))
        input.comments = [CaptionComment(text: "after the first", cuesBefore: 1), CaptionComment(text: "at the end", cuesBefore: 2)]
        let result = input.shifted(by: MediaTime(seconds: -2))
        #expect(result.document.comments.map(\.cuesBefore) == [0, 1])
    }

    // MARK: Trim

    @Test func trimClipsCuesCrossingTheEdges() {
        let input = document(cue(1000, 4000, "Before."), karaoke(5000, 12000, wordAt: 7000, 11000), cue(12000, 15000, "Inside."),
                             cue(18000, 25000, "Across the end."), cue(25000, 30000, "After."))
        let kept = input.trimmed(from: MediaTime(seconds: 10), to: MediaTime(seconds: 20))
        #expect(times(kept) == [[10000, 12000], [12000, 15000], [18000, 20000]])
        // The word timed at 7 s was said before the new start: its timestamp goes.
        #expect(timestamps(kept.cues[0]) == [MediaTime(seconds: 11)])
        let rebased = input.trimmed(from: MediaTime(seconds: 10), to: MediaTime(seconds: 20), rebase: true)
        #expect(times(rebased) == [[0, 2000], [2000, 5000], [8000, 10000]])
        #expect(timestamps(rebased.cues[0]) == [MediaTime(seconds: 1)])
    }

    @Test func trimGivesCuesWithoutAnEndTheTrimEnd() {
        var input = document(cue(15000, nil, "Stays up."))
        input.format = .ttml
        #expect(times(input.trimmed(from: MediaTime(seconds: 10), to: MediaTime(seconds: 20))) == [[15000, 20000]])
        #expect(times(input.trimmed(from: MediaTime(seconds: 10), to: nil)) == [[15000, nil]])
    }

    @Test func trimAtFrameExactTimesStaysExact() {
        // Cues on frames of 24000/1001; trim from frame 240 (10.01 s) and rebase.
        let rate = FrameRate(numerator: 24000, denominator: 1001)
        let input = document(Cue(start: rate.time(ofUnit: 230), end: rate.time(ofUnit: 250), content: [.text("Frames.")]))
        let result = input.trimmed(from: rate.time(ofUnit: 240), to: nil, rebase: true)
        #expect(result.cues[0].start == .zero)
        #expect(result.cues[0].end == rate.time(ofUnit: 10))
        #expect(result.cues[0].end == MediaTime(numerator: 1001, denominator: 2400))
    }

    // MARK: Retime

    @Test func speedChangeMovesEveryFrameToTheSameFrameAtTheNewRate() {
        // Frames 250 and 300 at 25 fps (10 s, 12 s) become frames 250 and 300 at 24000/1001:
        // 250 × 1001/24000 = 1001/96 s and 300 × 1001/24000 = 1001/80 s.
        let input = document(karaoke(10000, 12000, wordAt: 11000))
        let map = TimeMap.speedChange(from: FrameRate(numerator: 25), to: FrameRate(numerator: 24000, denominator: 1001))
        let result = input.retimed(by: map)
        #expect(result.document.cues[0].start == MediaTime(numerator: 1001, denominator: 96))
        #expect(result.document.cues[0].end == MediaTime(numerator: 1001, denominator: 80))
        // The word at frame 275 stays on frame 275: 275 × 1001/24000 = 11011/960 s.
        #expect(timestamps(result.document.cues[0]) == [MediaTime(numerator: 11011, denominator: 960)])
    }

    @Test func twoPointSyncStretchesBetweenThePoints() throws {
        let map = try #require(TimeMap(mapping: (MediaTime(seconds: 10), MediaTime(seconds: 12)),
                                       (MediaTime(seconds: 110), MediaTime(seconds: 212))))
        let result = document(cue(60000, 61500, "Middle.")).retimed(by: map)
        // 60 ↦ 112, 61.5 ↦ 115.
        #expect(times(result.document) == [[112_000, 115_000]])
    }

    // MARK: Merge and split

    @Test func mergeInterleavesByStartTimeFirstFileFirstOnATie() {
        let a = document(cue(1000, 2000, "a1", id: "intro"), cue(5000, 6000, "a2"))
        let b = document(cue(3000, 4000, "b1", id: "intro"), cue(5000, 7000, "b2"))
        let result = CaptionDocument.merged(a, b)
        #expect(result.document.cues.map(\.plainText) == ["a1", "b1", "a2", "b2"])
        #expect(result.document.cues.map(\.id) == ["intro", "intro-2", "", ""])
        #expect(result.diagnostics.map(\.code) == ["cue-id-renamed"])
    }

    @Test func mergeKeepsRegionsRenamingConflictsAndTheCuesThatUseThem() {
        var a = document(cue(1000, 2000, "a1")), b = document(cue(3000, 4000, "b1"))
        a.regions = [Region(id: "bottom")]
        var other = Region(id: "bottom")
        other.viewportAnchorY = 10
        b.regions = [other, Region(id: "side")]
        b.cues[0].settings.region = "bottom"
        b.styleSheets = ["::cue { color: yellow }"]
        let merged = CaptionDocument.merged(a, b).document
        #expect(merged.regions.map(\.id) == ["bottom", "bottom-2", "side"])
        #expect(merged.regions[1].viewportAnchorY == 10)
        #expect(merged.cues[1].settings.region == "bottom-2")
        #expect(merged.styleSheets == ["::cue { color: yellow }"])
    }

    @Test func mergeDropsSRTNumbers() {
        var a = document(cue(1000, 2000, "a1", id: "1")), b = document(cue(500, 900, "b1", id: "1"))
        a.format = .srt
        b.format = .srt
        let result = CaptionDocument.merged(a, b)
        #expect(result.document.cues.map(\.id) == ["", ""])
        #expect(result.document.cues.map(\.plainText) == ["b1", "a1"])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func mergeKeepsCommentsAfterTheirCues() {
        var a = document(cue(1000, 2000, "a1"), cue(5000, 6000, "a2"))
        a.comments = [CaptionComment(text: "after a1", cuesBefore: 1)]
        var b = document(cue(3000, 4000, "b1"))
        b.comments = [CaptionComment(text: "after b1", cuesBefore: 1)]
        let merged = CaptionDocument.merged(a, b).document
        // a1, b1, a2: "after a1" follows cue 1, "after b1" follows cue 2.
        #expect(merged.comments.map(\.text) == ["after a1", "after b1"])
        #expect(merged.comments.map(\.cuesBefore) == [1, 2])
    }

    @Test func splitPutsCuesCrossingACutIntoBothParts() {
        let input = document(cue(5000, 12000, "Across 10 s."), cue(15000, 25000, "Across 20 s."))
        let parts = input.split(at: [MediaTime(seconds: 20), MediaTime(seconds: 10)])
        #expect(parts.map(times) == [[[5000, 10000]], [[10000, 12000], [15000, 20000]], [[20000, 25000]]])
        let rebased = input.split(at: [MediaTime(seconds: 10), MediaTime(seconds: 20)], rebase: true)
        #expect(rebased.map(times) == [[[5000, 10000]], [[0, 2000], [5000, 10000]], [[0, 5000]]])
    }
}
