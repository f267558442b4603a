/// WebVTT cue text markup: serialising the cue node tree back to text.
public enum WebVTTCueText {
    /// Writes nodes as WebVTT cue text, escaping `&`, `<` and `>` in text.
    ///
    /// The result parses back to the same nodes with the WebVTT cue text parser.
    public static func serialize(_ nodes: [CueNode]) -> String {
        var out = ""
        append(nodes, to: &out)
        return out
    }

    static func append(_ nodes: [CueNode], to out: inout String) {
        for node in nodes {
            switch node {
            case .text(let text):
                appendEscaped(text, to: &out)
            case .timestamp(let time):
                out += "<" + TimestampFormatter(fractionSeparator: ".").string(time) + ">"
            case .span(let span):
                out += "<" + span.kind.rawValue
                for cls in span.classes { out += "." + cls }
                if let annotation = span.annotation, !annotation.isEmpty {
                    out += " "
                    appendEscaped(annotation, to: &out)
                }
                out += ">"
                append(span.children, to: &out)
                out += "</" + span.kind.rawValue + ">"
            }
        }
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
