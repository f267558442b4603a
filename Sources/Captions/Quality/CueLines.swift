/// The visible words of a cue and where its lines break, read from the cue's
/// node tree and written back into it, so re-breaking keeps every span,
/// voice and inline timestamp where it was.
///
/// Whitespace is collapsed the way renderers show it (WebVTT cue text is laid
/// out with `white-space: pre-line`): a run of spaces is one space, and a run
/// holding a line break is one break. No-break spaces join words.
struct CueLines: Sendable, Hashable {
    /// The visible words, in order.
    var words: [String]
    /// The visible characters (grapheme clusters) of each word.
    var lengths: [Int]
    /// `breaks[i]` is `true` when a line break separates `words[i]` from `words[i + 1]`.
    var breaks: [Bool]

    /// Reads the words and line breaks of cue text.
    ///
    /// - Parameter nodes: the cue's content.
    init(_ nodes: [CueNode]) {
        words = []
        lengths = []
        breaks = []
        var word = String.UnicodeScalarView()
        var wordIsASCII = true
        var pendingBreak = false
        var sawSeparator = false
        func finishWord() {
            let text = String(word)
            words.append(text)
            // An ASCII word has one character per scalar; others need grapheme counting.
            lengths.append(wordIsASCII ? word.count : text.count)
            word = String.UnicodeScalarView()
            wordIsASCII = true
        }
        for scalar in nodes.plainText.unicodeScalars {
            if CueLines.separates(scalar) {
                sawSeparator = true
                if CueLines.isLineBreak(scalar) { pendingBreak = true }
                continue
            }
            if sawSeparator, !word.isEmpty { finishWord() }
            if sawSeparator, !words.isEmpty { breaks.append(pendingBreak) }
            sawSeparator = false
            pendingBreak = false
            if !scalar.isASCII { wordIsASCII = false }
            word.append(scalar)
        }
        if !word.isEmpty { finishWord() }
    }

    /// Creates lines from words and breaks directly.
    init(words: [String], breaks: [Bool]) {
        self.words = words
        self.lengths = words.map(\.count)
        self.breaks = breaks
    }

    /// The same words with other line breaks.
    func withBreaks(_ newBreaks: [Bool]) -> CueLines {
        var copy = self
        copy.breaks = newBreaks
        return copy
    }

    /// How many lines there are.
    var lineCount: Int { breaks.reduce(1) { $1 ? $0 + 1 : $0 } }

    /// The words of each line, as ranges of word indices.
    var lineRanges: [Range<Int>] {
        guard !words.isEmpty else { return [] }
        var ranges: [Range<Int>] = []
        var start = 0
        for (index, isBreak) in breaks.enumerated() where isBreak {
            ranges.append(start..<(index + 1))
            start = index + 1
        }
        ranges.append(start..<words.count)
        return ranges
    }

    /// The text of each line, words joined by one space.
    var lines: [String] {
        lineRanges.map { words[$0].joined(separator: " ") }
    }

    /// The visible characters (grapheme clusters) of each line, one space between words.
    var lineLengths: [Int] {
        lineRanges.map { range in lengths[range].reduce(range.count - 1, +) }
    }

    /// `true` when nothing would show: no words, or only no-break spaces.
    var isBlank: Bool {
        words.allSatisfy { $0.unicodeScalars.allSatisfy { !$0.isASCII && $0.properties.isWhitespace } }
    }

    /// The number of visible characters, spaces between words included and
    /// line breaks not counted: Netflix's measure of reading speed.
    var characterCount: Int {
        lengths.reduce(0, +) + breaks.filter { !$0 }.count
    }

    /// The number of words that have a letter or digit (a lone dash or `♪` is not a word).
    var wordCount: Int {
        words.filter { $0.unicodeScalars.contains(where: CueLines.isLetterOrDigit) }.count
    }

    /// `true` when the cue is two speakers' lines (each line opened with a
    /// dash), whose breaks must stay where they are.
    var isDialogue: Bool {
        breaks.indices.contains { index in
            guard breaks[index], let first = words[index + 1].unicodeScalars.first else { return false }
            return first == "-" || first == "\u{2013}" || first == "\u{2014}"
        }
    }

    /// Writes new line breaks into cue text, keeping its markup.
    ///
    /// Each whitespace run between two words becomes one space, or one line
    /// break where `newBreaks` says; whitespace before the first or after the
    /// last word is kept as it was.
    ///
    /// - Parameters:
    ///   - nodes: the cue content the lines were read from.
    ///   - newBreaks: one flag per gap between words, as ``breaks``.
    /// - Returns: the content with the new breaks.
    static func rewrite(_ nodes: [CueNode], breaks newBreaks: [Bool]) -> [CueNode] {
        var actions: [Action] = []
        var sawWord = false
        var runStart: Int?
        var separatorIndex = 0
        for (offset, scalar) in nodes.plainText.unicodeScalars.enumerated() {
            if separates(scalar) {
                actions.append(.keep)
                if runStart == nil { runStart = offset }
                continue
            }
            if let start = runStart, sawWord, separatorIndex < newBreaks.count {
                actions[start] = .replace(newBreaks[separatorIndex] ? "\n" : " ")
                for i in (start + 1)..<offset { actions[i] = .delete }
                separatorIndex += 1
            }
            runStart = nil
            sawWord = true
            actions.append(.keep)
        }
        var cursor = 0
        return apply(actions, to: nodes, cursor: &cursor)
    }

    private enum Action { case keep, delete, replace(Unicode.Scalar) }

    /// Walks the nodes in the order ``Array/plainText`` reads them, applying
    /// one action per visible scalar. The depth is that of the cue's tree,
    /// which readers bound.
    private static func apply(_ actions: [Action], to nodes: [CueNode], cursor: inout Int) -> [CueNode] {
        var result: [CueNode] = []
        for node in nodes {
            switch node {
            case .timestamp:
                result.append(node)
            case .text(let text):
                var rewritten = String.UnicodeScalarView()
                for scalar in text.unicodeScalars {
                    let action = cursor < actions.count ? actions[cursor] : .keep
                    cursor += 1
                    switch action {
                    case .keep: rewritten.append(scalar)
                    case .delete: break
                    case .replace(let replacement): rewritten.append(replacement)
                    }
                }
                if !rewritten.isEmpty { result.append(.text(String(rewritten))) }
            case .span(var span):
                // Ruby annotations are not part of the visible line text.
                if span.kind != .rubyText { span.children = apply(actions, to: span.children, cursor: &cursor) }
                result.append(.span(span))
            }
        }
        return result
    }

    /// Whitespace that separates words; no-break spaces do not.
    static func separates(_ scalar: Unicode.Scalar) -> Bool {
        // ASCII first: Unicode property lookups cost more than the rest of a check.
        if scalar.isASCII { return scalar == " " || (scalar.value >= 0x09 && scalar.value <= 0x0D) }
        switch scalar {
        case "\u{00A0}", "\u{2007}", "\u{202F}", "\u{FEFF}": return false
        default: return scalar.properties.isWhitespace
        }
    }

    static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value | 0x20
            return (v >= 0x61 && v <= 0x7A) || (scalar.value >= 0x30 && scalar.value <= 0x39)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": true
        default: false
        }
    }
}
