import Captions
import Testing

/// A harbour-town press conference, captioned pop-on style with voices.
enum HarbourBriefing {
    static let cues: [Cue] = [
        CueMarkup.cue(0, 3, "<v Mayor Ana Lopez>Good morning, everyone. Um, thank you for coming.</v>"),
        CueMarkup.cue(3, 7.5, "<v Mayor Ana Lopez>We will, we will rebuild the harbour before the winter storms arrive.</v>"),
        CueMarkup.cue(7.5, 11, "<v Mayor Ana Lopez>The repairs will cost four point five million pounds,</v>"),
        CueMarkup.cue(11, 14, "<v Mayor Ana Lopez>and roughly two per cent of that comes from the council.</v>"),
        CueMarkup.cue(14, 18, "<v Mayor Ana Lopez>I have never said that the fishing fleet should leave this town.</v>"),
        CueMarkup.cue(18, 21, "<v Mayor Ana Lopez>You know, back in the nineteen nineties we lost twenty boats.</v>"),
        CueMarkup.cue(21, 24.5, "<v Tom Baker>Mayor, will Volodymyr Zelenskyy's visit change the plan?</v>"),
        CueMarkup.cue(24.5, 28, "<v Mayor Ana Lopez>President Zelenskyy told us he is grateful, uh, for the support.</v>"),
        CueMarkup.cue(28, 31, "[applause]"),
        CueMarkup.cue(31, 35, "<v Mayor Ana Lopez>We will rebuild the harbour before the winter storms arrive.</v>"),
        CueMarkup.cue(35, 38, "<v Mayor Ana Lopez>We will not close the school on Monday.</v>"),
        CueMarkup.cue(38, 42, "<v Mayor Ana Lopez>It's a well-known fact that the sea wall is too low.</v>"),
    ]

    static var aligner: QuoteAligner { QuoteAligner(videos: [CaptionWords(CueMarkup.document(cues))]) }

    static func quotation(_ text: String, speaker: String? = "Ana Lopez", paragraph: Int = 0, parts: [String]? = nil) -> Quotation {
        Quotation(text: text, parts: parts ?? [text], paragraphIndex: paragraph, paragraphIndices: [paragraph], range: 0..<text.utf8.count, speaker: speaker)
    }
}

@Suite("Quote alignment")
struct QuoteAlignerTests {
    private func align(_ text: String, speaker: String? = "Ana Lopez") -> QuoteAlignment {
        HarbourBriefing.aligner.align(text: text, speaker: speaker)
    }

    private func expectSpoken(_ result: QuoteAlignment, from start: Double, to end: Double, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let chosen = result.chosen else {
            Issue.record("\(result.quotation.text) was not found", sourceLocation: sourceLocation)
            return
        }
        #expect(abs(chosen.start.seconds - start) < 0.5, "starts at \(chosen.start.seconds), expected \(start)", sourceLocation: sourceLocation)
        #expect(abs(chosen.end.seconds - end) < 0.5, "ends at \(chosen.end.seconds), expected \(end)", sourceLocation: sourceLocation)
    }

    @Test func numbersWrittenAsDigitsMatchNumbersSpokenInWords() {
        let result = align("The repairs will cost £4.5 million, and roughly 2% of that comes from the council.")
        #expect(result.status == .matched)
        #expect(result.score > 0.9)
        // From "The" (cue 3 starts at 7.5 s) to "council." (cue 4 ends at 14 s).
        expectSpoken(result, from: 7.5, to: 14)
        #expect(result.chosen?.captionText == "The repairs will cost four point five million pounds, and roughly two per cent of that comes from the council.")
        #expect(result.chosen?.cues == [2, 3])
    }

    @Test func decadesAndCountsInDigitsMatchTheirSpokenForm() {
        let result = align("Back in the 1990s we lost 20 boats")
        #expect(result.status == .matched)
        // "back" starts after "You know," and its pause: weights 4 + 6 + 2 of
        // 64 (62 for the words, 2 for the comma's pause) over the cue's 3 s.
        expectSpoken(result, from: 18 + 3 * 12.0 / 64, to: 21)
    }

    @Test func misspelledNamesAndDroppedFillersStillMatch() {
        let result = align("President Zelneskyy told us he is grateful for the support")
        #expect(result.status == .matched)
        expectSpoken(result, from: 24.5, to: 28)
        let differences = result.chosen?.differences ?? []
        #expect(differences.contains(QuoteDifference(kind: .spelling, quoted: "Zelneskyy", spoken: "Zelenskyy")))
        #expect(differences.contains(QuoteDifference(kind: .omitted, quoted: "", spoken: "uh,", reason: .filler)))
    }

    @Test func aRestartIsLeftOutOfTheQuotedWords() {
        let result = align("We will rebuild the harbour before the winter storms arrive")
        #expect(result.status == .matched)
        #expect(result.occurrences.count == 2)
    }

    @Test func anEllipsisSkipsSpokenWords() {
        let result = align("Good morning … thank you for coming")
        #expect(result.status == .matched)
        expectSpoken(result, from: 0, to: 3)
        #expect(result.chosen?.differences.contains { $0.kind == .omitted && $0.reason == .ellipsis } == true)
    }

    @Test func bracketedEditorialWordsStandForWhatWasSaid() {
        // "[The mayor]" stands for the "We" of "We will, we will rebuild":
        // the quote starts there, not at the restart.
        let result = align("[The mayor] will rebuild the harbour before the winter storms arrive")
        #expect(result.status == .matched)
        #expect(result.chosen?.captionText == "we will rebuild the harbour before the winter storms arrive.")
        // "[Zelenskyy]" stands for "he"; words the bracket leaves out are free.
        let standIn = align("[Zelenskyy] is grateful for the support")
        #expect(standIn.chosen?.captionText == "he is grateful, uh, for the support.")
        let clarified = align("The repairs will cost £4.5 million [for the harbour]")
        #expect(clarified.status == .matched)
        #expect(clarified.chosen?.captionText == "The repairs will cost four point five million pounds,")
    }

    @Test func hyphenationAndContractionsDoNotMatter() {
        #expect(align("It is a well known fact that the sea wall is too low").status == .matched)
        #expect(align("I’ve never said that the fishing fleet should leave this town").status == .matched)
    }

    @Test func aChangedWordOfMeaningLeavesOnlyAPartialMatch() {
        let result = align("I have ever said that the fishing fleet should leave this town")
        #expect(result.status == .partial)
        // The clean run is "said that the fishing fleet should leave this town".
        #expect(result.chosen?.captionText == "said that the fishing fleet should leave this town.")
        #expect(result.chosen?.differences.contains(QuoteDifference(kind: .replaced, quoted: "ever", spoken: "never")) == true)
    }

    @Test(arguments: [
        "The council will pay for the new harbour walls next year",
        "We will close the school",
        "he was grateful for the support",
        "The fishing fleet is leaving town",
    ])
    func sameSubjectOrChangedMeaningIsUnmatched(text: String) {
        let result = align(text)
        #expect(result.status == .unmatched)
        #expect(result.chosen == nil)
        #expect(result.score < 0.35)
    }

    @Test func aQuoteSpokenOnlyInPartIsPartial() {
        let result = align("We will rebuild the harbour before the winter, and every family will get a new home")
        #expect(result.status == .partial)
        #expect(result.score >= 0.35 && result.score < 0.7)
    }

    @Test func theCaptionsSpeakerIsReportedAndADisagreementFlagged() {
        let result = align("Will Volodymyr Zelenskyy's visit change the plan?", speaker: "Ana Lopez")
        #expect(result.status == .matched)
        #expect(result.chosen?.captionSpeaker == "Tom Baker")
        #expect(result.chosen?.speakerAgreement == .disagrees)
        let agreeing = align("Will Volodymyr Zelenskyy's visit change the plan?", speaker: "Tom Baker")
        #expect(agreeing.chosen?.speakerAgreement == .agrees)
    }

    @Test func parenthesisedEditorialWordsNeedNotBeSpoken() {
        let result = align("The repairs (to the harbour) will cost four point five million pounds")
        #expect(result.status == .matched)
        #expect(result.chosen?.differences.contains(QuoteDifference(kind: .inserted, quoted: "(to the harbour)", spoken: "", reason: .editorial)) == true)
    }

    @Test func aQuoteInterruptedByItsAttributionIsMatchedAcrossTheBreak() {
        let quotation = HarbourBriefing.quotation(
            "We will not close the school, on Monday.", parts: ["We will not close the school,", "on Monday."])
        let result = HarbourBriefing.aligner.align([quotation])[0]
        #expect(result.status == .matched)
    }

    @Test func aCaptionTranscriptionSlipIsAllowedInALongQuote() {
        let aligner = QuoteAligner(videos: [CaptionWords(CueMarkup.document([
            CueMarkup.cue(0, 4, "we are going to fix the rodes in every village this year"),
        ]))])
        let result = aligner.align(text: "We are going to fix the roads in every village this year")
        #expect(result.status == .matched)
        #expect(result.chosen?.differences.contains(QuoteDifference(kind: .replaced, quoted: "roads", spoken: "rodes")) == true)
    }

    @Test func aChangedTenseIsNotASmallEdit() {
        let aligner = QuoteAligner(videos: [CaptionWords(CueMarkup.document([
            CueMarkup.cue(0, 4, "I was proud of this town and its people."),
        ]))])
        let result = aligner.align(text: "I am proud of this town and its people")
        #expect(result.status == .partial)
        #expect(result.chosen?.captionText == "proud of this town and its people.")
    }

    @Test(arguments: ["", "...", "[sic]", "“”", "—", String(repeating: "word ", count: 2000)])
    func degenerateQuotesAreUnmatchedWithoutTrouble(text: String) {
        let result = align(text)
        #expect(result.status == .unmatched)
        #expect(result.occurrences.isEmpty)
    }

    @Test func aLongQuoteSpokenInFullIsMatched() {
        // Every cue of the briefing but the reporter's question, quoted as one passage.
        let text = HarbourBriefing.cues[0..<6].map(\.plainText).joined(separator: " ")
        #expect(align(text).status == .matched)
    }

    @Test func theArticlesOrderChoosesBetweenRepeatedOccurrences() {
        let aligner = HarbourBriefing.aligner
        let repeated = "We will rebuild the harbour before the winter storms arrive"
        // Quoted between the welcome and the cost: the first time it was said.
        let early = aligner.align([
            HarbourBriefing.quotation("Good morning, everyone"),
            HarbourBriefing.quotation(repeated),
            HarbourBriefing.quotation("The repairs will cost £4.5 million"),
        ])
        #expect(early[1].chosen.map { $0.start.seconds < 8 } == true)
        #expect(early[1].occurrences.count == 2)
        // Quoted after the school announcement: the second time.
        let late = aligner.align([
            HarbourBriefing.quotation("President Zelenskyy told us he is grateful"),
            HarbourBriefing.quotation(repeated),
            HarbourBriefing.quotation("We will not close the school on Monday"),
        ])
        #expect(late[1].chosen.map { $0.start.seconds > 30 } == true)
    }
}
