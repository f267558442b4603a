import Testing
@testable import Captions

/// Referential, inline and region styling (TTML1 §8.4) as WebVTT markup.
@Suite("TTML styling")
struct TTMLStylingTests {
    static let styles = """
        <styling>
          <style xml:id="s1" tts:color="yellow" tts:fontStyle="italic"/>
          <style xml:id="s2" style="s1" tts:color="red"/>
          <style xml:id="strong" tts:fontWeight="bold"/>
        </styling>
        """

    func text(_ body: String, head: String = TTMLStylingTests.styles) throws -> [String] {
        try TTMLSample.read(head: head, body: "<div>\(body)</div>").cues.map(\.markup)
    }

    @Test func styleChainsInheritAndOverride() throws {
        // s2 takes s1's italic and replaces its colour.
        #expect(try text(#"<p begin="0s" end="1s" style="s2">A</p>"#) == ["<c.red><i>A</i></c>"])
    }

    @Test func theLastReferencedStyleWins() throws {
        #expect(try text(#"<p begin="0s" end="1s" style="s1 s2">A</p>"#) == ["<c.red><i>A</i></c>"])
        #expect(try text(#"<p begin="0s" end="1s" style="s2 s1">A</p>"#) == ["<c.yellow><i>A</i></c>"])
    }

    @Test func inlineStylingOverridesReferencedStyles() throws {
        #expect(try text(#"<p begin="0s" end="1s" style="s1" tts:color="lime" tts:fontStyle="normal">A</p>"#) == ["<c.lime>A</c>"])
    }

    @Test func spansInheritFromTheirParagraph() throws {
        #expect(try text(#"<p begin="0s" end="1s" style="strong">A <span style="s1">B</span> <span tts:textDecoration="underline">C</span></p>"#)
            == ["<b>A </b><c.yellow><i><b>B</b></i></c><b> <u>C</u></b>"])
    }

    @Test func contentInheritsFromItsRegion() throws {
        let head = Self.styles + #"<layout><region xml:id="r" tts:color="cyan" style="strong"/></layout>"#
        #expect(try text(#"<p begin="0s" end="1s" region="r">A <span tts:color="white">B</span></p>"#, head: head)
            == ["<c.cyan><b>A </b></c><b>B</b>"])
    }

    @Test func coloursBecomeClassesWithAStyleSheet() throws {
        let document = try TTMLSample.read(body: """
            <div><p begin="0s" end="1s"><span tts:color="#1A2B3C">A</span> <span tts:color="rgb(255,255,0)">B</span></p></div>
            """)
        #expect(document.cues.map(\.markup) == ["<c.color-1a2b3c>A</c> <c.yellow>B</c>"])
        #expect(document.classColors == ["color-1a2b3c": "#1a2b3c", "yellow": "#ffff00"])
        #expect(document.styleSheets == ["::cue(.color-1a2b3c) { color: #1a2b3c; }\n::cue(.yellow) { color: #ffff00; }"])
    }

    @Test func hiddenAndUndisplayedTextIsLeftOut() throws {
        #expect(try text("""
            <p begin="0s" end="1s">A <span tts:visibility="hidden">secret</span> B</p>
            <p begin="1s" end="2s" tts:display="none">gone</p>
            <p begin="2s" end="3s" tts:visibility="hidden"><span tts:visibility="visible">shown</span> hidden</p>
            """) == ["A B", "shown"])
    }

    @Test func textAlignBecomesCueAlignment() throws {
        let document = try TTMLSample.read(body: #"<div><p begin="0s" end="1s" tts:textAlign="right">A</p><p begin="1s" end="2s">B</p></div>"#)
        #expect(document.cues.map(\.settings.align) == [.right, .center])
    }

    @Test func aStyleCycleIsBrokenWithAWarning() throws {
        let head = #"<styling><style xml:id="a" style="b" tts:fontStyle="italic"/><style xml:id="b" style="a" tts:fontWeight="bold"/></styling>"#
        let result = try TTMLSample.read(TTMLSample.document(head: head, body: #"<div><p begin="0s" end="1s" style="a">A</p></div>"#))
        #expect(result.document.cues.map(\.markup) == ["<i><b>A</b></i>"])
        #expect(result.diagnostics.contains { $0.code == "ttml-style" && $0.message.contains("references itself") })
    }

    @Test func unknownStylesAndInvalidValuesAreReported() throws {
        let result = try TTMLSample.read(TTMLSample.document(body: #"<div><p begin="0s" end="1s" style="nope" tts:color="bluish">A</p></div>"#))
        #expect(result.document.cues.map(\.markup) == ["A"])
        #expect(result.diagnostics.map(\.code) == ["ttml-style", "ttml-style"])
    }

    @Test func rubyBecomesRubyMarkup() throws {
        #expect(try text("""
            <p begin="0s" end="1s"><span tts:ruby="container"><span tts:ruby="base">漢字</span><span tts:ruby="text">かんじ</span></span>です</p>
            """) == ["<ruby>漢字<rt>かんじ</rt></ruby>です"])
    }

    /// `tts:ruby` is a style property like any other (TTML2 §10.2.35), so a
    /// `<style>` can give it (referential styling, §10.4.1.2), as the Netflix
    /// IMSC 1.1 files do. ttconv 1.2.3 only sees it on the span itself and
    /// shows the annotation inline (Docs/ttml-conformance.md).
    @Test func rubyGivenByAReferencedStyleIsRubyToo() throws {
        let document = try TTMLSample.fixture("ruby-referential.ttml").document
        #expect(document.cues.timed == [
            TimedText(seconds("1"), seconds("2"), "<ruby>漢字<rt>かんじ</rt></ruby>です"),
            TimedText(seconds("4"), seconds("5"), "<ruby>漢字<rt>かんじ</rt></ruby>です"),
        ])
    }
}

/// Speakers, languages and whitespace.
@Suite("TTML speakers, languages and whitespace")
struct TTMLTextTests {
    @Test func agentsBecomeVoicesNamedFromTheHead() throws {
        let document = try TTMLSample.fixture("news.ttml").document
        #expect(document.cues.map(\.markup) == [
            "<v Maria Lopez>Good evening.\nHere is the news.</v>",
            "<v.dialog Jan Novak><i>We will act</i> <b>now</b>.</v>",
            "<c.yellow>Breaking</c> &amp; <u>live</u>",
        ])
        #expect(document.cues.map(\.id) == ["c1", "c2", "c3"])
        #expect(document.language == "en")
    }

    @Test func anAgentWithoutANameIsKnownByItsIdentifier() throws {
        let head = #"<metadata><ttm:agent xml:id="holmes" type="character"/></metadata>"#
        let document = try TTMLSample.read(head: head, body: #"<div><p begin="0s" end="1s" ttm:agent="holmes">Elementary.</p></div>"#)
        #expect(document.cues.map(\.markup) == ["<v holmes>Elementary.</v>"])
    }

    @Test func aRoleAloneIsAVoiceWithoutAName() throws {
        let document = try TTMLSample.read(body: #"<div><p begin="0s" end="1s" ttm:role="sound">[door slams]</p></div>"#)
        #expect(document.cues.map(\.markup) == ["<v.sound>[door slams]</v>"])
        #expect(document.cues[0].content.voices.isEmpty)
    }

    @Test func languageChangesBecomeLanguageSpans() throws {
        let document = try TTMLSample.read(body: #"<div><p begin="0s" end="1s">He said <span xml:lang="fr">bonjour <span xml:lang="en">hello</span></span></p></div>"#)
        #expect(document.cues.map(\.markup) == ["He said <lang fr>bonjour </lang>hello"])
    }

    @Test func defaultWhitespaceCollapsesAndTrimsLines() throws {
        let document = try TTMLSample.read(body: "<div><p begin=\"0s\" end=\"1s\">\n   Two   words\t<br/>  and\n more  </p></div>")
        #expect(document.cues.map(\.markup) == ["Two words\nand more"])
    }

    @Test func preservedWhitespaceIsKept() throws {
        let document = try TTMLSample.read(body: "<div><p begin=\"0s\" end=\"1s\" xml:space=\"preserve\">a  b\n  c</p></div>")
        #expect(document.cues.map(\.markup) == ["a  b\n  c"])
    }

    @Test func characterReferencesAndCDATAAreText() throws {
        let document = try TTMLSample.read(body: "<div><p begin=\"0s\" end=\"1s\">&lt;&#x263A;&gt; <![CDATA[R&D]]> &quot;</p></div>")
        #expect(document.cues.map(\.plainText) == ["<☺> R&D \""])
    }

    @Test func prefixedRootsAndElementsAreTTML() throws {
        let text = """
            <tt:tt xmlns:tt="http://www.w3.org/ns/ttml" xml:lang="en"><tt:body><tt:div>\
            <tt:p begin="0s" end="1s">Prefixed<tt:br/>root</tt:p></tt:div></tt:body></tt:tt>
            """
        #expect(try TTMLSample.read(text).document.cues.map(\.markup) == ["Prefixed\nroot"])
    }

    @Test func foreignElementsAndMetadataAreNotText() throws {
        let document = try TTMLSample.read(body: """
            <div><p begin="0s" end="1s" xmlns:x="urn:x"><metadata>note</metadata><x:ed>edit</x:ed>Shown</p></div>
            """)
        #expect(document.cues.map(\.markup) == ["Shown"])
    }

    @Test(arguments: ["utf16le.ttml", "utf16be-no-bom.ttml"])
    func utf16DocumentsAreRead(_ name: String) throws {
        let document = try TTMLSample.fixture(name).document
        #expect(document.cues.timed == [TimedText(seconds("0.5"), seconds("2"), "Grüße aus Köln – ☃")])
        #expect(document.language == "de")
    }
}
