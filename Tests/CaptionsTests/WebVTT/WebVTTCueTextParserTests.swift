import Testing
@testable import Captions

/// Parses cue text alone.
private func nodes(_ text: String) -> [CueNode] {
    WebVTTCueTextParser.parse(Array(text.utf8)) { _ in }
}

private func span(_ kind: CueSpan.Kind, classes: [String] = [], _ annotation: String? = nil, _ children: CueNode...) -> CueNode {
    .span(CueSpan(kind: kind, classes: classes, annotation: annotation, children: children))
}

@Suite("WebVTT cue text parsing")
struct WebVTTCueTextParserTests {
    @Test(arguments: [
        ("&amp; &lt; &gt;", "& < >"),
        ("a&nbsp;b", "a\u{A0}b"),
        // The longest name in the table wins; "&notit;" is "&not" then "it;".
        ("&notin; &notit;", "\u{2209} \u{AC}it;"),
        ("&#x41;&#66;&#X43", "ABC"),
        ("&#0; &#x110000; &#xD800;", "\u{FFFD} \u{FFFD} \u{FFFD}"),
        ("&#128;", "\u{20AC}"),
        ("&bogus; & alone &# &#x; &", "&bogus; & alone &# &#x; &"),
        ("&ampx &amp", "&x &"),
    ])
    func characterReferences(_ text: String, decoded: String) {
        #expect(nodes(text) == [.text(decoded)])
    }

    @Test func plainTextIsOneNode() {
        #expect(nodes("two\nlines  ") == [.text("two\nlines  ")])
        #expect(nodes("") == [])
    }

    @Test func endTagsOnlyCloseTheCurrentSpan() {
        // "</i>" inside <b> is ignored; "</b>" closes <b>; the end closes <i>.
        #expect(nodes("<i><b>x</i>y</b>z") == [span(.italic, nil, span(.bold, nil, .text("xy")), .text("z"))])
        // An end tag with a space in its name names no tag.
        #expect(nodes("<b>x</b >y") == [span(.bold, nil, .text("xy"))])
        // An end tag cut off by the end of the text still closes.
        #expect(nodes("<u>x</u") == [span(.underline, nil, .text("x"))])
        #expect(nodes("</b>x") == [.text("x")])
    }

    @Test func rubyTextOnlyInsideRubyAndEndRubyClosesBoth() {
        #expect(nodes("<ruby>漢<rt>kan</rt>字<rt>ji</ruby>!") == [
            span(.ruby, nil, .text("漢"), span(.rubyText, nil, .text("kan")), .text("字"), span(.rubyText, nil, .text("ji"))),
            .text("!"),
        ])
        #expect(nodes("<rt>x</rt>") == [.text("x")])
        #expect(nodes("<ruby><b><rt>x") == [span(.ruby, nil, span(.bold, nil, .text("x")))])
    }

    @Test func voicesWithClassesAndAnnotations() {
        #expect(nodes("<v.first.loud Esme Smith>It's") == [span(.voice, classes: ["first", "loud"], "Esme Smith", .text("It's"))])
        #expect(nodes("<v \t Anna \n Bell  >x</v>") == [span(.voice, "Anna Bell", .text("x"))])
        #expect(nodes("<v>x") == [span(.voice, "", .text("x"))])
        #expect(nodes("<v A&amp;B &lt;3&gt;>x") == [span(.voice, "A&B <3>", .text("x"))])
        #expect(nodes("<lang en-GB>colour</lang>") == [span(.language, "en-GB", .text("colour"))])
    }

    @Test func classesOnOtherSpansAndEmptyClassesDropped() {
        #expect(nodes("<i.foreign>x</i>") == [span(.italic, classes: ["foreign"], nil, .text("x"))])
        #expect(nodes("<c..a.>x") == [span(.class, classes: ["a"], nil, .text("x"))])
        // Only voices and language spans keep an annotation.
        #expect(nodes("<b note>x") == [span(.bold, nil, .text("x"))])
        #expect(nodes("<c.a&amp;b>x") == [span(.class, classes: ["a&amp;b"], nil, .text("x"))])
    }

    @Test func unknownAndMalformedTagsAreIgnored() {
        #expect(nodes("<font color=red>x</font>") == [.text("x")])
        #expect(nodes("<B>x</B>") == [.text("x")])
        // "< b" is a tag with an empty name and the annotation "b".
        #expect(nodes("a < b") == [.text("a ")])
        #expect(nodes("a<>b") == [.text("ab")])
    }

    @Test func timestampTags() {
        #expect(nodes("a<00:00:01.500>b<01.5>c<00:01.000 >d") == [.text("a"), .timestamp(MediaTime(milliseconds: 1500)), .text("bcd")])
        #expect(nodes("<b>x<100:00:00.001>") == [span(.bold, nil, .text("x"), .timestamp(MediaTime(milliseconds: 360_000_001)))])
    }

    @Test func ignoredTagsAreReportedAtTheirOffset() {
        var issues: [WebVTTCueTextParser.Issue] = []
        _ = WebVTTCueTextParser.parse(Array("ab<font>c<rt>d<1:2>".utf8)) { issues.append($0) }
        #expect(issues.map(\.offset) == [2, 9, 14])
        #expect(issues.map(\.code) == ["unknown-tag", "misplaced-tag", "invalid-timestamp"])
        #expect(issues.first?.message == "ignored unknown tag <font>")
    }

    @Test func deepNestingIsCappedWithoutRecursion() {
        let depth = 100_000
        let text = String(repeating: "<b>", count: depth) + "x" + String(repeating: "</b>", count: depth) + "y"
        var issues: [WebVTTCueTextParser.Issue] = []
        let parsed = WebVTTCueTextParser.parse(Array(text.utf8)) { issues.append($0) }
        #expect(issues.map(\.code) == ["nesting-too-deep"])
        // 64 nested <b>, "x" innermost; the first 64 "</b>" close them all and "y" is at the top.
        var level = parsed
        var spans = 0
        while case .span(let span)? = level.first {
            #expect(span.kind == .bold)
            spans += 1
            level = span.children
        }
        #expect(spans == WebVTTCueTextParser.maximumDepth)
        #expect(level == [.text("x")])
        #expect(parsed.count == 2 && parsed.last == .text("y"))
    }

    @Test func deepNestingInAFileDoesNotCrashTheReader() throws {
        let text = "WEBVTT\n\n00:00.000 --> 00:01.000\n" + String(repeating: "<i>", count: 100_000) + "deep\n"
        let result = try readVTT(text)
        #expect(result.document.cues.first?.plainText == "deep")
        #expect(result.diagnostics.map(\.description) == ["t.vtt:4:193: warning: tags nested more than 64 deep are ignored"])
    }
}
