import Captions
import Foundation
import Testing

@Suite("SRT reader: blocks, times, line ends and encodings")
struct SRTReaderTests {
    // MARK: The quirks fixture (CRLF), worked out by hand line by line

    /// The four cues of Fixtures/srt/quirks-crlf.srt.
    static let quirksCues: [(id: String, start: Int64, end: Int64, text: String)] = [
        ("1", 1200, 3900, "Café owners in Zürich say\nthe “crisis” is far from over."),
        // 00:00:04.1 is 4.100 s; `06:480` uses ':' before the fraction; X1.. ignored;
        // the blank line inside the text is dropped and the text after it kept.
        ("7", 4100, 6480, "Señora Núñez runs the bakery\non the corner – since 1998."),
        // The orphan block `3 / Caption without timing` is dropped; `0:0:7,5` is
        // 7.500 s and `0:00:09,05` is 9.050 s; no index line.
        ("", 7500, 9050, "“We’ve lost 30\u{A0}% of our trade,”\nshe told reporters…"),
        // Starts right after the previous cue's text, without a blank line.
        ("4", 360_000_000, 360_002_000, "Late & bold"),
    ]

    @Test func quirksFixtureYieldsFourCuesWithHandWorkedTimesAndText() throws {
        let result = try SRTReader().read(FixtureFiles.bytes("srt/quirks-crlf.srt"), file: "quirks-crlf.srt")
        let cues = result.document.cues
        #expect(result.document.format == .srt)
        try #require(cues.count == Self.quirksCues.count)
        for (cue, expected) in zip(cues, Self.quirksCues) {
            #expect(cue.id == expected.id)
            #expect(cue.start == SRT.ms(expected.start))
            #expect(cue.end == SRT.ms(expected.end))
            #expect(cue.plainText == expected.text)
        }
        #expect(cues[1].content.first == SRT.span(.italic, .text("Señora Núñez")))
        #expect(cues[3].content == [.text("Late & "), SRT.span(.bold, .text("bold"))])
        #expect(cues.map(\.location?.line) == [3, 9, 18, 21])
    }

    @Test func quirksFixtureWarnsAtEachRecoveredLine() throws {
        let result = try SRTReader().read(FixtureFiles.bytes("srt/quirks-crlf.srt"), file: "quirks-crlf.srt")
        #expect(SRT.codesAndLines(result.diagnostics) == [
            "unexpected-index@9", "text-after-timing@10", "blank-line-in-cue@12",
            "orphan-block@15", "missing-index@18", "missing-blank-line@21",
        ])
        let orphan = try #require(result.diagnostics.first { $0.code == "orphan-block" })
        #expect(orphan.description == "quirks-crlf.srt:15:1: warning: dropped block 3 (2 lines): it has no timing line")
        #expect(result.diagnostics[0].message == "index 7 where 2 was expected (and 1 more like it)")
    }

    // MARK: Line endings

    @Test(arguments: ["\r\n", "\n", "\r"])
    func everyLineEndingGivesTheSameCues(lineEnding: String) throws {
        let crlf = try FixtureFiles.bytes("srt/quirks-crlf.srt")
        let text = String(decoding: crlf, as: UTF8.self).replacingOccurrences(of: "\r\n", with: lineEnding)
        let cues = try SRT.read(text).document.cues
        #expect(cues.map(\.plainText) == Self.quirksCues.map(\.text))
        #expect(cues.map(\.start) == Self.quirksCues.map { SRT.ms($0.start) })
    }

    @Test func mixedLineEndingsInOneFileAreEachOneLineEnd() throws {
        let cues = try SRT.read("1\r00:00:01,000 --> 00:00:02,000\r\nA\nB\r\r\n2\n00:00:03,000 --> 00:00:04,000\rC").document.cues
        #expect(cues.map(\.plainText) == ["A\nB", "C"])
    }

    // MARK: Encodings

    /// The fixture's text as UTF-16/32 with a byte order mark.
    static func encoded(_ text: String, as encoding: TextEncoding) -> [UInt8] {
        switch encoding {
        case .utf16LittleEndian: return [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case .utf16BigEndian: return [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        case .utf32LittleEndian:
            return [0xFF, 0xFE, 0, 0] + text.unicodeScalars.flatMap { s in (0..<4).map { UInt8((s.value >> (8 * $0)) & 0xFF) } }
        case .utf32BigEndian:
            return [0, 0, 0xFE, 0xFF] + text.unicodeScalars.flatMap { s in (0..<4).reversed().map { UInt8((s.value >> (8 * $0)) & 0xFF) } }
        case .utf8: return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case .windows1252:
            // Latin-1 where it agrees; the few other characters the fixture uses.
            let high: [Unicode.Scalar: UInt8] = ["“": 0x93, "”": 0x94, "’": 0x92, "–": 0x96, "…": 0x85, "€": 0x80]
            return text.unicodeScalars.map { s in s.value < 0x80 || (0xA0...0xFF).contains(s.value) ? UInt8(s.value) : high[s]! }
        }
    }

    @Test(arguments: [TextEncoding.utf8, .utf16LittleEndian, .utf16BigEndian, .utf32LittleEndian, .utf32BigEndian])
    func byteOrderMarkDecidesTheEncodingWithoutWarning(encoding: TextEncoding) throws {
        let text = String(decoding: try FixtureFiles.bytes("srt/quirks-crlf.srt"), as: UTF8.self)
        let result = try SRTReader().read(Self.encoded(text, as: encoding), file: "x.srt")
        #expect(result.document.cues.map(\.plainText) == Self.quirksCues.map(\.text))
        #expect(!result.diagnostics.contains { $0.code == "encoding-guessed" })
    }

    @Test func windows1252IsGuessedWhenNotUTF8AndSaidSo() throws {
        let text = "1\r\n00:00:01,000 --> 00:00:02,000\r\n“Café” – déjà vu… 5 €\r\n"
        let bytes = Self.encoded(text, as: .windows1252)
        // "Café" has é as the single byte 0xE9, which is not UTF-8.
        #expect(bytes.contains(0xE9))
        let result = try SRTReader().read(bytes, file: "legacy.srt")
        #expect(result.document.cues.first?.plainText == "“Café” – déjà vu… 5 €")
        let warning = try #require(result.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.code == "encoding-guessed")
        #expect(warning.description == "legacy.srt:1:1: warning: the file is not valid UTF-8; read it as Windows-1252")
    }

    // MARK: Index lines

    @Test func indexLinesAreOptionalAndKeptAsIdentifiers() throws {
        let result = try SRT.read("""
            00:00:01,000 --> 00:00:02,000
            no index

            35
            00:00:03,000 --> 00:00:04,000
            starts at 35

            36
            00:00:05,000 --> 00:00:06,000
            then 36
            """)
        #expect(result.document.cues.map(\.id) == ["", "35", "36"])
        #expect(result.document.cues.map(\.plainText) == ["no index", "starts at 35", "then 36"])
        // 35 follows a cue without an index: nothing to compare it with.
        #expect(SRT.codesAndLines(result.diagnostics) == ["missing-index@1"])
    }

    @Test func numberOnlyTextLineIsTextUnlessATimingLineFollows() throws {
        let cues = try SRT.read("""
            1
            00:00:01,000 --> 00:00:02,000
            The answer is
            42

            2
            00:00:03,000 --> 00:00:04,000
            Next
            """).document.cues
        #expect(cues.map(\.plainText) == ["The answer is\n42", "Next"])
    }

    // MARK: Timing lines

    @Test(arguments: [
        ("00:00:01,000 --> 00:00:02,500", 1000, 2500),
        ("00:00:01.000 --> 00:00:02.500", 1000, 2500),
        ("00:00:01:000 --> 00:00:02:500", 1000, 2500),
        ("00:00:01,5 --> 00:00:02,05", 1500, 2050),
        ("00:00:01,0004 --> 00:00:02,0006", 1000, 2001),
        ("00:01:39 --> 00:01:41,04", 99_000, 101_040),
        ("0:0:7,560 --> 0:00:09,120", 7560, 9120),
        ("  00:00:01,000-->00:00:02,000  ", 1000, 2000),
        ("00:00:01,000 -> 00:00:02,000", 1000, 2000),
        ("00:00:01,000 - > 00:00:02,000", 1000, 2000),
        ("123:04:05,006 --> 123:04:06,000", 443_045_006, 443_046_000),
    ] as [(String, Int64, Int64)])
    func timingLineVariantsAreRead(line: String, start: Int64, end: Int64) throws {
        let cue = try #require(SRT.read("\(line)\nText\n").document.cues.first)
        // Times keep their precision; they are compared as written files round them.
        #expect(cue.start.roundedMilliseconds == start)
        #expect(cue.end?.roundedMilliseconds == end)
        #expect(cue.plainText == "Text")
    }

    @Test func textAfterTheEndTimeIsIgnoredAndReportedOnce() throws {
        let result = try SRT.read("""
            1
            00:00:01,000 --> 00:00:02,000 X1:40 X2:600 Y1:20 Y2:50
            A

            2
            00:00:03,000 --> 00:00:04,000 position:10%
            B
            """)
        #expect(result.document.cues.map(\.end) == [SRT.ms(2000), SRT.ms(4000)])
        #expect(result.diagnostics.map(\.message) == ["ignored 'X1:40 X2:600 Y1:20 Y2:50' after the end time (and 1 more like it)"])
    }

    @Test func timesTooLargeForAnyMediaAreNotTimesAndDoNotTrap() throws {
        let result = try SRT.read("""
            1
            999999999999:00:00,123456789 --> 999999999999:00:01,000
            Impossible

            2
            00:00:01,000 --> 00:00:02,000
            Fine
            """)
        #expect(result.document.cues.map(\.plainText) == ["Fine"])
        #expect(result.diagnostics.first?.code == "skipped-lines")
    }

    @Test func endBeforeStartIsKeptWithAWarning() throws {
        let result = try SRT.read("1\n00:00:05,000 --> 00:00:04,000\nBackwards\n")
        #expect(result.document.cues.first?.end == SRT.ms(4000))
        #expect(SRT.codesAndLines(result.diagnostics) == ["end-before-start@2"])
    }

    @Test func zeroLengthAndSameStartCuesAreKeptInFileOrder() throws {
        let cues = try SRT.read("""
            1
            00:00:00,000 --> 00:00:00,000
            zero

            2
            00:00:04,500 --> 00:00:06,000
            first

            3
            00:00:04,500 --> 00:00:05,000
            second
            """).document.cues
        #expect(cues.map(\.plainText) == ["zero", "first", "second"])
    }

    // MARK: Blank lines and blocks

    @Test func leadingTrailingAndRepeatedBlankLinesDoNotMakeCues() throws {
        let result = try SRT.read("\n\n \n1\n00:00:01,000 --> 00:00:02,000\nA\n\n\n\t\n\n2\n00:00:03,000 --> 00:00:04,000\nB\n\n\n\n")
        #expect(result.document.cues.map(\.plainText) == ["A", "B"])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func cueWithoutTextIsKeptEmptyAndDoesNotSwallowTheNextCue() throws {
        let cues = try SRT.read("""
            1
            00:00:01,000 --> 00:00:02,000


            2
            00:00:03,000 --> 00:00:04,000
            B
            """).document.cues
        #expect(cues.map(\.content) == [[], [.text("B")]])
    }

    @Test func orphanNumberedBlockIsDroppedNotAppended() throws {
        let result = try SRT.read("""
            1
            00:00:00,500 --> 00:00:07,000
            Caption text #1

            2
            Caption text #2

            3
            00:00:11,890 --> 00:00:16,320
            Caption text #3
            """)
        #expect(result.document.cues.map(\.plainText) == ["Caption text #1", "Caption text #3"])
        // Index 3 follows the orphan's 2, so it is not out of sequence.
        #expect(SRT.codesAndLines(result.diagnostics) == ["orphan-block@5"])
    }

    @Test func blockWithABrokenTimingLineIsSkippedWithAWarningNamingIt() throws {
        let result = try SRT.read("""
            1
            00:00:01,000 --> 00:00:02,000
            Good

            00:00:03,000 --> 00:00:0x,000
            Broken

            3
            00:00:05,000 --> 00:00:06,000
            Good again
            """)
        #expect(result.document.cues.map(\.plainText) == ["Good", "Good again"])
        let skipped = try #require(result.diagnostics.first)
        #expect(skipped.code == "skipped-lines")
        #expect(skipped.location.line == 5)
        #expect(skipped.message == "skipped 2 lines that belong to no cue, starting '00:00:03,000 --> 00:00:0x,000'")
    }

    @Test func garbageBeforeTheFirstCueIsSkippedAndTheCueStillRead() throws {
        let result = try SRT.read("some text\n00:00:00,500 --> 00:00:07,000\nHello\n")
        #expect(result.document.cues.map(\.plainText) == ["Hello"])
        #expect(SRT.codesAndLines(result.diagnostics) == ["skipped-lines@1", "missing-index@2"])
    }

    @Test func timingLineRightAfterTextStartsANewCue() throws {
        let result = try SRT.read("""
            1
            00:00:01,000 --> 00:00:02,000
            First
            00:00:03,000 --> 00:00:04,000
            Second
            """)
        #expect(result.document.cues.map(\.plainText) == ["First", "Second"])
        #expect(result.diagnostics.map(\.code).contains("missing-blank-line"))
    }

    // MARK: Files with no cues

    @Test func textWithoutAnyCueIsAnErrorAtItsFirstLine() throws {
        #expect {
            try SRT.read("\n\nthis is not\na caption file\n", file: "notes.srt")
        } throws: { error in
            let error = error as? CaptionError
            return error?.kind == .invalidInput && error?.location.line == 3
                && error?.description.hasPrefix("notes.srt:3:1: error: no SRT cue found") == true
        }
    }

    @Test func blankFileIsAnEmptyDocumentWithAWarning() throws {
        let result = try SRT.read("\n \r\n")
        #expect(result.document.cues.isEmpty)
        #expect(result.diagnostics.map(\.code) == ["no-cues"])
    }

    @Test func truncatedAndBinaryInputNeverCrashes() throws {
        let samples: [[UInt8]] = [
            [], [0xFF], [0xFE, 0xFF, 0x00], Array("1\n00:00:01,000 -->".utf8), Array("1\n00:00:01,000 --> 00:00:02,000".utf8),
            Array("<i><b>{\\an".utf8), Array("00:00:01,000 --> 00:00:02,000\n&#x110000;&#0;&".utf8),
            (0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) },
        ]
        for bytes in samples {
            _ = try? SRTReader().read(bytes, file: nil)
        }
        let last = try SRTReader().read(samples[4], file: nil)
        #expect(last.document.cues.count == 1)
    }
}
