/// WebVTT cue text markup: serialising the cue node tree back to text.
///
/// Everything is written as UTF-8 bytes: the characters that need escaping
/// (`&`, `<`, `>`) and the ones that end class names are all ASCII, so no
/// multi-byte character is ever looked into.
public enum WebVTTCueText {
    /// Writes nodes as WebVTT cue text, escaping `&`, `<` and `>` in text.
    ///
    /// The result parses back to the same nodes with the WebVTT cue text
    /// parser, except what cue text cannot hold: class names lose whitespace,
    /// `.` and `>`, and annotations have their whitespace collapsed, as the
    /// parser would leave them.
    ///
    /// - Parameter nodes: the cue's nodes.
    /// - Returns: the cue text.
    /// - Complexity: O(n) in the size of the tree, without recursion, so any
    ///   depth of nesting is safe.
    public static func serialize(_ nodes: [CueNode]) -> String {
        var out: [UInt8] = []
        append(nodes, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes nodes as the payload of a cue block: ``serialize(_:)``, with
    /// line breaks that would leave an empty line (which ends a cue block)
    /// written as `&#10;`, and carriage returns as `&#13;`, so the text reads
    /// back unchanged.
    ///
    /// - Parameter nodes: the cue's nodes.
    /// - Returns: the payload; no line of it is empty, and none holds `-->`.
    public static func payload(_ nodes: [CueNode]) -> String {
        var out: [UInt8] = []
        appendPayload(nodes, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the serialised nodes to `out`.
    static func append(_ nodes: [CueNode], to out: inout [UInt8]) {
        for node in nodes {
            switch node {
            case .text, .timestamp: appendLeaf(node, to: &out)
            case .span(let span): appendSpan(span, to: &out)
            }
        }
    }

    /// Appends a span and everything inside it, with an explicit stack.
    private static func appendSpan(_ span: CueSpan, to out: inout [UInt8]) {
        appendStartTag(span, to: &out)
        // Most spans hold only text (`<v Anna>…</v>`, `<i>…</i>`): no stack needed.
        if span.children.allSatisfy({ if case .span = $0 { false } else { true } }) {
            for child in span.children { appendLeaf(child, to: &out) }
            appendEndTag(span.kind, to: &out)
            return
        }
        // Each frame is a list of siblings being written and the span whose
        // end tag follows them.
        var stack: [(nodes: [CueNode], next: Int, kind: CueSpan.Kind)] = [(span.children, 0, span.kind)]
        while !stack.isEmpty {
            let top = stack.count - 1
            guard stack[top].next < stack[top].nodes.count else {
                appendEndTag(stack[top].kind, to: &out)
                stack.removeLast()
                continue
            }
            let node = stack[top].nodes[stack[top].next]
            stack[top].next += 1
            if case .span(let child) = node {
                appendStartTag(child, to: &out)
                stack.append((child.children, 0, child.kind))
            } else {
                appendLeaf(node, to: &out)
            }
        }
    }

    /// Appends text (escaped) or a timestamp tag; spans are not leaves.
    private static func appendLeaf(_ node: CueNode, to out: inout [UInt8]) {
        switch node {
        case .text(let text):
            appendEscaped(text, to: &out)
        case .timestamp(let time):
            out.append(UInt8(ascii: "<"))
            TimestampFormatter(fractionSeparator: ".").append(time, to: &out)
            out.append(UInt8(ascii: ">"))
        case .span:
            break
        }
    }

    private static func appendEndTag(_ kind: CueSpan.Kind, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "<"))
        out.append(UInt8(ascii: "/"))
        tagName(kind).withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(UInt8(ascii: ">"))
    }

    /// Appends the payload form of the nodes (see ``payload(_:)``) to `out`.
    ///
    /// - Returns: how many line breaks were written.
    @discardableResult
    static func appendPayload(_ nodes: [CueNode], to out: inout [UInt8]) -> Int {
        let start = out.count
        append(nodes, to: &out)
        // A line break needs escaping when it would leave an empty line: at
        // the start, after another one, or at the end. So does every CR.
        let (fine, lineBreakCount) = out.withUnsafeBufferPointer { buffer in
            var lineBreaks = 0
            var previous: UInt8 = 0x0A
            for i in start..<buffer.count {
                let byte = buffer[i]
                if byte == 0x0D || (byte == 0x0A && previous == 0x0A) { return (false, 0) }
                if byte == 0x0A { lineBreaks += 1 }
                previous = byte
            }
            return (previous != 0x0A || buffer.count == start, lineBreaks)
        }
        if fine { return lineBreakCount }
        let text = Array(out[start...])
        out.removeSubrange(start...)
        var lineBreaks = 0
        var lineIsEmpty = true
        for (i, byte) in text.enumerated() {
            switch byte {
            case 0x0D:
                out.append(contentsOf: "&#13;".utf8)
                lineIsEmpty = false
            case 0x0A where lineIsEmpty || i == text.count - 1:
                // A real break here would leave the line before or after it empty.
                out.append(contentsOf: "&#10;".utf8)
                lineIsEmpty = false
            case 0x0A:
                out.append(byte)
                lineBreaks += 1
                lineIsEmpty = true
            default:
                out.append(byte)
                lineIsEmpty = false
            }
        }
        return lineBreaks
    }

    /// `<kind.class1.class2 annotation>`.
    private static func appendStartTag(_ span: CueSpan, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "<"))
        tagName(span.kind).withUTF8Buffer { out.append(contentsOf: $0) }
        for name in span.classes {
            // A class name ends at whitespace, `.` or `>`, so those cannot be written.
            let isDelimiter = { (byte: UInt8) in byte == UInt8(ascii: ".") || byte == UInt8(ascii: ">") || byte.isASCIIWhitespace }
            if name.utf8.contains(where: isDelimiter) {
                let kept = name.utf8.filter { !isDelimiter($0) }
                if !kept.isEmpty {
                    out.append(UInt8(ascii: "."))
                    out.append(contentsOf: kept)
                }
            } else if !name.isEmpty {
                out.append(UInt8(ascii: "."))
                out.append(contentsOf: name.utf8)
            }
        }
        if let annotation = span.annotation {
            // The parser trims an annotation and collapses its whitespace.
            if annotation.utf8.hasCollapsedWhitespace {
                if !annotation.isEmpty {
                    out.append(0x20)
                    appendEscaped(annotation, to: &out)
                }
            } else {
                let collapsed = annotation.utf8.collapsingWhitespace()
                if !collapsed.isEmpty {
                    out.append(0x20)
                    appendEscaped(String(decoding: collapsed, as: UTF8.self), to: &out)
                }
            }
        }
        out.append(UInt8(ascii: ">"))
    }

    /// The tag name of a span kind (its raw value, without building a string).
    private static func tagName(_ kind: CueSpan.Kind) -> StaticString {
        switch kind {
        case .class: "c"
        case .italic: "i"
        case .bold: "b"
        case .underline: "u"
        case .ruby: "ruby"
        case .rubyText: "rt"
        case .voice: "v"
        case .language: "lang"
        }
    }

    /// The bytes ``appendEscaped(_:to:)`` writes as character references.
    private static let escaped = ByteFinder(UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: ">"))

    /// Appends text with `&`, `<` and `>` written as character references.
    static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            // Most text has nothing to escape: one look, eight bytes at a
            // time, and one copy.
            guard escaped.occurs(in: bytes, 0..<bytes.count) else {
                out.append(contentsOf: bytes)
                return
            }
            var runStart = 0
            for i in bytes.indices {
                let escape: StaticString
                switch bytes[i] {
                case UInt8(ascii: "&"): escape = "&amp;"
                case UInt8(ascii: "<"): escape = "&lt;"
                case UInt8(ascii: ">"): escape = "&gt;"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                escape.withUTF8Buffer { out.append(contentsOf: $0) }
                runStart = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }
}
