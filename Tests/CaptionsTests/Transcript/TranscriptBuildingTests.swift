@testable import Captions
import Foundation
import Testing

@Suite("Transcript: from caption words to sentences and paragraphs")
struct TranscriptBuildingTests {
    private typealias Fixtures = TranscriptFixtures

    private func expectTime(_ time: MediaTime, _ seconds: Double, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(abs(time.seconds - seconds) < 0.0005, "\(what) is at \(time.seconds), not \(seconds)", sourceLocation: sourceLocation)
    }

    private func transcript(_ cues: [Cue], options: Transcript.Options = .init()) -> Transcript {
        Transcript(CueMarkup.document(cues), options: options)
    }

    // MARK: Roll-up and machine transcription

    @Test func rollUpNewsIsReadOnceWithEachWordsOwnTimes() throws {
        let transcript = try Fixtures.transcript("rollup-news.srt")
        #expect(transcript.paragraphs.map(\.text) == [
            "GOOD EVENING. FLOODWATER IS STILL RISING IN PORT ELLERY.",
            "WE HAVE MOVED 2,400 PEOPLE TO SAFETY.",
            "IN OTHER NEWS, THE BRIDGE REOPENS TOMORROW.",
        ])
        // `>>` starts an unnamed turn, `>> MAYOR OKAFOR:` a named one, `>>>` a new story.
        #expect(transcript.paragraphs.map(\.speaker) == [nil, "Mayor Okafor", nil])
        #expect(transcript.paragraphs.map(\.startsTurn) == [true, true, true])
        #expect(transcript.speakers == ["Mayor Okafor"])
        // Repeated lines: 4 tokens (>> GOOD EVENING. FLOODWATER), 6, 6 (>> MAYOR OKAFOR: WE HAVE MOVED), 4, 6.
        #expect(transcript.repeatedWordCount == 26)

        // Each sentence runs from its first word's start to its last word's end.
        // Cue 1 (1-3 s) shares its time by length: GOOD 5, EVENING. 9, FLOODWATER 11 of 25.
        let sentences = transcript.paragraphs.flatMap(\.sentences)
        #expect(sentences.map(\.text) == [
            "GOOD EVENING.", "FLOODWATER IS STILL RISING IN PORT ELLERY.",
            "WE HAVE MOVED 2,400 PEOPLE TO SAFETY.", "IN OTHER NEWS, THE BRIDGE REOPENS TOMORROW.",
        ])
        let expected: [(Double, Double)] = [(1, 2.12), (2.12, 5), (5, 10), (10, 14)]
        for (sentence, times) in zip(sentences, expected) {
            expectTime(sentence.start, times.0, "\"\(sentence.text)\" start")
            expectTime(sentence.end, times.1, "\"\(sentence.text)\" end")
        }
        // The second line keeps its own cue's times (3-5 s): IS 3, STILL 6, RISING 7 of 32 weight units.
        let words = CaptionWords(try Fixtures.document("rollup-news.srt"), options: .init(timing: .fillsCue)).words
        let rising = try #require(words.first { $0.text == "RISING" })
        expectTime(rising.start, 3 + 2 * 9.0 / 32, "RISING start")
        expectTime(rising.end, 3 + 2 * 16.0 / 32, "RISING end")
        #expect(words.filter { $0.text == "FLOODWATER" }.count == 1)
    }

    @Test func unpunctuatedMachineCaptionsAreBrokenAtPauses() throws {
        let transcript = try Fixtures.transcript("asr-youtube.vtt")
        #expect(transcript.sentenceBreaks == .pauses)
        // "fast" is held 1.3 s where its cue's words take 0.07 s per unit (0.35 s for
        // "fast"): a 0.95 s pause ends the sentence. "took" is held only 0.3 s
        // longer than usual, so the sentence goes on into the next line. "dog" is
        // held 3.61 s: a new paragraph.
        #expect(transcript.paragraphs.map(\.text) == [
            "So the water came up fast. We left at midnight and I took the dog.",
            "I'm just glad everyone got out.",
        ])
        let sentences = transcript.paragraphs.flatMap(\.sentences)
        let expected: [(Double, Double)] = [(0, 2.8), (2.81, 9), (9.01, 12)]
        #expect(sentences.count == expected.count)
        for (sentence, times) in zip(sentences, expected) {
            expectTime(sentence.start, times.0, "\"\(sentence.text)\" start")
            expectTime(sentence.end, times.1, "\"\(sentence.text)\" end")
        }
        // Six lines, each shown again in a hold cue and in the next cue: 6 + 6 + 7 + 7 + 2 + 2.
        #expect(transcript.repeatedWordCount == 30)
    }

    @Test func sentenceBreaksCanBeForcedEitherWay() {
        let cues = [CueMarkup.cue(0, 2, "we went home"), CueMarkup.cue(4.5, 6, "it was late")]
        let byPunctuation = transcript(cues, options: .init(sentenceBreaks: .punctuation))
        #expect(byPunctuation.sentenceBreaks == .punctuation)
        // The 2.5 s pause still starts a paragraph; nothing is capitalised or added.
        #expect(byPunctuation.paragraphs.map(\.text) == ["we went home", "it was late"])

        let punctuated = [CueMarkup.cue(0, 2, "We went home."), CueMarkup.cue(2, 3, "It was late.")]
        let byPauses = transcript(punctuated, options: .init(sentenceBreaks: .pauses))
        #expect(byPauses.paragraphs.flatMap(\.sentences).map(\.text) == ["We went home. It was late."])
    }

    @Test func inferredSentencesAreCapitalisedAndEndWithAFullStop() {
        let cues = [CueMarkup.cue(0, 2, "i think i'm right,"), CueMarkup.cue(3, 5, "(laughs) or i'd hope so")]
        #expect(transcript(cues).sentenceBreaks == .punctuation)
        let result = transcript(cues, options: .init(sentenceBreaks: .pauses))
        // A comma left at the end becomes the full stop; the sound between the
        // sentences is one of its own and left as it is.
        #expect(result.paragraphs.flatMap(\.sentences).map(\.text) == ["I think I'm right.", "(laughs)", "Or I'd hope so."])
    }

    // MARK: One interview, three formats

    @Test(arguments: ["interview.vtt", "interview.srt", "interview.ttml"])
    func aTwoSpeakerInterviewReadsTheSameInEveryFormat(file: String) throws {
        let transcript = try Fixtures.transcript(file)
        #expect(transcript.paragraphs.map(\.text) == [
            "Thank you for coming in, Mr. Reyes. How long have you lived on Harbour Street?",
            "Thirty years. My father built the house in 1962, before the wall.",
            "Sorry. It is hard to talk about.",
            "Take your time.",
        ])
        #expect(transcript.paragraphs.map(\.speaker) == ["Ana Lima", "Tom Reyes", "Tom Reyes", "Ana Lima"])
        // The 3 s pause inside Tom's turn starts a paragraph but not a turn.
        #expect(transcript.paragraphs.map(\.startsTurn) == [true, true, false, true])
        #expect(transcript.speakers == ["Ana Lima", "Tom Reyes"])
        let sentences = transcript.paragraphs.flatMap(\.sentences)
        #expect(sentences.map(\.text) == [
            "Thank you for coming in, Mr. Reyes.", "How long have you lived on Harbour Street?",
            "Thirty years.", "My father built the house in 1962, before the wall.",
            "Sorry.", "It is hard to talk about.", "Take your time.",
        ])
        // "Thirty years." is 14 of the 40 length units of its 2.5 s cue;
        // "Sorry." 7 of 33 units of a 2 s cue.
        let expected: [(Double, Double)] = [(1, 3), (3.2, 6), (6.5, 7.375), (7.375, 11), (14, 14 + 2 * 7.0 / 33), (14 + 2 * 7.0 / 33, 16), (16.5, 18)]
        for (sentence, times) in zip(sentences, expected) {
            expectTime(sentence.start, times.0, "\"\(sentence.text)\" start")
            expectTime(sentence.end, times.1, "\"\(sentence.text)\" end")
        }
        expectTime(transcript.duration, 18, "duration")
    }

    @Test(arguments: ["port-ellery-floods.srt", "port-ellery-floods.ttml"])
    func theSampleNewsCaptionsReadTheSameInEveryFormat(file: String) throws {
        func sample(_ name: String) throws -> Transcript {
            let url = FixtureFiles.samples.appendingPathComponent(name)
            return Transcript(try CaptionDocument.read([UInt8](try Data(contentsOf: url)), file: name).document)
        }
        let webVTT = try sample("port-ellery-floods.vtt")
        let other = try sample(file)
        #expect(other.paragraphs.map(\.text) == webVTT.paragraphs.map(\.text))
        #expect(other.paragraphs.map(\.speaker) == webVTT.paragraphs.map(\.speaker))
        #expect(other.paragraphs.map(\.startsTurn) == webVTT.paragraphs.map(\.startsTurn))
        #expect(other.paragraphs.flatMap(\.sentences).map(\.start) == webVTT.paragraphs.flatMap(\.sentences).map(\.start))
        #expect(webVTT.speakers == ["Helen Okafor", "Tom Reyes"])
    }

    @Test func theTTMLInterviewBuiltInCodeMatchesTheFile() throws {
        // The shape the TTML reader gives: resolved paragraphs with the agent as a voice.
        func paragraph(_ start: Double, _ end: Double, _ agent: String, _ text: String) -> Cue {
            CueMarkup.cue(start, end, "<v \(agent)>\(text)</v>")
        }
        let paragraphs = [
            paragraph(1, 3, "Ana Lima", "Thank you for coming in,\nMr. Reyes."),
            paragraph(3.2, 6, "Ana Lima", "How long have you lived\non Harbour Street?"),
            paragraph(6.5, 9, "Tom Reyes", "Thirty years.\nMy father built the house"),
            paragraph(9, 11, "Tom Reyes", "in 1962, before the wall."),
            paragraph(14, 16, "Tom Reyes", "<i>Sorry.</i> It is hard to talk about."),
            paragraph(16.5, 18, "Ana Lima", "Take your time."),
        ]
        let built = Transcript(CaptionDocument(format: .ttml, cues: paragraphs, language: "en", paragraphs: paragraphs))
        let read = try Fixtures.transcript("interview.ttml")
        #expect(built.paragraphs == read.paragraphs)
        #expect(read.language == "en")
    }

    // MARK: Sounds, styling, descriptions

    @Test func soundDescriptionsStayMarkedAndStandAloneBetweenTurns() throws {
        let transcript = try Fixtures.transcript("sounds.vtt")
        #expect(transcript.paragraphs.map(\.kind) == [.sound, .speech, .sound, .speech])
        #expect(transcript.paragraphs.map(\.speaker) == [nil, "Ana Lima", nil, "Tom Reyes"])
        #expect(transcript.paragraphs.map(\.startsTurn) == [false, true, false, true])
        let parts = transcript.paragraphs.map { $0.sentences.flatMap(\.parts) }
        #expect(parts[0] == [Transcript.Part("[Music]", isSoundDescription: true)])
        #expect(parts[1] == [
            Transcript.Part("Welcome back."), Transcript.Part("(laughs)", isSoundDescription: true),
            Transcript.Part("Sorry, that was not planned."), Transcript.Part("We have a song for you."),
        ])
        // The song and the applause after it are two descriptions in one paragraph.
        #expect(parts[2] == [
            Transcript.Part("♪ Rain on the harbour, rain on the sea ♪", isSoundDescription: true),
            Transcript.Part("[applause]", isSoundDescription: true),
        ])
        #expect(parts[3] == [
            Transcript.Part("That was lovely."), Transcript.Part("[crowd cheering]", isSoundDescription: true),
            Transcript.Part("Thank you."),
        ])
    }

    @Test(arguments: ["styled.vtt", "styled.srt"])
    func stylingAndPositioningAreDropped(file: String) throws {
        let transcript = try Fixtures.transcript(file)
        // Classes, bold, italics, underline, colours, regions and positions go; the
        // ruby annotation is not read as words.
        #expect(transcript.paragraphs.map(\.text) == ["The river is still rising, say engineers at the dam.", "Night falls."])
        #expect(transcript.paragraphs.map(\.speaker) == [nil, "Narrator"])
        #expect(transcript.paragraphs.map(\.startsTurn) == [false, true])
    }

    @Test func descriptionsAreMergedInTimeOrderBetweenSentences() throws {
        let transcript = try Fixtures.transcript("interview.vtt", descriptions: "interview-descriptions.vtt")
        #expect(transcript.paragraphs.map(\.kind) == [.description, .speech, .speech, .description, .speech, .description, .speech, .speech])
        #expect(transcript.paragraphs.map(\.text) == [
            "A kitchen table. Ana Lima sits opposite Tom Reyes.",
            "Thank you for coming in, Mr. Reyes. How long have you lived on Harbour Street?",
            "Thirty years.",
            // `Sign:` is the description's text, not a speaker label.
            "Sign: Harbour Street. Tom points to an old photograph",
            "My father built the house in 1962, before the wall.",
            "Tom looks away.",
            "Sorry. It is hard to talk about.",
            "Take your time.",
        ])
        // A turn a description interrupts goes on with its speaker shown again.
        #expect(transcript.paragraphs.map(\.startsTurn) == [false, true, true, false, true, false, true, true])
        #expect(transcript.paragraphs.map(\.speaker) == [nil, "Ana Lima", "Tom Reyes", nil, "Tom Reyes", nil, "Tom Reyes", "Ana Lima"])
        #expect(transcript.paragraphs[0].sentences.map(\.text) == ["A kitchen table.", "Ana Lima sits opposite Tom Reyes."])
        expectTime(transcript.paragraphs[3].start, 7, "the sign description")
        #expect(transcript.speakers == ["Ana Lima", "Tom Reyes"])
    }

    @Test func descriptionsAfterTheLastWordsComeLast() {
        let speech = CueMarkup.document([CueMarkup.cue(0, 1, "Hello.")])
        let track = CueMarkup.document([CueMarkup.cue(5, 6, "The screen fades to black.")])
        let transcript = Transcript(speech, descriptions: track)
        #expect(transcript.paragraphs.map(\.kind) == [.speech, .description])
        expectTime(transcript.duration, 6, "duration")
    }

    // MARK: Sentence and paragraph rules

    @Test func abbreviationsInitialsAndLowercaseContinuationsDoNotEndSentences() {
        let result = transcript([
            CueMarkup.cue(0, 6, "Dr. Smith met J. Jones at 5 p.m. today. \"Really?\" he asked. No. It was Mr. Brown!"),
        ])
        #expect(result.paragraphs.flatMap(\.sentences).map(\.text) == [
            "Dr. Smith met J. Jones at 5 p.m. today.", "\"Really?\" he asked.", "No.", "It was Mr. Brown!",
        ])
    }

    @Test func aLongTurnIsSplitAtTheFirstSentenceEndAfterEightyWords() {
        let cues = (0..<4).map { sentence in
            let words = "Sentence" + (1..<30).map { " s\(sentence)w\($0)" }.joined() + "."
            return CueMarkup.cue(Double(sentence) * 10, Double(sentence) * 10 + 10, words)
        }
        let result = transcript(cues)
        // 30 + 30 = 60 words, then 90: the fourth sentence starts a paragraph.
        #expect(result.paragraphs.map(\.wordCount) == [90, 30])
        #expect(result.paragraphs.map(\.startsTurn) == [false, false])
        let shorter = transcript(cues, options: .init(paragraphWordTarget: 50))
        #expect(shorter.paragraphs.map(\.wordCount) == [60, 60])
    }

    @Test func theParagraphPauseIsAnOption() {
        let cues = [CueMarkup.cue(0, 1, "One."), CueMarkup.cue(2.5, 3, "Two."), CueMarkup.cue(3.2, 4, "Three.")]
        #expect(transcript(cues).paragraphs.map(\.text) == ["One. Two. Three."])
        #expect(transcript(cues, options: .init(paragraphPause: MediaTime(seconds: 1))).paragraphs.map(\.text) == ["One.", "Two. Three."])
    }

    @Test func unmarkedCuesContinueTheTurnAndUnnamedTurnsAreKept() {
        let result = transcript([
            CueMarkup.cue(0, 1, "<v Ana>Hello there.</v>"),
            CueMarkup.cue(1, 2, "How are you?"),
            CueMarkup.cue(2, 3, ">> Fine, thanks."),
            CueMarkup.cue(3, 4, "And you?"),
        ])
        #expect(result.paragraphs.map(\.text) == ["Hello there. How are you?", "Fine, thanks. And you?"])
        #expect(result.paragraphs.map(\.speaker) == ["Ana", nil])
        #expect(result.paragraphs.map(\.startsTurn) == [true, true])
        #expect(result.paragraphs.map(\.label) == ["Ana", "Speaker"])
    }

    @Test(arguments: [
        ("O'BRIEN: Yes.", "O'Brien"), ("JEAN-PAUL SARTRE: Yes.", "Jean-Paul Sartre"),
        ("URSULA VON DER LEYEN: Yes.", "Ursula von der Leyen"), ("McDonald: Yes.", "McDonald"),
        ("DR. SMITH: Yes.", "Dr. Smith"),
    ])
    func speakerNamesInCapitalsAreShownInTitleCase(text: String, name: String) {
        #expect(transcript([CueMarkup.cue(0, 1, text)]).paragraphs.map(\.speaker) == [name])
    }

    @Test func aStoryMarkStartsAParagraph() {
        let result = transcript([CueMarkup.cue(0, 1, "ANNA: That is all."), CueMarkup.cue(1, 2, ">>> ANNA: Now sport.")])
        #expect(result.paragraphs.map(\.text) == ["That is all.", "Now sport."])
        let words = CaptionWords(CueMarkup.document([CueMarkup.cue(0, 1, "a"), CueMarkup.cue(1, 2, ">>> b >> c")])).words
        #expect(words.map(\.startsTopic) == [false, true, false])
        #expect(words.map(\.startsTurn) == [false, true, true])
    }

    @Test func documentsWithoutWordsHaveNoParagraphs() {
        #expect(transcript([]).paragraphs.isEmpty)
        #expect(transcript([CueMarkup.cue(0, 1, " -- ")]).paragraphs.isEmpty)
    }

    @Test func wordsCanBeReadWithoutSpeakerMarks() {
        let document = CueMarkup.document([CueMarkup.cue(0, 1, "Sign: Road closed >> ahead")])
        #expect(CaptionWords(document).words.map(\.text) == ["Road", "closed", "ahead"])
        let plain = CaptionWords(document, options: .init(readsSpeakerMarks: false)).words
        #expect(plain.map(\.text) == ["Sign:", "Road", "closed", ">>", "ahead"])
        #expect(plain.allSatisfy { $0.speaker == nil && !$0.startsTurn })
    }
}
