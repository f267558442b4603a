import Testing
@testable import Captions

@Suite("Cue lines")
struct CueLinesTests {
    @Test func collapsesWhitespaceAsARendererShowsIt() {
        let lines = CueLines([.text("  Two  spaces\r\n\n and\ta tab ")])
        #expect(lines.words == ["Two", "spaces", "and", "a", "tab"])
        #expect(lines.breaks == [false, true, false, false])
        #expect(lines.lines == ["Two spaces", "and a tab"])
        #expect(lines.lineLengths == [10, 9])
        #expect(lines.characterCount == 19)
    }

    @Test func noBreakSpaceJoinsWordsAndGraphemesCountOnce() {
        // "é" written as e + combining acute is one character on screen.
        let lines = CueLines([.text("10\u{A0}km cafe\u{301}")])
        #expect(lines.words == ["10\u{A0}km", "cafe\u{301}"])
        #expect(lines.lineLengths == [10])
        #expect(lines.wordCount == 2)
    }

    @Test func rubyAnnotationsAreNotLineText() {
        let nodes: [CueNode] = [.span(CueSpan(kind: .ruby, children: [.text("漢字"), .span(CueSpan(kind: .rubyText, children: [.text("かんじ")]))]))]
        #expect(CueLines(nodes).words == ["漢字"])
    }

    @Test func rewritingReplacesWhitespaceRunsThatCrossSpans() {
        let nodes: [CueNode] = [
            .text("Heavy "),
            .span(CueSpan(kind: .italic, children: [.text(" rain\nhas")])),
            .text(" closed roads."),
        ]
        let lines = CueLines(nodes)
        #expect(lines.words == ["Heavy", "rain", "has", "closed", "roads."])
        #expect(lines.breaks == [false, true, false, false])
        let rewritten = CueLines.rewrite(nodes, breaks: [false, false, true, false])
        #expect(rewritten == [
            .text("Heavy "),
            .span(CueSpan(kind: .italic, children: [.text("rain has")])),
            .text("\nclosed roads."),
        ])
    }

    @Test func dialogueIsTwoLinesOpenedWithADash() {
        #expect(CueLines([.text("-Coming?\n-Yes.")]).isDialogue)
        #expect(CueLines([.text("Coming?\n\u{2013} Yes.")]).isDialogue)
        #expect(!CueLines([.text("A well-known\nfact.")]).isDialogue)
    }

    @Test func breakerPrefersBalancedLinesWithTheLowerOneLonger() {
        let breaker = LineBreaker(maxCharactersPerLine: 42, weakEndings: [])
        // No punctuation: "Heavy rain has closed" (21) / "roads across the north" (22) is the most even.
        let cue = CueLines([.text("Heavy rain has closed roads across the north")])
        #expect(breaker.layout(cue, lineCount: 2).map { cue.withBreaks($0).lines } == ["Heavy rain has closed", "roads across the north"])
        // 44 characters: two lines at 42, one at 44.
        #expect(breaker.fewestLines(cue, maxLines: 2).map { cue.withBreaks($0).lines.count } == 2)
        let wide = LineBreaker(maxCharactersPerLine: 44, weakEndings: [])
        #expect(wide.fewestLines(cue, maxLines: 2).map { cue.withBreaks($0).lines } == ["Heavy rain has closed roads across the north"])
    }

    @Test func breakerLaysOutThreeLinesWithinTheLimit() throws {
        let breaker = LineBreaker(maxCharactersPerLine: 20, weakEndings: [.article])
        let cue = CueLines([.text("One, two, three, four, five, six, seven, eight.")])
        let breaks = try #require(breaker.fewestLines(cue, maxLines: 3))
        let lines = cue.withBreaks(breaks).lines
        #expect(lines.count == 3 && lines.allSatisfy { $0.count <= 20 })
        #expect(lines.joined(separator: " ") == "One, two, three, four, five, six, seven, eight.")
        #expect(breaker.fewestLines(cue, maxLines: 2) == nil)
    }
}
