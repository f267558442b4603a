import Captions
import Testing

@Suite("Caption words")
struct CaptionWordsTests {
    private func words(_ cues: [Cue], rollUp: RollUpDeduplicator.Mode = .automatic) -> [TimedWord] {
        CaptionWords(CueMarkup.document(cues), options: .init(rollUp: rollUp)).words
    }

    private func expectTimes(_ word: TimedWord, _ start: Double, _ end: Double, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(abs(word.start.seconds - start) < 0.001, "\(word.text) starts at \(word.start.seconds), not \(start)", sourceLocation: sourceLocation)
        #expect(abs(word.end.seconds - end) < 0.001, "\(word.text) ends at \(word.end.seconds), not \(end)", sourceLocation: sourceLocation)
    }

    @Test func wordsWithoutTimestampsShareTheCueByLength() {
        // Weights are characters + 1: "We" 3, "will" 5, "go." 4 of 12, over 0.9 s.
        let result = words([CueMarkup.cue(10, 10.9, "We will go.")])
        #expect(result.map(\.text) == ["We", "will", "go."])
        expectTimes(result[0], 10, 10.225)
        expectTimes(result[1], 10.225, 10.6)
        expectTimes(result[2], 10.6, 10.9)
        #expect(result.allSatisfy { $0.cueIndex == 0 && $0.speaker == nil && !$0.isSoundDescription })
    }

    @Test func inlineTimestampsStartTheWordsAfterThem() {
        let result = words([CueMarkup.cue(0, 1.35, "hello<0.45> world<0.9> again")])
        #expect(result.map(\.text) == ["hello", "world", "again"])
        expectTimes(result[0], 0, 0.45)
        expectTimes(result[1], 0.45, 0.9)
        expectTimes(result[2], 0.9, 1.35)
    }

    @Test func wordsBetweenTimestampsShareTheirInterval() {
        // "big red" share 0.15..0.75 by weight 4:4; "dog" runs from its timestamp to the end.
        let result = words([CueMarkup.cue(0, 1.05, "a<0.15> big red<0.75> dog")])
        expectTimes(result[0], 0, 0.15)
        expectTimes(result[1], 0.15, 0.45)
        expectTimes(result[2], 0.45, 0.75)
        expectTimes(result[3], 0.75, 1.05)
    }

    @Test func punctuationLeavesAPauseBetweenEstimatedWords() {
        // "Yes." 5 + pause 4, "we" 3, "can." 5 (its pause ends the cue): 17 units over 1.36 s.
        let result = words([CueMarkup.cue(0, 1.36, "Yes. we can.")])
        expectTimes(result[0], 0, 0.4)
        expectTimes(result[1], 0.72, 0.96)
        expectTimes(result[2], 0.96, 1.36)
    }

    @Test func aWordBeforeAPauseEndsWhenItIsSaid() {
        // "storms" (weight 7) is followed by a pause: it lasts 0.56 s at most
        // (0.08 s a unit), not until the next timestamp 4 s later; nor does a
        // short cue's text last as long as the cue.
        let result = words([CueMarkup.cue(0, 5, "the<0.3> storms<4.3> arrive")])
        expectTimes(result[1], 0.3, 0.86)
        expectTimes(result[2], 4.3, 4.86)
        let short = words([CueMarkup.cue(10, 14, "Thank you.")])
        expectTimes(short[0], 10, 10.48)
        expectTimes(short[1], 10.48, 10.88)
    }

    @Test func timestampsOutsideTheCueAreClamped() {
        let result = words([CueMarkup.cue(5, 6, "one<9> two<2> three")])
        #expect(result.map(\.start.seconds) == [5, 6, 6])
        #expect(result.allSatisfy { $0.end.seconds <= 6 && $0.start <= $0.end })
    }

    @Test func youTubeRollUpKeepsEachWordOnceWithItsFirstTiming() {
        let cues = [
            CueMarkup.cue(0, 2.33, " \nhello<0.48><c> world</c><0.96><c> this</c><1.5><c> is</c>"),
            CueMarkup.cue(2.33, 2.34, "hello world this is\n "),
            CueMarkup.cue(2.34, 5, "hello world this is\nnext<2.9><c> line</c><3.4><c> of</c><4.1><c> words</c>"),
            CueMarkup.cue(5, 5.01, "next line of words\n "),
            CueMarkup.cue(5.01, 7, "next line of words\nand<5.5><c> more</c>"),
        ]
        let stream = CaptionWords(CueMarkup.document(cues))
        #expect(stream.isRollUp)
        let result = stream.words
        #expect(result.map(\.text) == ["hello", "world", "this", "is", "next", "line", "of", "words", "and", "more"])
        // Each word lasts until the next timestamp, or 0.08 s a unit of weight if that is sooner.
        let expected: [(Double, Double)] = [
            (0, 0.48), (0.48, 0.96), (0.96, 1.36), (1.5, 1.74),
            (2.34, 2.74), (2.9, 3.3), (3.4, 3.64), (4.1, 4.58), (5.01, 5.33), (5.5, 5.9),
        ]
        for (word, times) in zip(result, expected) { expectTimes(word, times.0, times.1) }
        #expect(result.map(\.cueIndex) == [0, 0, 0, 0, 2, 2, 2, 2, 4, 4])
    }

    @Test func rollUpCanBeTurnedOff() {
        let cues = [
            CueMarkup.cue(0, 1, "one two"),
            CueMarkup.cue(1, 2, "one two\nthree four"),
            CueMarkup.cue(2, 3, "three four\nfive six"),
        ]
        #expect(words(cues, rollUp: .never).count == 10)
        #expect(words(cues).map(\.text) == ["one", "two", "three", "four", "five", "six"])
    }

    @Test func broadcastRollUpWithSpeakerMarks() {
        let cues = [
            CueMarkup.cue(1, 3, ">> GOOD EVENING."),
            CueMarkup.cue(3, 5, ">> GOOD EVENING.\nWE BEGIN TONIGHT"),
            CueMarkup.cue(5, 7, "WE BEGIN TONIGHT\nWITH THE STORM."),
            CueMarkup.cue(7, 9, "WITH THE STORM.\n>> MAYOR JONES: IT HIT HARD."),
            CueMarkup.cue(9, 11, ">> MAYOR JONES: IT HIT HARD.\nREALLY HARD."),
        ]
        let result = words(cues)
        #expect(result.map(\.text) == ["GOOD", "EVENING.", "WE", "BEGIN", "TONIGHT", "WITH", "THE", "STORM.", "IT", "HIT", "HARD.", "REALLY", "HARD."])
        #expect(result.map(\.speaker) == [nil, nil, nil, nil, nil, nil, nil, nil, "MAYOR JONES", "MAYOR JONES", "MAYOR JONES", "MAYOR JONES", "MAYOR JONES"])
        #expect(result.indices.filter { result[$0].startsTurn } == [0, 8])
        // The new line of cue 2 starts with that cue: weights 3, 6, 8 at
        // 0.08 s each (its 2 s would be a slower rate).
        expectTimes(result[2], 3, 3.24)
        expectTimes(result[3], 3.24, 3.72)
        expectTimes(result[4], 3.72, 4.36)
        // Cue 4's new words: weights 3, 4, 6 from 7 s.
        expectTimes(result[8], 7, 7.24)
        expectTimes(result[10], 7.56, 8.04)
    }

    @Test func paintOnGrowthIsReadOnce() {
        let cues = [
            CueMarkup.cue(0, 1, "WE'RE"),
            CueMarkup.cue(1, 2, "WE'RE HERE"),
            CueMarkup.cue(2, 3, "WE'RE HERE TODAY"),
            CueMarkup.cue(3, 4, "WE'RE HERE TODAY TO"),
        ]
        let result = words(cues)
        #expect(result.map(\.text) == ["WE'RE", "HERE", "TODAY", "TO"])
        #expect(result.map(\.start.seconds) == [0, 1, 2, 3])
    }

    @Test func aRealRepetitionAcrossPopOnCuesIsKept() {
        let cues = [
            CueMarkup.cue(0, 2, "I told him no."),
            CueMarkup.cue(2, 4, "He asked again.\nYeah,"),
            CueMarkup.cue(4, 6, "yeah, I did."),
            CueMarkup.cue(6, 8, "It was late."),
        ]
        #expect(words(cues).map(\.text) == ["I", "told", "him", "no.", "He", "asked", "again.", "Yeah,", "yeah,", "I", "did.", "It", "was", "late."])
    }

    @Test func aRealRepetitionInsideRollUpIsKept() {
        let cues = [
            CueMarkup.cue(0, 2, "SO WHAT DID YOU SAY?"),
            CueMarkup.cue(2, 4, "SO WHAT DID YOU SAY?\nYEAH,"),
            CueMarkup.cue(4, 6, "YEAH,\nYEAH, I SAID YES."),
            CueMarkup.cue(6, 8, "YEAH, I SAID YES.\nTHAT WAS IT."),
        ]
        #expect(words(cues).map(\.text) == ["SO", "WHAT", "DID", "YOU", "SAY?", "YEAH,", "YEAH,", "I", "SAID", "YES.", "THAT", "WAS", "IT."])
    }

    @Test func voicesNameTheirSpeakers() {
        let result = words([
            CueMarkup.cue(0, 2, "<v Anna Smith>Hello there.</v>"),
            CueMarkup.cue(2, 4, "<v Anna Smith>How are you?</v>"),
            CueMarkup.cue(4, 6, "<v.loud Ben>Fine.</v>"),
        ])
        #expect(result.map(\.speaker) == ["Anna Smith", "Anna Smith", "Anna Smith", "Anna Smith", "Anna Smith", "Ben"])
        #expect(result.map(\.startsTurn) == [true, false, false, false, false, true])
    }

    @Test func ttmlParagraphsAreTheSpokenCues() {
        var document = CaptionDocument(format: .ttml)
        // The flattened timeline repeats text; the paragraphs hold each line once.
        document.cues = [CueMarkup.cue(0, 2, "one"), CueMarkup.cue(1, 2, "one\ntwo")]
        document.paragraphs = [CueMarkup.cue(0, 2, "<v Agent Smith>one</v>"), CueMarkup.cue(1, 2, "<v Agent Smith>two</v>")]
        let result = CaptionWords(document).words
        #expect(result.map(\.text) == ["one", "two"])
        #expect(result.map(\.speaker) == ["Agent Smith", "Agent Smith"])
    }

    @Test(arguments: [
        ("ANNA: We will go.", "ANNA", ["We", "will", "go."]),
        ("Dr. Jane Smith: Thank you.", "Dr. Jane Smith", ["Thank", "you."]),
        ("MAN (V.O.): Run!", "MAN", ["Run!"]),
        ("Ursula von der Leyen: Yes.", "Ursula von der Leyen", ["Yes."]),
    ])
    func labelsAtALineStartNameTheSpeaker(text: String, speaker: String, spoken: [String]) {
        let result = words([CueMarkup.cue(0, 2, text)])
        #expect(result.map(\.text) == spoken)
        #expect(result.allSatisfy { $0.speaker == speaker })
        #expect(result.first?.startsTurn == true)
    }

    @Test(arguments: ["Look: it is fine.", "He said: no way.", "At 10:30 we left.", "We said it: twice."])
    func sentencesWithColonsAreNotLabels(text: String) {
        let result = words([CueMarkup.cue(0, 2, text)])
        #expect(result.count == text.split(separator: " ").count)
        #expect(result.allSatisfy { $0.speaker == nil })
    }

    @Test func speakerChangeMarksStartTurnsAndForgetTheLabel() {
        let result = words([
            CueMarkup.cue(0, 2, ">> ANNA: Hello.\n>> Hi."),
            CueMarkup.cue(2, 4, "- Who is it?\n- Me."),
        ])
        #expect(result.map(\.text) == ["Hello.", "Hi.", "Who", "is", "it?", "Me."])
        #expect(result.map(\.speaker) == ["ANNA", nil, nil, nil, nil, nil])
        #expect(result.map(\.startsTurn) == [true, true, true, false, false, true])
    }

    @Test func labelsCarryOverToTheFollowingCues() {
        let result = words([CueMarkup.cue(0, 2, "ANNA: We will"), CueMarkup.cue(2, 4, "go there.")])
        #expect(result.map(\.speaker) == ["ANNA", "ANNA", "ANNA", "ANNA"])
    }

    @Test func soundDescriptionsAreFlagged() {
        let result = words([CueMarkup.cue(0, 6, "[crowd\ncheering] Thank you. ♪ la la ♪ (laughs) -- so")])
        #expect(result.map(\.text) == ["[crowd", "cheering]", "Thank", "you.", "♪", "la", "la", "♪", "(laughs)", "so"])
        #expect(result.map(\.isSoundDescription) == [true, true, false, false, true, true, true, true, true, false])
    }

    @Test func aCueWithoutEndLastsAsLongAsItsWordsNeed() {
        // Weights 4 + 4 = 8 characters at 15 a second: 8/15 s.
        let result = words([CueMarkup.cue(1, nil, "one two"), CueMarkup.cue(10, 11, "three")])
        expectTimes(result[0], 1, 1 + 4.0 / 15)
        expectTimes(result[1], 1 + 4.0 / 15, 1 + 8.0 / 15)
    }

    @Test func rubyAnnotationsAreNotWords() {
        let cue = Cue(start: .zero, end: MediaTime(seconds: 1), content: [
            .span(CueSpan(kind: .ruby, children: [.text("東京"), .span(CueSpan(kind: .rubyText, children: [.text("とうきょう")]))])),
        ])
        #expect(CaptionWords(CaptionDocument(cues: [cue])).words.map(\.text) == ["東京"])
    }

    @Test func deeplyNestedMarkupDoesNotExhaustTheStack() {
        var node = CueNode.text("deep")
        for _ in 0..<20_000 { node = .span(CueSpan(kind: .italic, children: [node])) }
        let cue = Cue(start: .zero, end: MediaTime(seconds: 1), content: [node])
        #expect(CaptionWords(CaptionDocument(cues: [cue])).words.map(\.text) == ["deep"])
    }

    @Test func wordsComeInTimeOrderWhateverTheFileOrder() {
        let result = words([CueMarkup.cue(5, 6, "later"), CueMarkup.cue(0, 1, "first")])
        #expect(result.map(\.text) == ["first", "later"])
        #expect(result.map(\.cueIndex) == [1, 0])
    }
}

@Suite("Roll-up de-duplication")
struct RollUpDeduplicatorTests {
    @Test func countsTheRepeatedPrefixOfEachCue() {
        let cues: [RollUpDeduplicator.DisplayedCue] = [
            .init(words: ["one", "two"]),
            .init(words: ["one", "two,", "three"], lineStarts: [0, 2]),
            .init(words: ["THREE", "four"], lineStarts: [0, 1]),
            .init(words: ["four", "five"], lineStarts: [0, 1]),
        ]
        #expect(RollUpDeduplicator(mode: .always).repeatedPrefixLengths(of: cues) == [0, 2, 1, 1])
        #expect(RollUpDeduplicator(mode: .never).repeatedPrefixLengths(of: cues) == [0, 0, 0, 0])
    }

    @Test func aRepeatMustStartAtALineOfThePreviousCue() {
        // "two three" ends cue 0 but starts mid-line, so it is not a roll-up repeat.
        let cues: [RollUpDeduplicator.DisplayedCue] = [
            .init(words: ["one", "two", "three"]),
            .init(words: ["two", "three", "four"]),
        ]
        #expect(RollUpDeduplicator(mode: .always).repeatedPrefixLengths(of: cues) == [0, 0])
    }

    @Test func anIsolatedRestartInPopOnCaptionsIsNotTakenForRollUp() {
        let cues: [RollUpDeduplicator.DisplayedCue] = [
            .init(words: ["Good", "evening."]),
            .init(words: ["Tonight", "we", "will,", "we", "will,"], lineStarts: [0, 3]),
            .init(words: ["we", "will", "go", "on."]),
            .init(words: ["Thank", "you."]),
            .init(words: ["Goodbye."]),
        ]
        #expect(RollUpDeduplicator().repeatedPrefixLengths(of: cues) == [0, 0, 0, 0, 0])
        #expect(RollUpDeduplicator(mode: .always).repeatedPrefixLengths(of: cues) == [0, 0, 2, 0, 0])
    }
}
