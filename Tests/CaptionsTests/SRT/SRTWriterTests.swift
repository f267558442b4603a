import Captions
import Testing

@Suite("SRT writer: numbering, times, markup and what SRT cannot carry")
struct SRTWriterTests {
    static func cue(_ start: Int64, _ end: Int64?, _ content: [CueNode], id: String = "", settings: CueSettings = CueSettings()) -> Cue {
        Cue(id: id, start: SRT.ms(start), end: end.map(SRT.ms), content: content, settings: settings)
    }

    @Test func writesNumberedBlocksWithCommaTimesAndLF() {
        let document = CaptionDocument(cues: [
            Self.cue(1500, 4000, [.text("Hello")], id: "intro"),
            Self.cue(61_001, 3_723_456, [.text("Two\nlines")]),
        ])
        let result = SRT.write(document)
        #expect(result.text == """
            1
            00:00:01,500 --> 00:00:04,000
            Hello

            2
            00:01:01,001 --> 01:02:03,456
            Two
            lines


            """)
        // "intro" is not the cue's number, so SRT cannot keep it.
        #expect(result.losses.summary == ["dropped 1 cue identifiers"])
    }

    @Test func crlfIsWrittenWhenAsked() {
        let document = CaptionDocument(cues: [Self.cue(0, 1000, [.text("A\nB")])])
        #expect(SRT.write(document, lineEnding: .crlf).text == "1\r\n00:00:00,000 --> 00:00:01,000\r\nA\r\nB\r\n\r\n")
    }

    @Test func hoursGrowPastTwoDigitsAndTimesRoundToTheMillisecond() {
        let long = Cue(start: MediaTime(seconds: 100 * 3600), end: MediaTime(numerator: 20_001, denominator: 20_000) + MediaTime(seconds: 100 * 3600), content: [.text("x")])
        // 29.97 fps frame 1 starts at 1001/30000 s = 33.3667 ms.
        let frame = Cue(start: MediaTime(numerator: 1001, denominator: 30000), end: MediaTime(numerator: 2002, denominator: 30000), content: [.text("y")])
        let text = SRT.write(CaptionDocument(cues: [long, frame])).text
        #expect(text.contains("100:00:00,000 --> 100:00:01,000\n"))
        #expect(text.contains("00:00:00,033 --> 00:00:00,067\n"))
    }

    @Test func stylesSRTKnowsAreWrittenAsTags() {
        let document = CaptionDocument(cues: [Self.cue(0, 1000, [
            SRT.span(.italic, .text("it")), .text(" "), SRT.span(.bold, SRT.span(.underline, .text("bu"))),
        ])])
        let result = SRT.write(document)
        #expect(result.text.contains("\n<i>it</i> <b><u>bu</u></b>\n"))
        #expect(result.losses.isEmpty)
    }

    @Test func colourClassesBecomeFontColoursAndOtherClassesAreCounted() {
        var document = CaptionDocument(
            cues: [Self.cue(0, 1000, [
                SRT.span(.class, .text("a"), classes: ["color-1a2b3c"]),
                SRT.span(.class, .text("b"), classes: ["yellow"]),
                SRT.span(.class, .text("c"), classes: ["alert", "loud"]),
                SRT.span(.italic, .text("d"), classes: ["quiet"]),
            ])],
            styleSheets: ["::cue(.alert) { color: orange; font-weight: bold }\n::cue(v[voice=\"A\"]) { color: red }"]
        )
        document.classColors = ["color-1a2b3c": "#1a2b3c"]
        let result = SRT.write(document)
        #expect(result.text.contains(
            "\n<font color=\"#1a2b3c\">a</font><font color=\"#ffff00\">b</font><font color=\"orange\">c</font><i>d</i>\n"))
        // "loud" and "quiet" are not colours; the style sheet itself is not carried.
        #expect(result.losses.summary == ["dropped 1 style sheets", "dropped 2 classes"])
    }

    @Test func speakerIsWrittenAsAPrefixWhenTheVoiceChanges() {
        let document = CaptionDocument(cues: [
            Self.cue(0, 1000, [SRT.span(.voice, .text("Good evening."), annotation: "Helen Okafor")]),
            Self.cue(1000, 2000, [SRT.span(.voice, .text("Tonight I want to speak."), annotation: "Helen Okafor")]),
            Self.cue(2000, 3000, [
                SRT.span(.voice, .text("Minister?"), annotation: "Reporter"), .text("\n"),
                SRT.span(.voice, .text("Yes."), annotation: "Helen Okafor"),
            ]),
        ])
        let result = SRT.write(document)
        #expect(result.text == """
            1
            00:00:00,000 --> 00:00:01,000
            Helen Okafor: Good evening.

            2
            00:00:01,000 --> 00:00:02,000
            Tonight I want to speak.

            3
            00:00:02,000 --> 00:00:03,000
            Reporter: Minister?
            Helen Okafor: Yes.


            """)
        #expect(result.losses.counts[.voices] == 4)
    }

    @Test func rubyLanguageAndTimestampsKeepTheirTextAndAreCounted() {
        let document = CaptionDocument(cues: [Self.cue(0, 1000, [
            SRT.span(.ruby, .text("漢"), SRT.span(.rubyText, .text("kan"))),
            .text(" "), SRT.span(.language, .text("bonjour"), annotation: "fr"),
            .timestamp(SRT.ms(500)), .text(" end"),
        ])])
        let result = SRT.write(document)
        #expect(result.text.contains("\n漢 bonjour end\n"))
        #expect(result.losses.summary == ["dropped 1 ruby annotations", "dropped 1 language spans", "dropped 1 inline timestamps"])
    }

    @Test func regionsStyleSheetsAndCommentsAreCountedPerDocument() {
        var settings = CueSettings()
        settings.region = "fred"
        let document = CaptionDocument(
            cues: [Self.cue(0, 1000, [.text("x")], settings: settings)],
            regions: [Region(id: "fred"), Region(id: "bill")],
            styleSheets: ["::cue { color: yellow }"],
            comments: [CaptionComment(text: "a note", cuesBefore: 0)]
        )
        let result = SRT.write(document)
        #expect(result.losses.summary == ["dropped 2 regions", "dropped 1 style sheets", "dropped 1 comments"])
        #expect(!result.text.contains("{"))
    }

    @Test func nineExactPositionsAreWrittenAsNumpadOverrides() throws {
        for number in 1...9 {
            let settings = try SRT.cue("{\\an\(number)}x").settings
            let result = SRT.write(CaptionDocument(cues: [Self.cue(0, 1000, [.text("x")], settings: settings)]))
            let expected = number == 2 ? "\nx\n" : "\n{\\an\(number)}x\n"
            #expect(result.text.contains(expected), "position \(number)")
            #expect(result.losses.isEmpty, "position \(number)")
        }
    }

    @Test func otherPositionsGoToTheNearestOfTheNineAndAreCounted() {
        var topLeft = CueSettings()
        topLeft.line = .percentage(10)
        topLeft.position = 10
        topLeft.positionAlign = .lineLeft
        var lowRight = CueSettings()
        lowRight.line = .number(-2)
        lowRight.align = .end
        lowRight.size = 50
        let result = SRT.write(CaptionDocument(cues: [
            Self.cue(0, 1000, [.text("a")], settings: topLeft),
            Self.cue(1000, 2000, [.text("b")], settings: lowRight),
        ]))
        #expect(result.text.contains("\n{\\an7}a\n"))
        #expect(result.text.contains("\n{\\an3}b\n"))
        #expect(result.losses.counts[.positions] == 2)
    }

    @Test func openEndedCuesEndAtTheDocumentsLastTimeWithAWarning() {
        let document = CaptionDocument(cues: [
            Self.cue(1000, nil, [.text("until the end")]),
            Self.cue(2000, 9000, [.text("closed")]),
            Self.cue(9500, nil, [.text("last, open")]),
        ])
        let result = SRT.write(document)
        #expect(result.text.contains("1\n00:00:01,000 --> 00:00:09,500\n"))
        // Nothing ends after 9.5 s, so the last cue gets the fixed five seconds.
        #expect(result.text.contains("3\n00:00:09,500 --> 00:00:14,500\n"))
        #expect(result.losses.counts[.openEndedCues] == 2)
        #expect(result.diagnostics.map(\.message) == [
            "cue 1 has no end; SRT needs one, so it ends at 00:00:09,500",
            "cue 3 has no end; SRT needs one, so it ends at 00:00:14,500",
        ])
        #expect(result.diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test func textThatWouldReadAsMarkupIsEscapedAndReadsBackTheSame() throws {
        let tricky = "2<3 but <b> is text, &amp; stays, {\\an8} too, AT&T & --> arrow"
        let result = SRT.write(CaptionDocument(cues: [Self.cue(0, 1000, [.text(tricky)])]))
        #expect(result.text.contains("\n2<3 but &lt;b> is text, &amp;amp; stays, &#123;\\an8} too, AT&T & --&gt; arrow\n"))
        let back = try SRT.read(result.text).document.cues
        #expect(back.map(\.content) == [[.text(tricky)]])
        #expect(back.first?.settings == CueSettings())
    }

    @Test func blankLinesInsideCueTextAreNotWrittenSoTheCueStaysWhole() throws {
        let result = SRT.write(CaptionDocument(cues: [Self.cue(0, 1000, [.text("\nfirst\n\n  \nsecond\n")])]))
        #expect(result.text == "1\n00:00:00,000 --> 00:00:01,000\nfirst\nsecond\n\n")
    }

    @Test func emptyCueIsWrittenAndReadBackEmpty() throws {
        let document = CaptionDocument(cues: [Self.cue(0, 1000, []), Self.cue(1000, 2000, [.text("after")])])
        let text = SRT.write(document).text
        #expect(text == "1\n00:00:00,000 --> 00:00:01,000\n\n2\n00:00:01,000 --> 00:00:02,000\nafter\n\n")
        #expect(try SRT.read(text).document.cues.map(\.content) == [[], [.text("after")]])
    }

    @Test func emptyDocumentIsAnEmptyFile() {
        #expect(SRT.write(CaptionDocument()).bytes.isEmpty)
    }
}
