/// The "WebVTT cue text parsing rules": builds the node tree of one cue's
/// text from the tokens of ``WebVTTCueTextTokenizer``.
///
/// The tree is built with an explicit stack of open spans, never by
/// recursion, and at most ``maximumDepth`` spans are open at once: deeper
/// start tags are ignored (and reported), so a cue of 100,000 nested `<b>`
/// costs neither stack nor a tree too deep for the model's own recursion.
/// Adjacent text is merged into one node, as a DOM's `normalize()` would.
struct WebVTTCueTextParser {
    /// A problem found in the cue text, at a byte offset of the text.
    struct Issue {
        /// The offset of the tag's `<` in the cue text.
        var offset: Int
        var code: String
        var message: String
    }

    /// The most spans open at once; real captions nest three or four deep.
    static let maximumDepth = 64

    /// Parses cue text.
    ///
    /// - Parameters:
    ///   - text: the cue text's UTF-8 bytes, lines joined by LF; valid UTF-8
    ///     (the reader decodes and validates the whole file first).
    ///   - report: called for each tag that is ignored.
    /// - Returns: the cue's nodes.
    static func parse(_ text: [UInt8], report: (Issue) -> Void) -> [CueNode] {
        if !needsTokenizing(text) {
            return text.isEmpty ? [] : [.text(text.stringFromValidatedUTF8(0..<text.count))]
        }
        var tokenizer = WebVTTCueTextTokenizer(text)
        var tree = OpenSpans()
        var reportedDepth = false
        while let token = tokenizer.next() {
            switch token {
            case .text(let string):
                tree.append(.text(string))
            case .startTag(let nameRange, let classRanges, let annotation, let offset):
                guard let kind = kind(text, nameRange) else {
                    report(Issue(offset: offset, code: "unknown-tag", message: "ignored unknown tag <\(text.webVTTString(nameRange))>"))
                    continue
                }
                if kind == .rubyText, tree.currentKind != .ruby {
                    report(Issue(offset: offset, code: "misplaced-tag", message: "ignored <rt> outside <ruby>"))
                    continue
                }
                guard tree.depth < maximumDepth else {
                    if !reportedDepth {
                        report(Issue(offset: offset, code: "nesting-too-deep", message: "tags nested more than \(maximumDepth) deep are ignored"))
                        reportedDepth = true
                    }
                    continue
                }
                let classes = classRanges.filter { !$0.isEmpty }.map { text.webVTTString($0) }
                let keepsAnnotation = kind == .voice || kind == .language
                tree.open(CueSpan(kind: kind, classes: classes, annotation: keepsAnnotation ? annotation ?? "" : nil))
            case .endTag(let nameRange, _):
                guard let kind = kind(text, nameRange), let current = tree.currentKind else { continue }
                if kind == current {
                    tree.close()
                } else if kind == .ruby, current == .rubyText {
                    // `</ruby>` inside `<rt>` closes both; an `<rt>` is only
                    // ever opened directly inside a `<ruby>`.
                    tree.close()
                    tree.close()
                }
            case .timestamp(let range, let offset):
                if let (time, next) = TimestampScanner(mode: .webVTT).scan(text, from: range.lowerBound, to: range.upperBound),
                   next == range.upperBound {
                    tree.append(.timestamp(time))
                } else {
                    report(Issue(offset: offset, code: "invalid-timestamp", message: "ignored invalid timestamp tag <\(text.webVTTString(range))>"))
                }
            }
        }
        return tree.finish()
    }

    /// `true` unless the text is plain: no tag, no character reference, no U+0000.
    private static func needsTokenizing(_ text: [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { buffer in
            for byte in buffer where byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") || byte == 0 {
                return true
            }
            return false
        }
    }

    /// The span kind a tag name stands for (case-sensitively), or `nil`.
    private static func kind(_ bytes: [UInt8], _ name: Range<Int>) -> CueSpan.Kind? {
        switch name.count {
        case 1:
            switch bytes[name.lowerBound] {
            case UInt8(ascii: "c"): .class
            case UInt8(ascii: "i"): .italic
            case UInt8(ascii: "b"): .bold
            case UInt8(ascii: "u"): .underline
            case UInt8(ascii: "v"): .voice
            default: nil
            }
        case 2: bytes.equals("rt", in: name) ? .rubyText : nil
        case 4: bytes.equals("ruby", in: name) ? .ruby : bytes.equals("lang", in: name) ? .language : nil
        default: nil
        }
    }
}

/// The spans the tree builder has open, innermost last, and the finished
/// top-level nodes.
private struct OpenSpans {
    private var root: [CueNode] = []
    private var open: [CueSpan] = []

    var depth: Int { open.count }

    /// The kind of the innermost open span ("current" in the specification),
    /// or `nil` at the top level.
    var currentKind: CueSpan.Kind? { open.last?.kind }

    /// Appends a node to the current span, merging text with text before it.
    mutating func append(_ node: CueNode) {
        if open.isEmpty {
            Self.append(node, to: &root)
        } else {
            Self.append(node, to: &open[open.count - 1].children)
        }
    }

    mutating func open(_ span: CueSpan) {
        open.append(span)
    }

    /// Closes the innermost span ("let current be the parent node of current").
    mutating func close() {
        guard let span = open.popLast() else { return }
        append(.span(span))
    }

    /// Closes every open span and returns the top-level nodes.
    mutating func finish() -> [CueNode] {
        while !open.isEmpty { close() }
        return root
    }

    private static func append(_ node: CueNode, to nodes: inout [CueNode]) {
        if case .text(let next) = node {
            guard !next.isEmpty else { return }
            if case .text(let previous)? = nodes.last {
                nodes[nodes.count - 1] = .text(previous + next)
                return
            }
        }
        nodes.append(node)
    }
}
