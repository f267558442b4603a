import Captions
import Testing

@Suite("SRT reader: tags, colours, character references and {\\an} positions")
struct SRTMarkupTests {
    @Test func italicBoldUnderlineBecomeSpansInAnyCase() throws {
        let cue = try SRT.cue("<i>a</i> <B>b</B> <u>c</U>")
        #expect(cue.content == [
            SRT.span(.italic, .text("a")), .text(" "), SRT.span(.bold, .text("b")), .text(" "), SRT.span(.underline, .text("c")),
        ])
    }

    @Test func spansContinueAcrossLines() throws {
        let cue = try SRT.cue("<i>Test with multi line italics\nTerminated on the next line</i>")
        #expect(cue.content == [SRT.span(.italic, .text("Test with multi line italics\nTerminated on the next line"))])
    }

    @Test func unclosedTagClosesAtTheEndOfTheCueNotTheFile() throws {
        let cues = try SRT.read("""
            1
            00:00:01,000 --> 00:00:02,000
            <i>Unterminated styles

            2
            00:00:03,000 --> 00:00:04,000
            Do not fall to the next item
            """).document.cues
        #expect(cues.map(\.content) == [[SRT.span(.italic, .text("Unterminated styles"))], [.text("Do not fall to the next item")]])
    }

    @Test func closingTagClosesTheTagsOpenedInsideIt() throws {
        // </b> closes the <i> opened inside it; the stray </i> is then ignored.
        let cue = try SRT.cue("<b><i>x</b>y</i>")
        #expect(cue.content == [SRT.span(.bold, SRT.span(.italic, .text("x"))), .text("y")])
    }

    @Test func fontColourBecomesAColourClassRememberedByTheDocument() throws {
        let result = try SRT.read("""
            1
            00:00:01,000 --> 00:00:02,000
            <font color="#00FF00"><b>[music]</b></font> <font color=#1A2B3C>dark</font>
            <font size="2" color='green'>green</font> <font color="#f0a">short</font>
            """)
        let cue = try #require(result.document.cues.first)
        #expect(cue.content == [
            SRT.span(.class, SRT.span(.bold, .text("[music]")), classes: ["lime"]),
            .text(" "),
            SRT.span(.class, .text("dark"), classes: ["color-1a2b3c"]),
            .text("\n"),
            SRT.span(.class, .text("green"), classes: ["color-green"]),
            .text(" "),
            SRT.span(.class, .text("short"), classes: ["color-ff00aa"]),
        ])
        #expect(result.document.classColors == [
            "lime": "#00ff00", "color-1a2b3c": "#1a2b3c", "color-green": "green", "color-ff00aa": "#ff00aa",
        ])
        #expect(result.document.classColorStyleSheet == """
            ::cue(.color-1a2b3c) { color: #1a2b3c; }
            ::cue(.color-ff00aa) { color: #ff00aa; }
            ::cue(.color-green) { color: green; }
            ::cue(.lime) { color: #00ff00; }
            """)
    }

    @Test func fontWithoutColourIsDroppedAndPairsWithItsOwnEndTag() throws {
        // The inner </font> ends the size-only font, so "c" is still red.
        let cue = try SRT.cue("<font color=red>a<font size=2>b</font>c</font>d")
        #expect(cue.content == [SRT.span(.class, .text("abc"), classes: ["red"]), .text("d")])
    }

    @Test func strikeAndUnknownTagsAreDroppedAsMarkupKeepingTheirText() throws {
        let cue = try SRT.cue("<s>struck</s> <invalid_tag>odd</invalid_tag> Hello <bold>my</bold> name<br>is Bob")
        #expect(cue.content == [.text("struck odd Hello my name\nis Bob")])
    }

    @Test(arguments: ["2<3,5>1,4<6", "a < b > c", "x <i unclosed", "1 <3 you", "<>", "< i>"])
    func angleBracketsThatAreNotTagsStayText(line: String) throws {
        #expect(try SRT.cue(line).content == [.text(line)])
    }

    @Test func characterReferencesAreDecoded() throws {
        let cue = try SRT.cue("Fish &amp; chips &lt;i&gt; caf&eacute; &#233;&#x263A; &nbsp;| AT&T &bogus;")
        #expect(cue.content == [.text("Fish & chips <i> café é☺ \u{A0}| AT&T &bogus;")])
    }

    /// The nine positions, worked out from the table in NumpadAlignment's documentation.
    @Test(arguments: [
        (1, "bottom", "left"), (2, "bottom", "center"), (3, "bottom", "right"),
        (4, "middle", "left"), (5, "middle", "center"), (6, "middle", "right"),
        (7, "top", "left"), (8, "top", "center"), (9, "top", "right"),
    ])
    func numpadOverrideMapsToCueSettings(number: Int, row: String, column: String) throws {
        let cue = try SRT.cue("{\\an\(number)}Text")
        #expect(cue.content == [.text("Text")])
        var expected = CueSettings()
        switch row {
        case "middle": expected.line = .percentage(50); expected.lineAlign = .center
        case "top": expected.line = .number(0)
        default: break
        }
        expected.align = column == "left" ? .left : column == "right" ? .right : .center
        #expect(cue.settings == expected)
    }

    @Test func legacySSAAlignmentNumbersRowsDifferently() throws {
        // SSA {\a6} is top centre ({\an8}); {\a10} is middle centre ({\an5}).
        #expect(try SRT.cue("{\\a6}x").settings.line == .number(0))
        #expect(try SRT.cue("{\\a10}x").settings.line == .percentage(50))
        #expect(try SRT.cue("{\\a10}x").settings.align == .center)
    }

    @Test func otherOverrideBlocksAreRemovedAndTheFirstAlignmentWins() throws {
        let cue = try SRT.cue("{\\pos(10,20)\\b1}{\\an9}Top right{\\an1} {\\fad(200,200)}done")
        #expect(cue.content == [.text("Top right done")])
        #expect(cue.settings.line == .number(0))
        #expect(cue.settings.align == .right)
    }

    @Test func bracesThatAreNotOverridesStayText() throws {
        #expect(try SRT.cue("{laughs} and {\\unclosed").content == [.text("{laughs} and {\\unclosed")])
    }

    @Test func deepNestingIsBoundedNotRecursive() throws {
        let depth = 100_000
        let line = String(repeating: "<i>", count: depth) + "deep" + String(repeating: "</i>", count: depth)
        let cue = try SRT.cue(line)
        var nodes = cue.content
        var levels = 0
        while case .span(let span)? = nodes.first {
            levels += 1
            nodes = span.children
        }
        #expect(levels == 32)
        #expect(cue.plainText == "deep")
    }
}
