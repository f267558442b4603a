/// One node of a cue's text: the tree the WebVTT cue text parser builds,
/// and the form every format's inline markup is read into.
public enum CueNode: Sendable, Hashable {
    /// Plain text, with character references already decoded.
    case text(String)
    /// An inline timestamp (WebVTT `<00:01.500>`, karaoke-style word timing).
    case timestamp(MediaTime)
    /// Marked-up text: italic, bold, voice, class, ruby and so on.
    case span(CueSpan)
}

/// An element of cue text with its children.
public struct CueSpan: Sendable, Hashable {
    /// What kind of markup this span is.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// `<c>`: a span that only carries classes.
        case `class` = "c"
        /// `<i>`.
        case italic = "i"
        /// `<b>`.
        case bold = "b"
        /// `<u>`.
        case underline = "u"
        /// `<ruby>`: base text with annotations.
        case ruby = "ruby"
        /// `<rt>`: a ruby annotation, only inside `ruby`.
        case rubyText = "rt"
        /// `<v Speaker>`: who is speaking; the speaker is the annotation.
        case voice = "v"
        /// `<lang xx>`: the language of the text; the tag is the annotation.
        case language = "lang"
    }

    /// The markup kind.
    public var kind: Kind
    /// CSS-style classes (`<c.loud.red>` has `["loud", "red"]`).
    public var classes: [String]
    /// The voice's speaker name or the language tag; `nil` for other kinds.
    public var annotation: String?
    /// The nested content.
    public var children: [CueNode]

    /// Creates a span.
    public init(kind: Kind, classes: [String] = [], annotation: String? = nil, children: [CueNode] = []) {
        self.kind = kind
        self.classes = classes
        self.annotation = annotation
        self.children = children
    }
}

extension Array where Element == CueNode {
    /// The text of these nodes with all markup removed; ruby annotations
    /// (`<rt>`) are left out, since they repeat the base text's reading.
    public var plainText: String {
        var result = ""
        appendPlainText(to: &result)
        return result
    }

    func appendPlainText(to result: inout String) {
        for node in self {
            switch node {
            case .text(let text): result += text
            case .timestamp: break
            case .span(let span):
                if span.kind != .rubyText { span.children.appendPlainText(to: &result) }
            }
        }
    }

    /// The speakers named by voice spans, in order of first appearance.
    public var voices: [String] {
        var names: [String] = []
        func walk(_ nodes: [CueNode]) {
            for case .span(let span) in nodes {
                if span.kind == .voice, let name = span.annotation, !name.isEmpty, !names.contains(name) {
                    names.append(name)
                }
                walk(span.children)
            }
        }
        walk(self)
        return names
    }
}
