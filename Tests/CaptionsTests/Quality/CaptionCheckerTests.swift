import Testing
@testable import Captions

/// Each document breaks one rule once (overlaps are reported on both cues),
/// so any other finding is a false alarm. Expected numbers are worked out by
/// hand from the profiles' published limits.
@Suite("Caption checker")
struct CaptionCheckerTests {
    /// Passes all three profiles: lines within 32 characters, two lines at
    /// most, under 160 words per minute and 20 characters per second, 2 s or
    /// more on screen, gaps of 2 s.
    static let clean = document(
        cue(1000, 5000, "Good evening, and welcome\nto the news at six."),
        cue(7000, 10000, "Our top story tonight."),
        cue(12000, 15500, "Heavy rain has closed\nroads across the north.")
    )

    @Test(arguments: QualityProfile.all)
    func cleanCaptionsPassEveryProfile(profile: QualityProfile) {
        let findings = CaptionChecker(profile: profile).check(Self.clean)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    // MARK: Netflix (24 fps)

    @Test func lineOverFortyTwoCharactersIsAnErrorForNetflix() throws {
        let findings = CaptionChecker(profile: .netflix).check(document(cue(1000, 5000, "Forty-three characters is one too many here")))
        #expect(findings.rules == [.maxCharactersPerLine])
        let finding = try #require(findings.first)
        #expect(finding.severity == .error)
        #expect(finding.value == 43 && finding.limit == 42)
        #expect(finding.cue == 1 && finding.start == MediaTime(seconds: 1))
        #expect(finding.message == "line 1 has 43 characters; netflix allows 42")
    }

    @Test func threeLinesAreAnErrorForNetflix() throws {
        let findings = CaptionChecker(profile: .netflix).check(document(cue(1000, 5000, "One line,\ntwo lines,\nthree lines.")))
        #expect(findings.rules == [.maxLines])
        #expect(findings.first?.value == 3 && findings.first?.limit == 2)
        #expect(findings.first?.severity == .error)
    }

    @Test func readingSpeedCountsSpacesButNotLineBreaks() throws {
        // 28 + 22 characters (the break is not counted) in 2 s = 25 per second.
        let findings = CaptionChecker(profile: .netflix).check(document(cue(1000, 3000, "The minister said on Tuesday\nthat talks had failed.")))
        #expect(findings.rules == [.maxReadingSpeed])
        let finding = try #require(findings.first)
        #expect(finding.value == 25 && finding.limit == 20 && finding.unit == .charactersPerSecond)
        #expect(finding.severity == .warning)
        #expect(finding.message == "25 characters per second (50 characters in 2 s); netflix allows 20")
    }

    @Test func readingSpeedIgnoresMarkup() {
        // "<i>Hi</i> <v Ann>there</v>" shows 8 characters; 8 in 0.9 s is 8.9 per second.
        let nodes: [CueNode] = [.span(CueSpan(kind: .italic, children: [.text("Hi")])), .text(" "),
                                .span(CueSpan(kind: .voice, annotation: "Ann", children: [.text("there")]))]
        let marked = Cue(start: MediaTime(seconds: 1), end: MediaTime(milliseconds: 1900), content: nodes)
        #expect(CaptionChecker(profile: .netflix).check(document(marked)).isEmpty)
    }

    @Test func cueUnderFiveSixthsOfASecondIsAnErrorForNetflix() throws {
        let findings = CaptionChecker(profile: .netflix).check(document(cue(1000, 1500, "Yes.")))
        #expect(findings.rules == [.minDuration])
        let finding = try #require(findings.first)
        #expect(finding.value == 0.5 && finding.limit == 0.833)
        #expect(finding.message == "shown for 0.5 s (12 frames at 24 fps); netflix requires at least 0.833 s")
    }

    @Test func minimumDurationIsCountedOnTheFrameGrid() {
        let checker = CaptionChecker(profile: .netflix)
        // 0.833 s is 19.992 frames at 24 fps: it shows for 20 frames, the minimum.
        #expect(checker.check(document(cue(1000, 1833, "Yes."))).isEmpty)
        // 0.791 s is 18.98 frames: 19 frames, one short.
        #expect(checker.check(document(cue(1000, 1791, "Yes."))).rules == [.minDuration])
        // At 25 fps 5/6 s is 20.83 frames: 0.8 s (20 frames) is short, 0.84 s (21) is not.
        let pal = CaptionChecker(profile: .netflix, frameRate: FrameRate(numerator: 25))
        #expect(pal.check(document(cue(1000, 1800, "Yes."))).rules == [.minDuration])
        #expect(pal.check(document(cue(1000, 1840, "Yes."))).isEmpty)
    }

    @Test func cueOverSevenSecondsIsAnErrorForNetflix() throws {
        let findings = CaptionChecker(profile: .netflix).check(document(cue(1000, 9000, "Silence.")))
        #expect(findings.rules == [.maxDuration])
        #expect(findings.first?.value == 8 && findings.first?.limit == 7)
        #expect(findings.first?.message == "shown for 8 s (192 frames at 24 fps); netflix allows 7 s")
    }

    @Test func gapUnderTwoFramesIsAnErrorForNetflix() throws {
        // 3.042 s is frame 73.008, so the gap after a cue ending on frame 72 is 1 frame.
        let findings = CaptionChecker(profile: .netflix).check(document(cue(1000, 3000, "First."), cue(3042, 5000, "Second.")))
        #expect(findings.rules == [.minGap])
        let finding = try #require(findings.first)
        #expect(finding.cue == 1 && finding.severity == .error)
        #expect(finding.value == 1 && finding.limit == 2 && finding.unit == .frames)
        #expect(finding.message == "gap of 1 frame (0.042 s) before cue 2; netflix requires at least 2 frames at 24 fps")
    }

    @Test func touchingCuesBreakNetflixTwoFrameGap() {
        let findings = CaptionChecker(profile: .netflix).check(document(cue(1000, 3000, "First."), cue(3000, 5000, "Second.")))
        #expect(findings.rules == [.minGap])
        #expect(findings.first?.value == 0)
    }

    @Test func gapOfHalfASecondOrLessShouldBeChainedForNetflix() throws {
        let checker = CaptionChecker(profile: .netflix)
        let quarter = checker.check(document(cue(1000, 3000, "First."), cue(3250, 5000, "Second.")))
        #expect(quarter.rules == [.minGap])
        #expect(quarter.first?.severity == .warning)
        #expect(quarter.first?.value == 0.25 && quarter.first?.limit == 0.5)
        // Exactly 12 frames is still closed; 13 frames is left alone; 2 frames is a closed gap.
        #expect(checker.check(document(cue(1000, 3000, "First."), cue(3500, 5000, "Second."))).rules == [.minGap])
        #expect(checker.check(document(cue(1000, 3000, "First."), cue(3542, 5000, "Second."))).isEmpty)
        #expect(checker.check(document(cue(1000, 3000, "First."), cue(3083, 5000, "Second."))).isEmpty)
    }

    @Test func overlapIsReportedOnBothCues() {
        let findings = CaptionChecker(profile: .netflix).check(document(cue(1000, 4000, "First."), cue(3000, 6000, "Second.")))
        #expect(findings.rules == [.overlap, .overlap])
        #expect(findings.map(\.cue) == [1, 2])
        #expect(findings.allSatisfy { $0.severity == .error && $0.value == 1 })
        #expect(findings.map(\.message) == ["shown at the same time as cue 2 for 1 s", "shown at the same time as cue 1 for 1 s"])
    }

    @Test func overlapFindsCuesBeyondTheNextOne() {
        // The first cue covers both later ones: one finding per cue, naming one partner and counting the rest.
        let findings = CaptionChecker(profile: .dcmp).check(document(
            cue(0, 10000, "A long caption."), cue(2000, 4500, "Second."), cue(6000, 8500, "Third.")))
        #expect(findings.rules == [.overlap, .overlap, .overlap])
        #expect(findings.map(\.message) == [
            "shown at the same time as cue 2 for 2.5 s (and 1 other cue)",
            "shown at the same time as cue 1 for 2.5 s",
            "shown at the same time as cue 1 for 2.5 s",
        ])
    }

    @Test(.timeLimit(.minutes(1)))
    func manyOverlappingCuesGiveOneFindingEach() {
        // 20,000 cues that never end (TTML without end times): every pair
        // overlaps, but the report has one line per cue.
        var cues = (0..<20_000).map { cue(Int64($0) * 1000, nil, "Caption \($0).") }
        cues[0].end = MediaTime(seconds: 1)
        var ttml = CaptionDocument(format: .ttml, cues: cues)
        ttml.language = "en"
        let findings = CaptionChecker(profile: .netflix).check(ttml)
        // The first cue ends as the second starts: a gap of 0 frames, under Netflix's 2.
        #expect(findings.filter { $0.rule == .overlap }.count == 19_999)
        #expect(findings.filter { $0.rule == .minGap }.map(\.cue) == [1])
        #expect(findings.last?.message == "shown at the same time as cue 2 until the end (and 19997 other cues)")
    }

    @Test func overlapInDifferentRegionsIsOnlyAWarning() {
        var top = cue(1000, 4000, "Top.")
        top.settings.line = .number(0)
        let findings = CaptionChecker(profile: .netflix).check(document(top, cue(2000, 5000, "Bottom.")))
        #expect(findings.rules == [.overlap, .overlap])
        #expect(findings.allSatisfy { $0.severity == .warning })
    }

    @Test func emptyCueIsReported() {
        let findings = CaptionChecker(profile: .netflix).check(document(cue(1000, 3000, "First."), cue(5000, 7000, " \n "),
                                                                         cue(9000, 11000, "\u{A0}")))
        #expect(findings.rules == [.emptyCue, .emptyCue])
        #expect(findings.map(\.cue) == [2, 3])
    }

    @Test func cueStartingBeforeAnEarlierWrittenCueIsOutOfOrder() {
        let findings = CaptionChecker(profile: .netflix).check(document(cue(10000, 12000, "Later."), cue(1000, 3000, "Sooner.")))
        #expect(findings.rules == [.outOfOrder])
        #expect(findings.first?.cue == 2 && findings.first?.value == 1 && findings.first?.limit == 10)
    }

    @Test func ttmlIsCheckedByParagraph() {
        // The flattened timeline of two overlapping paragraphs has a three-line
        // middle interval and touching intervals; the paragraphs overlap.
        let paragraphs = [cue(1000, 4000, "First."), cue(3000, 6000, "Second.")]
        let flattened = [cue(1000, 3000, "First."), cue(3000, 4000, "First.\nSecond.\nThird line."), cue(4000, 6000, "Second.")]
        let ttml = CaptionDocument(format: .ttml, cues: flattened, paragraphs: paragraphs)
        let findings = CaptionChecker(profile: .netflix).check(ttml)
        #expect(findings.rules == [.overlap, .overlap])
        #expect(findings.map(\.cue) == [1, 2])
    }

    @Test func ttmlTimelineHasNoFileOrderToCheck() {
        var ttml = document(cue(10000, 12000, "Later."), cue(1000, 3000, "Sooner."))
        ttml.format = .ttml
        #expect(CaptionChecker(profile: .netflix).check(ttml).isEmpty)
    }

    @Test func lineEndingOnAnArticleIsFlaggedWhenABetterBreakExists() throws {
        let findings = CaptionChecker(profile: .netflix).check(document(cue(1000, 4000, "He said he would go to the\nshops.")))
        #expect(findings.rules == [.lineBreak])
        #expect(findings.first?.severity == .warning)
        #expect(findings.first?.message == "line 1 ends on the article \"the\"; break after \"go\" instead")
    }

    @Test func lineEndingOnAWeakWordIsNotFlaggedWithoutABetterBreak() {
        // "In / the end." ends on a preposition, "In the / end." on an article.
        #expect(CaptionChecker(profile: .netflix).check(document(cue(1000, 4000, "In the\nend."))).isEmpty)
    }

    @Test func dialogueLinesAreNotLinted() {
        let findings = CaptionChecker(profile: .netflix).check(document(cue(1000, 4000, "-Where did you go to?\n-The shops.")))
        #expect(findings.isEmpty)
    }

    @Test func subjectPronounRuleIsNetflixAndBBCButNotDCMP() {
        let cues = document(cue(1000, 4000, "When the rain stopped, I\nwent home."))
        #expect(CaptionChecker(profile: .netflix).check(cues).rules == [.lineBreak])
        #expect(CaptionChecker(profile: .bbc).check(cues).rules == [.lineBreak])
        #expect(CaptionChecker(profile: .dcmp).check(cues).isEmpty)
    }

    @Test func lineBreakListsApplyToEnglishOnly() {
        var french = document(cue(1000, 4000, "He said he would go to the\nshops."))
        french.language = "fr"
        #expect(CaptionChecker(profile: .netflix).check(french).isEmpty)
    }

    // MARK: BBC (25 fps)

    @Test func lineOverThirtySevenCharactersIsAnErrorForBBC() {
        let findings = CaptionChecker(profile: .bbc).check(document(cue(1000, 5000, "Thirty-eight characters are too many!!")))
        #expect(findings.rules == [.maxCharactersPerLine])
        #expect(findings.first?.value == 38 && findings.first?.limit == 37)
    }

    @Test func bbcReadingSpeedIsAWarningAbove180WordsPerMinuteAndANoteAbove160() throws {
        let checker = CaptionChecker(profile: .bbc)
        // 10 words in 3 s = 200 words per minute; 3 s is exactly 0.3 s per word.
        let fast = checker.check(document(cue(1000, 4000, "We have been told the vote\nwill happen next week.")))
        #expect(fast.rules == [.maxReadingSpeed])
        #expect(fast.first?.severity == .warning && fast.first?.value == 200 && fast.first?.limit == 180)
        // 9 words in 3.2 s = 168.75 words per minute.
        let brisk = checker.check(document(cue(1000, 4200, "We have been told the vote\nis next week.")))
        #expect(brisk.rules == [.maxReadingSpeed])
        #expect(brisk.first?.severity == .info && brisk.first?.value == 168.75 && brisk.first?.limit == 160)
        #expect(brisk.first?.message == "168.8 words per minute (9 words in 3.2 s) is above bbc's target of 160")
    }

    @Test func bbcMinimumDurationGrowsWithWords() throws {
        // 5 words need 1.5 s; 1.2 s is 30 frames at 25 fps, under 37.5. Any cue
        // under 0.3 s per word is also over 200 words per minute.
        let findings = CaptionChecker(profile: .bbc).check(document(cue(1000, 2200, "The vote is next week.")))
        #expect(Set(findings.rules) == [.minDuration, .maxReadingSpeed])
        let duration = try #require(findings.first { $0.rule == .minDuration })
        #expect(duration.value == 1.2 && duration.limit == 1.5 && duration.severity == .warning)
        #expect(duration.message == "shown for 1.2 s (30 frames at 25 fps); bbc asks for 0.3 s per word, 1.5 s for 5 words")
    }

    @Test func bbcGapsAreClosedOrAtLeastASecondAndAHalf() throws {
        let checker = CaptionChecker(profile: .bbc)
        func gap(_ nextStart: Int64) -> [Finding] {
            checker.check(document(cue(1000, 4000, "First caption."), cue(nextStart, nextStart + 3000, "Second caption.")))
        }
        #expect(gap(4000).isEmpty)
        #expect(gap(5600).isEmpty)
        // 4.48 s is frame 112, 12 frames after frame 100.
        let short = gap(4480)
        #expect(short.rules == [.minGap])
        #expect(short.first?.severity == .error && short.first?.value == 0.48 && short.first?.limit == 0.8)
        #expect(short.first?.message == "gap of 12 frames (0.48 s) before cue 2; bbc requires at least 0.8 s (20 frames) at 25 fps, or none")
        let middling = gap(5200)
        #expect(middling.rules == [.minGap])
        #expect(middling.first?.severity == .warning && middling.first?.limit == 1.5)
    }

    // MARK: DCMP (29.97 fps)

    @Test func dcmpAllowsThirtyTwoCharacters() {
        let findings = CaptionChecker(profile: .dcmp).check(document(cue(1000, 5000, "Thirty-three characters, too many")))
        #expect(findings.rules == [.maxCharactersPerLine])
        #expect(findings.first?.value == 33 && findings.first?.limit == 32)
    }

    @Test func dcmpWantsTwoSecondsOnScreen() throws {
        let findings = CaptionChecker(profile: .dcmp).check(document(cue(1000, 2500, "Hello.")))
        #expect(findings.rules == [.minDuration])
        #expect(findings.first?.severity == .warning && findings.first?.limit == 2)
        #expect(findings.first?.message == "shown for 1.5 s (45 frames at 30000/1001 fps); dcmp requires at least 2 s")
    }

    @Test func dcmpThreeLinesAreOnlyAWarning() {
        let findings = CaptionChecker(profile: .dcmp).check(document(cue(1000, 5000, "One line,\ntwo lines,\nthree lines.")))
        #expect(findings.rules == [.maxLines])
        #expect(findings.first?.severity == .warning)
    }

    @Test func dcmpReadingSpeedLimitIs235WordsPerMinute() {
        // 12 words in 3 s = 240 words per minute.
        let findings = CaptionChecker(profile: .dcmp).check(document(cue(1000, 4000, "I know that we can do it\nif we all work hard.")))
        #expect(findings.rules == [.maxReadingSpeed])
        #expect(findings.first?.value == 240 && findings.first?.limit == 235)
    }

    @Test func dcmpHasNoGapRule() {
        #expect(CaptionChecker(profile: .dcmp).check(document(cue(1000, 4000, "First caption."), cue(4001, 7000, "Second caption."))).isEmpty)
    }

    // MARK: Validation and report

    @Test func readerDiagnosticsBecomeValidationFindings() throws {
        let location = SourceLocation(file: "news.srt", line: 7, column: 1)
        let warning = Diagnostic(.warning, code: "skipped-block", "no timing line in this block; skipped", at: location)
        let findings = CaptionChecker(profile: .netflix).check(Self.clean, diagnostics: [warning])
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.rule.rawValue == "skipped-block" && finding.location == location && finding.cue == nil)
    }

    @Test func cuesWithoutAnEndSkipDurationChecks() {
        var ttml = document(cue(1000, nil, "Stays up."))
        ttml.format = .ttml
        #expect(CaptionChecker(profile: .netflix).check(ttml).isEmpty)
    }

    @Test func fpsOptionChangesTheTwoFrameGap() {
        // 3.06 s falls on frame 73 at 24 fps (73.44) but on frame 92 at 30 fps
        // (91.8): 1 frame after the cue ending on frame 72, or 2 after frame 90.
        let cues = document(cue(1000, 3000, "First."), cue(3060, 5000, "Second."))
        #expect(CaptionChecker(profile: .netflix).check(cues).rules == [.minGap])
        #expect(CaptionChecker(profile: .netflix, frameRate: FrameRate(numerator: 30)).check(cues).isEmpty)
    }
}
