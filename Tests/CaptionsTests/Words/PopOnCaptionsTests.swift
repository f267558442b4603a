@testable import Captions
import Foundation
import Testing

@Suite("Roll-up captions rewritten as pop-on")
struct PopOnCaptionsTests {
    private func summary(_ document: CaptionDocument) -> [String] {
        document.cues.map { cue in
            "\(cue.start.roundedMilliseconds)-\(cue.end?.roundedMilliseconds ?? -1) \(cue.plainText)"
        }
    }

    @Test func broadcastRollUpBecomesOneCuePerLine() throws {
        let document = try TranscriptFixtures.document("rollup-news.srt")
        let popped = try #require(document.poppedOn())
        #expect(summary(popped) == [
            "1000-3000 >> GOOD EVENING. FLOODWATER",
            "3000-5000 IS STILL RISING IN PORT ELLERY.",
            "5000-7500 >> MAYOR OKAFOR: WE HAVE MOVED",
            "7500-10000 2,400 PEOPLE TO SAFETY.",
            "10000-12000 >>> IN OTHER NEWS, THE BRIDGE",
            "12000-14000 REOPENS TOMORROW.",
        ])
        // Read as plain pop-on captions, the new cues give every word once, with the same times.
        let original = CaptionWords(document).words
        let rewritten = CaptionWords(popped, options: .init(rollUp: .never)).words
        #expect(rewritten.map(\.text) == original.map(\.text))
        #expect(rewritten.map(\.start) == original.map(\.start))
        #expect(rewritten.map(\.end) == original.map(\.end))
        #expect(rewritten.map(\.speaker) == original.map(\.speaker))
    }

    @Test func youTubeAutoCaptionsLoseTheirHoldCuesAndKeepWordTimestamps() throws {
        let document = try TranscriptFixtures.document("asr-youtube.vtt")
        #expect(document.cues.count == 7)
        let popped = try #require(document.poppedOn())
        #expect(summary(popped) == [
            "0-2800 so the water came up fast",
            "2810-5000 we left at midnight and i took",
            "5010-9000 the dog",
            "9010-12000 i'm just glad everyone got out",
        ])
        // The kept line's karaoke timing and classes stay; the repeated line goes.
        let second = popped.cues[1].content
        #expect(second.first == .text("we"))
        #expect(second.contains(.timestamp(MediaTime(seconds: 3))))
        #expect(second.contains(.span(CueSpan(kind: .class, children: [.text(" left")]))))
        #expect(popped.cues[1].settings == document.cues[2].settings)
        let words = CaptionWords(popped, options: .init(rollUp: .never)).words
        #expect(words.map(\.start) == CaptionWords(document).words.map(\.start))
    }

    @Test func paintOnGrowthIsJoinedIntoTheLineItBuilds() throws {
        let document = CueMarkup.document([
            CueMarkup.cue(0, 1, "WE'RE"),
            CueMarkup.cue(1, 2, "WE'RE HERE"),
            CueMarkup.cue(2, 3, "WE'RE HERE TODAY"),
            CueMarkup.cue(3, 4, "WE'RE HERE TODAY\nTO SEE"),
            CueMarkup.cue(4, 5, "TO SEE\nTHE WALL."),
        ])
        #expect(summary(try #require(document.poppedOn())) == ["0-3000 WE'RE HERE TODAY", "3000-4000 TO SEE", "4000-5000 THE WALL."])
    }

    @Test func popOnCaptionsAreLeftAsTheyAre() throws {
        let interview = try TranscriptFixtures.document("interview.vtt")
        #expect(interview.poppedOn() == nil)
        let rollUp = try TranscriptFixtures.document("rollup-news.srt")
        #expect(rollUp.poppedOn(rollUp: .never) == nil)
        var ttml = CaptionDocument(format: .ttml, cues: rollUp.cues, paragraphs: rollUp.cues)
        ttml.language = "en"
        #expect(ttml.poppedOn() == nil)
    }

    @Test func voicesAndStylesOfTheNewWordsStay() throws {
        let document = CueMarkup.document([
            CueMarkup.cue(0, 1, "<v Ann>one two</v>"),
            CueMarkup.cue(1, 2, "<v Ann>one two\n<i>three</i> four</v>"),
            CueMarkup.cue(2, 3, "<v Ann><i>three</i> four\nfive</v>"),
        ])
        let popped = try #require(document.poppedOn(rollUp: .always))
        #expect(popped.cues.map(\.content) == [
            [.span(CueSpan(kind: .voice, annotation: "Ann", children: [.text("one two")]))],
            [.span(CueSpan(kind: .voice, annotation: "Ann", children: [.span(CueSpan(kind: .italic, children: [.text("three")])), .text(" four")]))],
            [.span(CueSpan(kind: .voice, annotation: "Ann", children: [.text("five")]))],
        ])
    }

    @Test func commentsStayAfterTheCuesTheyFollowed() throws {
        var document = CueMarkup.document([
            CueMarkup.cue(0, 1, "one two"),
            CueMarkup.cue(1, 2, "one two\nthree four"),
            CueMarkup.cue(2, 3, "three four\nfive six"),
            CueMarkup.cue(3, 3.01, "five six\n "),
            CueMarkup.cue(3.01, 4, "five six\nseven"),
        ])
        document.comments = [CaptionComment(text: "after the hold cue", cuesBefore: 4)]
        let popped = try #require(document.poppedOn())
        #expect(popped.cues.count == 4)
        #expect(popped.comments.map(\.cuesBefore) == [3])
    }

    @Test func deeplyNestedMarkupIsCutWithoutRecursion() throws {
        var repeated = CueNode.text("one two\nthree")
        for _ in 0..<20_000 { repeated = .span(CueSpan(kind: .bold, children: [repeated])) }
        let document = CueMarkup.document([
            CueMarkup.cue(0, 1, "one two"),
            Cue(start: MediaTime(seconds: 1), end: MediaTime(seconds: 2), content: [repeated]),
            CueMarkup.cue(2, 3, "three\nfour"),
        ])
        let popped = try #require(document.poppedOn(rollUp: .always))
        #expect(popped.cues.count == 3)
        // Read back as pop-on, each word once (plainText would recurse into the nesting).
        let words = CaptionWords(popped, options: .init(rollUp: .never)).words
        #expect(words.map(\.text) == ["one", "two", "three", "four"])
        #expect(words.map(\.cueIndex) == [0, 0, 1, 2])
    }

    @Test func convertWritesRollUpAsPopOnUnlessAskedToKeepIt() throws {
        let path = TranscriptFixtures.path("rollup-news.srt")
        let popped = try CommandRunner.run(["convert", path, "--to", "vtt"])
        #expect(popped.status == 0)
        #expect(popped.standardOutput.contains("00:00:03.000 --> 00:00:05.000\nIS STILL RISING IN PORT ELLERY.\n"))
        #expect(popped.standardOutput.components(separatedBy: "FLOODWATER").count - 1 == 1)
        #expect(popped.standardError.contains("roll-up captions written as pop-on cues"))

        let kept = try CommandRunner.run(["convert", path, "--to", "vtt", "--keep-roll-up"])
        #expect(kept.status == 0)
        #expect(kept.standardOutput.contains("00:00:03.000 --> 00:00:05.000\n&gt;&gt; GOOD EVENING. FLOODWATER\nIS STILL RISING IN PORT ELLERY.\n"))
        #expect(!kept.standardError.contains("pop-on"))
    }
}

@Suite("Roll-up check straight from cue text")
struct RollUpCheckTests {
    /// The keys the full path compares: tokens, then words, then keys.
    private func keysFromTokens(_ nodes: [CueNode]) -> RollUpDeduplicator.KeyedCue {
        let tokens = CueTokenizer.tokens(of: nodes)
        return RollUpDeduplicator.KeyedCue(RollUpDeduplicator.DisplayedCue(
            words: tokens.map(\.text), lineStarts: tokens.indices.filter { tokens[$0].isLineStart }))
    }

    /// The keys the quick check compares, read into reused storage.
    private func keysFromText(_ nodes: [CueNode], reusing keyed: inout RollUpDeduplicator.KeyedCue) -> RollUpDeduplicator.KeyedCue {
        var reader = CueWordKeys()
        reader.read(nodes, into: &keyed)
        return keyed
    }

    @Test func keysReadFromCueTextEqualTheKeysOfTheTokens() throws {
        let tricky = [
            ">>JOHN: WE'RE HERE, \u{A0}TODAY.\r\nON\tTHE\u{C}WALL -- >>> NEXT",
            "<v  Ann  Lee >caf<i>é</i> ÉCOLE</v> <1>now<2.5>th<3>en",
            "<ruby>東京<rt>とうきょう</rt></ruby> 12,000 ½ ΣΊΣΥΦΟΣ",
            "\n\n  -- ... \n>> \n",
            "",
        ]
        var nodes = tricky.map(CueMarkup.nodes)
        for fixture in ["rollup-news.srt", "asr-youtube.vtt", "interview.vtt", "styled.srt", "sounds.vtt"] {
            nodes += try TranscriptFixtures.document(fixture).cues.map(\.content)
        }
        // Storage from a longer cue is reused, so leftovers would show.
        var keyed = keysFromTokens(CueMarkup.nodes("one two three\nfour five six\nseven"))
        for cue in nodes {
            #expect(keysFromText(cue, reusing: &keyed) == keysFromTokens(cue))
        }
    }

    @Test func theQuickCheckAgreesWithTheFullDetection() throws {
        var documents = try ["rollup-news.srt", "asr-youtube.vtt", "interview.vtt", "interview.srt", "styled.vtt"]
            .map(TranscriptFixtures.document)
        documents.append(CueMarkup.document([
            CueMarkup.cue(0, 1, "WE'RE"),
            CueMarkup.cue(1, 2, "WE'RE HERE"),
            CueMarkup.cue(2, 3, "WE'RE HERE TODAY\nTO SEE"),
        ]))
        for document in documents {
            for mode in RollUpDeduplicator.Mode.allCases {
                let full = DisplayedCues(document.cues, rollUp: mode).repeated.contains { $0 > 0 }
                #expect(DisplayedCues.hasRepetition(in: document.cues, rollUp: mode) == full)
            }
        }
        // The fixtures hold both answers, so the agreement is not trivial.
        #expect(DisplayedCues.hasRepetition(in: documents[0].cues, rollUp: .automatic))
        #expect(!DisplayedCues.hasRepetition(in: documents[2].cues, rollUp: .automatic))
    }

    @Test func aPopOnDocumentWhoseLinesShareFirstWordsIsNotRewritten() {
        // Cue 2 starts with "the", as a line of cue 1 does (no repeat: the
        // whole line would have to come again), and cue 4 repeats all of
        // cue 3: one isolated repeat, not roll-up.
        let document = CueMarkup.document([
            CueMarkup.cue(0, 1, "Good evening,\nthe news at six."),
            CueMarkup.cue(1, 2, "the river rose overnight"),
            CueMarkup.cue(2, 3, "Yes."),
            CueMarkup.cue(3, 4, "Yes, and the roads closed."),
            CueMarkup.cue(4, 5, "More after the break."),
        ])
        #expect(document.poppedOn() == nil)
        #expect(document.poppedOn(rollUp: .always) != nil)
    }

    @Test func cuesOutOfFileOrderAreComparedInTimeOrder() throws {
        // In time order each cue repeats the line before it; in file order none does.
        let document = CueMarkup.document([
            CueMarkup.cue(2, 3, "TO SEE\nTHE WALL."),
            CueMarkup.cue(0, 1, "WE'RE HERE\nTODAY"),
            CueMarkup.cue(1, 2, "TODAY\nTO SEE"),
        ])
        #expect(DisplayedCues.hasRepetition(in: document.cues, rollUp: .always))
        let popped = try #require(document.poppedOn(rollUp: .always))
        #expect(popped.cues.map(\.plainText) == ["WE'RE HERE\nTODAY", "TO SEE", "THE WALL."])
    }
}
