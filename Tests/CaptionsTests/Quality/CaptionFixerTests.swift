import Testing
@testable import Captions

/// Expected times are worked by hand: at 24 fps two frames are 1/12 s.
@Suite("Caption fixer")
struct CaptionFixerTests {
    let netflix = CaptionFixer(profile: .netflix)

    @Test func overlapIsClippedToTwoFramesBeforeTheNextCue() throws {
        let result = netflix.fix(document(cue(1000, 4000, "First."), cue(3000, 6000, "Second.")))
        // 3 s - 1/12 s = 35/12 s.
        #expect(result.document.cues[0].end == MediaTime(numerator: 35, denominator: 12))
        #expect(result.document.cues[1].start == MediaTime(seconds: 3) && result.document.cues[1].end == MediaTime(seconds: 6))
        #expect(result.changes == [.overlapClipped: 1])
        #expect(CaptionChecker(profile: .netflix).check(result.document).isEmpty)
    }

    @Test func ttmlParagraphsAreFixedAndBecomeTheTimeline() {
        // Two overlapping paragraphs in one region flatten to three intervals;
        // the fix works on the paragraphs, and they are then the timeline.
        let paragraphs = [cue(1000, 4000, "First."), cue(3000, 6000, "Second.")]
        let flattened = [cue(1000, 3000, "First."), cue(3000, 4000, "First.\nSecond."), cue(4000, 6000, "Second.")]
        let ttml = CaptionDocument(format: .ttml, cues: flattened, paragraphs: paragraphs)
        let result = netflix.fix(ttml)
        #expect(result.document.paragraphs.map(\.end) == [MediaTime(numerator: 35, denominator: 12), MediaTime(seconds: 6)])
        #expect(result.document.cues == result.document.paragraphs)
        // Nothing to fix: the document stays as read.
        let clean = CaptionDocument(format: .ttml, cues: [paragraphs[0]], paragraphs: [paragraphs[0]])
        #expect(netflix.fix(clean).document == clean)
    }

    @Test func overlapsAreClippedWithinEachPlace() {
        // A sound label at the top between two bottom captions that overlap each other.
        var label = cue(2000, 4000, "[THUNDER]")
        label.settings.line = .number(0)
        let result = netflix.fix(document(cue(1000, 5000, "Good evening."), label, cue(4500, 7000, "Our top story.")))
        // 4.5 s - 1/12 s = 53/12 s; the label keeps its times, and no gap is chained across places.
        #expect(result.document.cues.map(\.end) == [MediaTime(numerator: 53, denominator: 12), MediaTime(seconds: 4), MediaTime(seconds: 7)])
        #expect(result.changes == [.overlapClipped: 1])
    }

    @Test func overlapWhereOneCueContainsTheOtherIsLeft() {
        let input = document(cue(1000, 9000, "Around."), cue(3000, 5000, "Inside."))
        let result = CaptionFixer(profile: .dcmp).fix(input)
        #expect(result.document == input)
        #expect(result.changes == [.overlapLeft: 1])
    }

    @Test func gapUnderTwoFramesIsWidenedByEndingTheEarlierCueSooner() {
        let result = netflix.fix(document(cue(1000, 3000, "First."), cue(3042, 5000, "Second.")))
        // 3.042 s - 1/12 s = 9126/3000 - 250/3000 = 8876/3000 = 2219/750 s.
        #expect(result.document.cues[0].end == MediaTime(numerator: 2219, denominator: 750))
        #expect(result.changes == [.gapWidened: 1])
        #expect(CaptionChecker(profile: .netflix).check(result.document).isEmpty)
    }

    @Test func shortGapIsChainedToTwoFrames() {
        let result = netflix.fix(document(cue(1000, 3000, "First."), cue(3250, 5000, "Second.")))
        // 3.25 s - 1/12 s = 19/6 s.
        #expect(result.document.cues[0].end == MediaTime(numerator: 19, denominator: 6))
        #expect(result.changes == [.gapClosed: 1])
    }

    @Test func bbcClosesShortGapsCompletely() {
        let result = CaptionFixer(profile: .bbc).fix(document(cue(1000, 4000, "First caption."), cue(4480, 7480, "Second caption.")))
        #expect(result.document.cues[0].end == MediaTime(milliseconds: 4480))
        #expect(result.changes == [.gapClosed: 1])
        #expect(CaptionChecker(profile: .bbc).check(result.document).isEmpty)
        #expect(CaptionFixer(profile: .bbc).summary(of: result.changes) == ["closed 1 gap: the earlier cue stays up longer"])
    }

    @Test func gapIsLeftWhenClosingItWouldBreakTheMaximumDuration() {
        // Closing would end the first cue at 8.3 - 1/12 s: 197 - 24 = 173 frames, over 168.
        let input = document(cue(1000, 7800, "A long caption."), cue(8300, 10000, "Next."))
        let result = netflix.fix(input)
        #expect(result.document == input)
        #expect(result.changes == [.gapLeft: 1])
    }

    @Test func longLineIsBrokenAfterTheComma() throws {
        let result = netflix.fix(document(cue(1000, 5000, "After months of talks, the two sides finally agreed on a deal")))
        // After "talks,": 22 and 38 characters, no break inside a phrase.
        #expect(result.document.cues[0].plainText == "After months of talks,\nthe two sides finally agreed on a deal")
        #expect(result.changes == [.linesRebroken: 1])
    }

    @Test func rebreakingKeepsMarkup() {
        let nodes: [CueNode] = [
            .span(CueSpan(kind: .italic, children: [.text("After months of talks, ")])),
            .text("the two sides "),
            .timestamp(MediaTime(seconds: 3)),
            .span(CueSpan(kind: .voice, annotation: "Ann", children: [.text("finally agreed on a deal")])),
        ]
        let result = netflix.fix(document(Cue(start: MediaTime(seconds: 1), end: MediaTime(seconds: 5), content: nodes)))
        #expect(result.document.cues[0].content == [
            .span(CueSpan(kind: .italic, children: [.text("After months of talks,\n")])),
            .text("the two sides "),
            .timestamp(MediaTime(seconds: 3)),
            .span(CueSpan(kind: .voice, annotation: "Ann", children: [.text("finally agreed on a deal")])),
        ])
    }

    @Test func badBreakIsMovedOrJoinedOntoOneLine() {
        let result = netflix.fix(document(cue(1000, 4000, "He said he would go to the\nshops.")))
        #expect(result.document.cues[0].plainText == "He said he would go to the shops.")
        #expect(result.changes == [.linesRebroken: 1])
    }

    @Test func threeShortLinesAreJoinedWhenTheyFitOnOne() {
        let result = netflix.fix(document(cue(1000, 5000, "One line,\ntwo lines,\nthree lines.")))
        #expect(result.document.cues[0].plainText == "One line, two lines, three lines.")
    }

    @Test func textTooLongForTwoLinesIsLeft() {
        let text = "This caption has far too many words to fit on two lines of forty-two characters each, however it is broken."
        let input = document(cue(1000, 9000, text))
        let result = netflix.fix(input)
        #expect(result.document == input)
        #expect(result.changes == [.linesLeft: 1])
    }

    @Test func dialogueLinesAreNotRebroken() {
        let input = document(cue(1000, 4000, "-Where did you go this morning, after the meeting?\n-The shops."))
        let result = netflix.fix(input)
        #expect(result.document == input)
        #expect(result.changes == [.linesLeft: 1])
    }

    @Test func summaryHasOneLinePerChangeKind() {
        let result = netflix.fix(document(
            cue(1000, 4000, "First."), cue(3000, 6000, "Second."), cue(6250, 8000, "Third."), cue(9000, 11000, "Fourth.")))
        #expect(result.changes == [.overlapClipped: 1, .gapClosed: 1])
        #expect(netflix.summary(of: result.changes) == [
            "clipped 1 overlap: the earlier cue now ends 2 frames before the later one starts",
            "closed 1 gap to 2 frames: the earlier cue stays up longer",
        ])
    }
}
