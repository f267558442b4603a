import Testing
@testable import Captions

/// Reads WebVTT text given inline.
func readVTT(_ text: String, file: String = "t.vtt") throws -> ReadResult {
    try WebVTTReader().read(Array(text.utf8), file: file)
}

/// Reads a fixture from `Fixtures/webvtt`.
func readVTTFixture(_ name: String) throws -> ReadResult {
    try WebVTTReader().read(try FixtureFiles.bytes("webvtt/" + name), file: name)
}

func ms(_ milliseconds: Int64) -> MediaTime { MediaTime(milliseconds: milliseconds) }

@Suite("WebVTT reader: signature and header")
struct WebVTTSignatureTests {
    @Test(arguments: ["", "WEBVT", "webvtt\n", "WEBVTTX\n", "WEBVTT\u{0C}\n", "WEBVTT-\n", " WEBVTT\n", "\u{FEFF}\u{FEFF}WEBVTT\n"])
    func badSignatureIsRejected(_ text: String) throws {
        let error = try #require(throws: CaptionError.self) { try readVTT(text) }
        #expect(error.kind == .invalidInput)
        #expect(error.location == SourceLocation(file: "t.vtt", line: 1, column: 1))
        #expect(error.description.hasPrefix("t.vtt:1:1: error: not a WebVTT file"))
    }

    @Test func badSignatureFixtureThrowsInvalidInput() throws {
        #expect(throws: CaptionError(.invalidInput, "not a WebVTT file: the first line must be WEBVTT, alone or followed by a space or tab", at: SourceLocation(file: "bad-signature.vtt", line: 1))) {
            try readVTTFixture("bad-signature.vtt")
        }
    }

    @Test(arguments: [
        ("WEBVTT", ""), ("WEBVTT\n", ""), ("WEBVTT \n", " "), ("WEBVTT\tmy file", "\tmy file"),
        ("\u{FEFF}WEBVTT - with BOM\n", " - with BOM"), ("WEBVTT --> x\n", " --> x"),
    ])
    func goodSignatureKeepsTheRestOfTheLineAsHeader(_ text: String, header: String) throws {
        let result = try readVTT(text)
        #expect(result.document.header == header)
        #expect(result.document.cues.isEmpty)
        #expect(result.document.format == .webvtt)
    }

    @Test func headerLinesAndLanguageAreKept() throws {
        let doc = try readVTT("WEBVTT Title\nKind: captions\nlanguage :  en-GB \n\n00:01.000 --> 00:02.000\nhi\n").document
        #expect(doc.header == " Title\nKind: captions\nlanguage :  en-GB ")
        #expect(doc.language == "en-GB")
        #expect(doc.cues.count == 1)
    }

    @Test func timingLineRightAfterTheSignatureIsACueNotHeader() throws {
        let doc = try readVTT("WEBVTT\n00:00.000 --> 00:01.000\ntext\n").document
        #expect(doc.header == "")
        #expect(doc.cues.map(\.plainText) == ["text"])
    }

    @Test func headerEndsAtTheFirstLineWithAnArrow() throws {
        let doc = try readVTT("WEBVTT\nfoo\n00:00.000 --> 00:01.000\ntext\n").document
        #expect(doc.header == "\nfoo")
        #expect(doc.cues.count == 1)
    }
}

@Suite("WebVTT reader: timings")
struct WebVTTTimingTests {
    @Test(arguments: [
        ("00:01.000 --> 00:02.500", ms(1000), ms(2500)),
        ("00:01.000-->00:02.500", ms(1000), ms(2500)),
        ("\t00:01.000 \t-->\t 00:02.500", ms(1000), ms(2500)),
        // Hours take two or more digits; 123 h 4 min 5.678 s = 443,045.678 s.
        ("123:04:05.678 --> 124:00:00.000", ms(443_045_678), ms(446_400_000)),
        // A first field that is not two digits, or above 59, is hours.
        ("60:00.000 --> 61:00:00.001", nil, nil),
        ("01:02:03.004 --> 01:02:03.005", ms(3_723_004), ms(3_723_005)),
        // End before start is kept (the specification no longer rejects it).
        ("00:00:01.000 --> 00:00:00.999", ms(1000), ms(999)),
    ] as [(String, MediaTime?, MediaTime?)])
    func timingLines(_ line: String, start: MediaTime?, end: MediaTime?) throws {
        let doc = try readVTT("WEBVTT\n\n\(line)\ntext\n").document
        if let start, let end {
            #expect(doc.cues.count == 1)
            #expect(doc.cues.first?.start == start)
            #expect(doc.cues.first?.end == end)
        } else {
            #expect(doc.cues.isEmpty)
        }
    }

    @Test(arguments: [
        "00:60.000 --> 00:01.000", "00:00:60.000 --> 00:01:00.000", "1:02.003 --> 00:05.000",
        "00:01.00 --> 00:02.000", "00:01.0000 --> 00:02.000", "00:01,000 --> 00:02.000",
        "00:01.000 -- > 00:02.000 -->", "00:01.000 x--> 00:02.000", "00:01.000 --> ", "--> 00:02.000",
    ])
    func invalidTimingLineSkipsTheBlockWithAWarning(_ line: String) throws {
        let result = try readVTT("WEBVTT\n\n\(line)\ntext\n\n00:03.000 --> 00:04.000\nkept\n")
        #expect(result.document.cues.map(\.plainText) == ["kept"])
        let warning = try #require(result.diagnostics.first)
        #expect(warning.code == "skipped-block")
        #expect(warning.location.line == 3)
        #expect(warning.message.hasPrefix("skipped cue: "))
    }

    @Test func endBeforeStartIsWarned() throws {
        let result = try readVTT("WEBVTT\n\n00:02.000 --> 00:01.000\nx\n")
        #expect(result.diagnostics.map(\.description) == ["t.vtt:3:1: warning: cue ends at 00:00:01.000, before it starts at 00:00:02.000"])
    }
}

@Suite("WebVTT reader: blocks")
struct WebVTTBlockTests {
    @Test func cueIdentifiersKeepTheirSpaces() throws {
        let doc = try readVTT("WEBVTT\n\n leading\n00:00.000 --> 00:01.000\na\n\n \n00:00.000 --> 00:01.000\nb\n\n-- >\n00:00.000 --> 00:01.000\nc\n").document
        #expect(doc.cues.map(\.id) == [" leading", " ", "-- >"])
    }

    @Test func arrowLinesStartNewBlocks() throws {
        // "-->" alone is a failed timing line; each following arrow line starts a block.
        let result = try readVTT("WEBVTT\n\n-->\n00:00.000 --> 00:01.000\ntext1\nfoo-->\n00:00.000 --> 00:01.000\ntext2\n00:00.000 --> 00:01.000\ntext3\n")
        #expect(result.document.cues.map(\.plainText) == ["text1", "text2", "text3"])
        #expect(result.document.cues.map(\.id) == ["", "", ""])
        #expect(result.diagnostics.map(\.location.line) == [3, 6])
    }

    @Test func textOfACueRunsToTheBlankLine() throws {
        let doc = try readVTT("WEBVTT\n\n00:00.000 --> 00:01.000\n  one\ntwo  \n\n\n\nstray text\n").document
        #expect(doc.cues.map(\.plainText) == ["  one\ntwo  "])
    }

    @Test func crlfAndLoneCRFilesReadLikeLF() throws {
        for name in ["crlf.vtt", "cr.vtt"] {
            let doc = try readVTTFixture(name).document
            #expect(doc.cues.map(\.id) == ["first", ""])
            #expect(doc.cues.map(\.plainText) == ["line one\nline two", "three"])
            #expect(doc.cues.map { $0.location?.line } == [3, 8])
            #expect(doc.cues.map(\.end) == [ms(2000), ms(4000)])
        }
    }

    @Test func nullBytesBecomeReplacementCharacters() throws {
        let result = try readVTTFixture("nulls.vtt")
        let doc = result.document
        #expect(doc.cues.count == 1)
        let cue = try #require(doc.cues.first)
        #expect(cue.id == "\u{FFFD}id")
        // "align:end\0" has the value "end\u{FFFD}", which is no alignment.
        #expect(cue.settings.align == .center)
        // "<b\0>" is a tag named "b\u{FFFD}", ignored; "</b>" closes nothing.
        #expect(cue.content == [.text("a\u{FFFD}b c")])
        #expect(result.diagnostics.map(\.code) == ["ignored-setting", "unknown-tag", "skipped-block"])
        #expect(result.diagnostics[2].location.line == 7)
    }

    @Test func styleSheetsAndNotesBeforeTheFirstCue() throws {
        let result = try readVTTFixture("style-and-notes.vtt")
        let doc = result.document
        #expect(doc.styleSheets == ["::cue(.loud) { font-weight: bold }\n/* no blank lines in here */", "::cue(v[voice=\"Anna\"]) { color: cyan }"])
        #expect(doc.comments == [
            CaptionComment(text: "first comment", cuesBefore: 0),
            CaptionComment(text: "between style blocks\non two lines", cuesBefore: 0),
            CaptionComment(text: "after the first cue", cuesBefore: 1),
        ])
        #expect(doc.cues.map(\.id) == ["1", "2"])
        #expect(doc.cues.first?.content == [.span(CueSpan(kind: .class, classes: ["loud"], children: [.text("one")]))])
        #expect(result.diagnostics.map(\.description) == [
            "style-and-notes.vtt:22:1: warning: STYLE block after the first cue is ignored",
            "style-and-notes.vtt:25:1: warning: skipped a block that is not a cue, NOTE, STYLE or REGION block (no line with '-->')",
        ])
    }

    @Test func styleBlockEndsAtAnArrowLine() throws {
        // The arrow line is not part of the style sheet; it starts a cue.
        let doc = try readVTT("WEBVTT\n\nSTYLE\n::cue {}\n00:00.000 --> 00:01.000\nx\n").document
        #expect(doc.styleSheets == ["::cue {}"])
        #expect(doc.cues.map(\.plainText) == ["x"])
    }

    @Test func styleWithAnArrowOnItsSecondLineIsACueNamedStyle() throws {
        let doc = try readVTT("WEBVTT\n\nSTYLE\n00:00.000 --> 00:01.000\nx\n").document
        #expect(doc.styleSheets.isEmpty)
        #expect(doc.cues.map(\.id) == ["STYLE"])
    }

    @Test func noteWithTextOnTheNoteLineOrAfterIt() throws {
        let doc = try readVTT("WEBVTT\n\nNOTE\n\nNOTE one\ntwo\n\nNOTE \nthree\n\nNOTE\tfour\n").document
        #expect(doc.comments.map(\.text) == ["", "one\ntwo", "\nthree", "four"])
    }
}

@Suite("WebVTT reader: cue settings")
struct WebVTTCueSettingsTests {
    @Test func settingsEdgeCasesFixture() throws {
        let result = try readVTTFixture("settings-edge-cases.vtt")
        let cues = result.document.cues
        #expect(cues.count == 8)
        #expect(cues[0].settings.line == .number(-2))
        #expect(cues[0].settings.lineAlign == .end)
        #expect(cues[0].settings.snapToLines)
        #expect(cues[1].settings.line == .percentage(33.5))
        #expect(cues[1].settings.lineAlign == .center)
        #expect(!cues[1].settings.snapToLines)
        // An unknown alignment drops only the alignment (as browsers do).
        #expect(cues[2].settings.line == .percentage(10))
        #expect(cues[2].settings.lineAlign == .start)
        #expect(cues[3].settings == CueSettings())
        #expect(cues[4].settings.align == .right)
        #expect(cues[4].settings.size == 25.25)
        #expect(cues[5].settings.position == 0)
        #expect(cues[5].settings.positionAlign == .lineRight)
        #expect(cues[5].settings.vertical == .leftToRight)
        #expect(cues[6].settings.align == .end)
        guard case .number(let zero) = cues[7].settings.line else {
            Issue.record("line:-0 should be a line number")
            return
        }
        #expect(zero == 0 && zero.sign == .plus)
        // Cue 3 ("bad numbers") holds eight ignored settings on line 18.
        let line18 = result.diagnostics.filter { $0.location.line == 18 }
        #expect(line18.map(\.location.column) == [31, 39, 47, 57, 66, 75, 85, 97])
        #expect(line18.first?.message == "cue setting 'line:.5' ignored: expected a line number such as -1 or 2")
        #expect(line18.last?.message == "cue setting 'position:-1%' ignored: expected a percentage from 0% to 100%")
    }

    @Test(arguments: [
        ("line:17976931348623157" + String(repeating: "0", count: 292), CueSettings.Line.number(.greatestFiniteMagnitude)),
        // Past the largest double: rounds to infinity, which is an error.
        ("line:17976931348623159" + String(repeating: "0", count: 292), .auto),
        ("line:0.\(String(repeating: "0", count: 323))5", .number(.leastNonzeroMagnitude)),
        ("line:0.\(String(repeating: "0", count: 323))2", .number(0)),
        ("line:100%", .percentage(100)), ("line:00%", .percentage(0)), ("line:%", .auto), ("line:1%-", .auto),
        ("line:-", .auto), ("line: 5", .auto), ("line :5", .auto),
        // An empty alignment is no alignment: the line is kept without it.
        ("line:5,", .number(5)),
    ])
    func lineValues(_ setting: String, expected: CueSettings.Line) throws {
        let cue = try #require(try readVTT("WEBVTT\n\n00:00.000 --> 00:01.000 \(setting)\nx\n").document.cues.first)
        #expect(cue.settings.line == expected)
    }

    @Test func regionsFixture() throws {
        let result = try readVTTFixture("regions.vtt")
        let doc = result.document
        var left = Region(id: "left")
        left.width = 40.5
        left.lines = 2
        left.viewportAnchorX = 5
        left.viewportAnchorY = 95
        left.scroll = .up
        var right = Region(id: "right")
        right.width = 40
        right.lines = 1
        right.regionAnchorX = 100
        right.viewportAnchorX = 95
        right.viewportAnchorY = 95
        var secondLeft = Region(id: "left")
        secondLeft.lines = 7
        #expect(doc.regions == [left, right, secondLeft])
        #expect(doc.cues.map(\.settings.region) == ["left", nil, "right", nil, nil])
        #expect(doc.cues[1].settings.line == .number(0))
        #expect(doc.cues[2].settings.line == .number(0))
        #expect(result.diagnostics.map(\.description) == [
            "regions.vtt:9:74: warning: region setting 'scroll:down' ignored: expected up",
            "regions.vtt:11:1: warning: REGION block without an id is ignored: no cue can refer to it",
            "regions.vtt:15:18: warning: region setting 'width:140%' ignored: expected a percentage from 0% to 100%",
            "regions.vtt:15:29: warning: region setting 'regionanchor:10%' ignored: expected two percentages such as 0%,100%",
            "regions.vtt:15:46: warning: region setting 'viewportanchor:x,y' ignored: expected two percentages such as 10%,90%",
            "regions.vtt:26:31: warning: cue setting 'region:nowhere' ignored: no REGION block defines this id",
            "regions.vtt:29:1: warning: REGION block after the first cue is ignored",
            "regions.vtt:32:31: warning: cue setting 'region:late' ignored: no REGION block defines this id",
        ])
    }

    @Test func ignoredSettingsAreReportedWithLineAndColumn() throws {
        let result = try readVTT("WEBVTT\n\n00:00:01.000 --> 00:00:02.000 bogus size:x\nhi\n")
        #expect(result.diagnostics.map(\.description) == [
            "t.vtt:3:31: warning: cue setting 'bogus' ignored: expected NAME:VALUE",
            "t.vtt:3:37: warning: cue setting 'size:x' ignored: expected a percentage from 0% to 100%",
        ])
    }
}

@Suite("WebVTT reader: encodings and diagnostics")
struct WebVTTEncodingTests {
    @Test func utf16WithByteOrderMarkIsRead() throws {
        let text = "WEBVTT\n\n00:01.000 --> 00:02.000\nZoë 漢字\n"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let result = try WebVTTReader().read(bytes, file: "u16.vtt")
        #expect(result.document.cues.map(\.plainText) == ["Zoë 漢字"])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func invalidUTF8IsReadAsWindows1252WithAWarning() throws {
        let bytes = Array("WEBVTT\n\n00:01.000 --> 00:02.000\ncaf".utf8) + [0xE9, 0x20, 0x93, 0x6F, 0x6B, 0x94, 0x0A]
        let result = try WebVTTReader().read(bytes, file: "latin.vtt")
        #expect(result.document.cues.map(\.plainText) == ["café \u{201C}ok\u{201D}"])
        #expect(result.diagnostics.map(\.description) == ["latin.vtt:1:1: warning: the file is not UTF-8; read it as Windows-1252"])
    }

    @Test func repeatedWarningsAreCappedWithACount() throws {
        let cue = "00:01.000 --> 00:02.000 bogus\nx\n\n"
        let result = try readVTT("WEBVTT\n\n" + String(repeating: cue, count: 250))
        #expect(result.document.cues.count == 250)
        #expect(result.diagnostics.count == 201)
        #expect(result.diagnostics.last?.description == "t.vtt:603:25: warning: 50 more 'ignored-setting' diagnostics like the above, from here on, are not shown")
    }
}
