/// WebVTT cue text markup: serialising the cue node tree back to text.
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
        var out = ""
        // Each frame is a list of siblings being written and, for a span's
        // children, the tag to close once they are done.
        var stack: [(nodes: [CueNode], next: Int, closing: String?)] = [(nodes, 0, nil)]
        while let top = stack.last {
            guard top.next < top.nodes.count else {
                if let closing = top.closing { out += "</" + closing + ">" }
                stack.removeLast()
                continue
            }
            stack[stack.count - 1].next += 1
            switch top.nodes[top.next] {
            case .text(let text):
                appendEscaped(text, to: &out)
            case .timestamp(let time):
                out += "<" + TimestampFormatter(fractionSeparator: ".").string(time) + ">"
            case .span(let span):
                out += "<" + span.kind.rawValue
                for name in span.classes {
                    let kept = name.unicodeScalars.filter { !isClassDelimiter($0) }
                    if !kept.isEmpty { out += "." + String(String.UnicodeScalarView(kept)) }
                }
                if let annotation = span.annotation {
                    let words = annotation.split(whereSeparator: { $0.isASCII && $0.asciiValue?.isASCIIWhitespace == true })
                    if !words.isEmpty {
                        out += " "
                        appendEscaped(words.joined(separator: " "), to: &out)
                    }
                }
                out += ">"
                stack.append((span.children, 0, span.kind.rawValue))
            }
        }
        return out
    }

    /// Writes nodes as the payload of a cue block: ``serialize(_:)``, with
    /// line breaks that would leave an empty line (which ends a cue block)
    /// written as `&#10;`, and carriage returns as `&#13;`, so the text reads
    /// back unchanged.
    ///
    /// - Parameter nodes: the cue's nodes.
    /// - Returns: the payload; no line of it is empty, and none holds `-->`.
    public static func payload(_ nodes: [CueNode]) -> String {
        let text = serialize(nodes)
        guard text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        let bytes = Array(text.utf8)
        var lineIsEmpty = true
        for (i, byte) in bytes.enumerated() {
            switch byte {
            case 0x0D:
                out.append(contentsOf: Array("&#13;".utf8))
                lineIsEmpty = false
            case 0x0A where lineIsEmpty || i == bytes.count - 1:
                // A real break here would end the line before it or after it empty.
                out.append(contentsOf: Array("&#10;".utf8))
                lineIsEmpty = false
            case 0x0A:
                out.append(byte)
                lineIsEmpty = true
            default:
                out.append(byte)
                lineIsEmpty = false
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Characters that end a class name in a start tag.
    private static func isClassDelimiter(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "." || scalar == ">" || (scalar.isASCII && UInt8(scalar.value).isASCIIWhitespace)
    }

    static func appendEscaped(_ text: String, to out: inout String) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.unicodeScalars.append(scalar)
            }
        }
    }
}
