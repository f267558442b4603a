import Testing
@testable import Captions

/// Time intervals of TTML1 §10.4 (SMIL time containment as TTML constrains
/// it), each worked out by hand.
@Suite("TTML timing: par, seq, implicit durations, clipping")
struct TTMLTimingTests {
    @Test func durAndEndTogetherTakeTheEarlierEnd() throws {
        let document = try TTMLSample.read(body: """
            <div><p begin="1s" end="5s" dur="2s">A</p><p begin="10s" end="12s" dur="5s">B</p></div>
            """)
        #expect(document.cues.timed == [TimedText(seconds("1"), seconds("3"), "A"), TimedText(seconds("10"), seconds("12"), "B")])
    }

    @Test func parChildrenCountFromTheirParentsBegin() throws {
        // The div begins at 10 s; the paragraph 1 s to 2 s into it.
        let document = try TTMLSample.read(body: #"<div begin="10s"><p begin="1s" end="2s">A</p></div>"#)
        #expect(document.cues.timed == [TimedText(seconds("11"), seconds("12"), "A")])
    }

    @Test func aParContainerLastsUntilItsLastChildEnds() throws {
        // endsync="all": the inner div (begins 5 s) ends when its paragraph does,
        // 5 + 1 + 2 = 8 s, so the next child of the seq starts there.
        let document = try TTMLSample.read(body: """
            <div timeContainer="seq">
              <div begin="5s"><p begin="1s" dur="2s">A</p></div>
              <p dur="1s">B</p>
            </div>
            """)
        #expect(document.cues.timed == [TimedText(seconds("6"), seconds("8"), "A"), TimedText(seconds("8"), seconds("9"), "B")])
    }

    @Test func seqChildrenFollowOneAnother() throws {
        // A [0,2); B begins 1 s after A ends, [3,6); C right after B, [6,7).
        let document = try TTMLSample.read(body: """
            <div timeContainer="seq"><p dur="2s">A</p><p begin="1s" dur="3s">B</p><p dur="1s">C</p></div>
            """)
        #expect(document.cues.timed == [
            TimedText(seconds("0"), seconds("2"), "A"), TimedText(seconds("3"), seconds("6"), "B"), TimedText(seconds("6"), seconds("7"), "C"),
        ])
    }

    @Test func anIndefiniteSeqChildKeepsLaterSiblingsFromBeginning() throws {
        // A paragraph of text has an indefinite implicit duration in a par
        // context; in a seq, nothing after it ever begins.
        let document = try TTMLSample.read(body: #"<div timeContainer="seq"><p>A</p><p dur="1s">B</p></div>"#)
        #expect(document.cues.timed == [TimedText(.zero, nil, "A")])
    }

    @Test func textWithoutAnEndLastsAsLongAsItsContainer() throws {
        // Anonymous spans are indefinite in a par container (TTML1 §10.4), so
        // the paragraph ends with its div (4 s), or never.
        let document = try TTMLSample.read(body: """
            <div dur="4s"><p begin="1s">A</p></div><div><p begin="6s">B</p></div>
            """)
        #expect(document.cues.timed == [TimedText(seconds("1"), seconds("4"), "A"), TimedText(seconds("6"), nil, "B")])
    }

    @Test func childrenAreClippedToTheirParent() throws {
        // The paragraph would run to 10 s but its div ends at 3 s; the one
        // beginning after the div's end is never shown.
        let document = try TTMLSample.read(body: """
            <div end="3s"><p begin="1s" end="10s">A</p><p begin="4s" end="5s">B</p></div>
            """)
        #expect(document.cues.timed == [TimedText(seconds("1"), seconds("3"), "A")])
        #expect(document.paragraphs.timed == [TimedText(seconds("1"), seconds("3"), "A")])
    }

    @Test func anEmptyElementHasNoDuration() throws {
        // No children, no explicit end: zero duration, so it cannot extend its parent.
        let document = try TTMLSample.read(body: #"<div timeContainer="seq"><p begin="1s"><span/></p><p dur="1s">B</p></div>"#)
        #expect(document.cues.timed == [TimedText(seconds("1"), seconds("2"), "B")])
    }

    @Test func timedSpansSplitTheTimelineButNotTheParagraph() throws {
        let document = try TTMLSample.read(body: #"<div><p begin="0s" end="10s">A <span begin="2s" end="4s">B</span> C</p></div>"#)
        #expect(document.cues.timed == [
            TimedText(.zero, seconds("2"), "A C"), TimedText(seconds("2"), seconds("4"), "A B C"), TimedText(seconds("4"), seconds("10"), "A C"),
        ])
        #expect(document.paragraphs.count == 1)
        #expect(document.paragraphs[0].plainText == "A B C")
    }

    @Test func paintOnParagraphsKeepEachWordOnceWithItsTime() throws {
        let result = try TTMLSample.fixture("paint-on.ttml")
        let document = result.document
        #expect(document.cues.timed == [
            TimedText(.zero, seconds("1"), "Ladies"),
            TimedText(seconds("1"), seconds("2"), "Ladies and"),
            TimedText(seconds("2"), seconds("3"), "Ladies and gentlemen"),
            TimedText(seconds("3"), seconds("4"), "Ladies and gentlemen\nwelcome"),
            TimedText(seconds("4"), seconds("6"), "Ladies and gentlemen\nwelcome home"),
        ])
        // The paragraphs hold each word once, timed by inline timestamps.
        #expect(document.paragraphs.timed == [
            TimedText(.zero, seconds("6"), "Ladies <00:00:01.000>and <00:00:02.000>gentlemen"),
            TimedText(seconds("3"), seconds("6"), "welcome <00:00:04.000>home"),
        ])
        #expect(document.paragraphs.map(\.id) == ["roll1", "roll2"])
        #expect(document.spokenCues.map(\.plainText) == ["Ladies and gentlemen", "welcome home"])
    }

    @Test func rollUpParagraphsOverlapInTheTimelineOnly() throws {
        let document = try TTMLSample.read(body: """
            <div><p begin="0s" end="4s">one</p><p begin="2s" end="6s">two</p><p begin="4s" end="8s">three</p></div>
            """)
        #expect(document.cues.timed == [
            TimedText(.zero, seconds("2"), "one"), TimedText(seconds("2"), seconds("4"), "one\ntwo"),
            TimedText(seconds("4"), seconds("6"), "two\nthree"), TimedText(seconds("6"), seconds("8"), "three"),
        ])
        #expect(document.paragraphs.map(\.plainText) == ["one", "two", "three"])
    }

    @Test func frameTimesInADocumentAt25() throws {
        let document = try TTMLSample.read(parameters: #"ttp:frameRate="25""#, body: #"<div><p begin="00:00:01:12" end="00:00:02:00">A</p></div>"#)
        #expect(document.cues.timed == [TimedText(seconds("1.48"), seconds("2"), "A")])
    }

    @Test func tickTimesInADocument() throws {
        let document = try TTMLSample.read(parameters: #"ttp:tickRate="10000000""#, body: #"<div><p begin="10000000t" end="25000000t">A</p></div>"#)
        #expect(document.cues.timed == [TimedText(seconds("1"), seconds("2.5"), "A")])
    }

    @Test func setAnimatesVisibilityOverPartOfAParagraph() throws {
        let document = try TTMLSample.read(body: """
            <div><p begin="0s" end="3s"><set begin="1s" end="2s" tts:visibility="hidden"/>Blink</p></div>
            """)
        #expect(document.cues.timed == [TimedText(.zero, seconds("1"), "Blink"), TimedText(seconds("2"), seconds("3"), "Blink")])
    }

    @Test func setDisplayShowsContentOnlyWhileItRuns() throws {
        let document = try TTMLSample.read(body: """
            <div><p begin="0s" end="5s">[<span tts:display="none"><set begin="1s" dur="2s" tts:display="auto"/>now</span>]</p></div>
            """)
        #expect(document.cues.timed == [
            TimedText(.zero, seconds("1"), "[]"), TimedText(seconds("1"), seconds("3"), "[now]"), TimedText(seconds("3"), seconds("5"), "[]"),
        ])
    }

    @Test func smpteTimeBaseWithDropFramesReadsExactly() throws {
        let document = try TTMLSample.read(
            parameters: #"ttp:timeBase="smpte" ttp:markerMode="continuous" ttp:frameRate="30" ttp:frameRateMultiplier="1000 1001" ttp:dropMode="dropNTSC""#,
            body: #"<div><p begin="00:01:00:02" end="00:10:00:00">A</p></div>"#)
        #expect(document.cues.timed == [TimedText(seconds("60.06"), MediaTime(numerator: 17982 * 1001, denominator: 30000), "A")])
    }

    @Test func approximatedTimeBasesAreReadWithAWarning() throws {
        let clock = try TTMLSample.read(TTMLSample.document(parameters: #"ttp:timeBase="clock""#, body: #"<div><p begin="13:00:00" end="13:00:10">A</p></div>"#))
        #expect(clock.document.cues.timed == [TimedText(MediaTime(seconds: 46800), MediaTime(seconds: 46810), "A")])
        #expect(clock.diagnostics.contains { $0.code == "ttml-time-base" && $0.severity == .warning })
        let markers = try TTMLSample.read(TTMLSample.document(parameters: #"ttp:timeBase="smpte" ttp:frameRate="25""#, body: #"<div><p begin="00:00:01:00" end="00:00:02:00">A</p></div>"#))
        #expect(markers.document.cues.timed == [TimedText(seconds("1"), seconds("2"), "A")])
        #expect(markers.diagnostics.contains { $0.code == "ttml-time-base" && $0.message.contains("discontinuous") })
    }

    @Test func aBadTimeExpressionIsIgnoredWithAWarningAtItsLine() throws {
        let result = try TTMLSample.read(TTMLSample.document(body: "<div>\n<p begin=\"soon\" end=\"2s\">A</p></div>"))
        #expect(result.document.cues.timed == [TimedText(.zero, seconds("2"), "A")])
        let warning = try #require(result.diagnostics.first { $0.code == "ttml-time" })
        #expect(warning.location.line == 5)
        #expect(warning.description.hasPrefix("t.ttml:5:"))
        #expect(warning.message.contains("begin=\"soon\""))
    }
}
