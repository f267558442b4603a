import Captions

/// Builds caption documents in tests from WebVTT-like cue text, so the word
/// stream and alignment can be tested without depending on a format reader.
///
/// Understands `<v Name>`, `<c>`, `<i>`, `<b>`, `<u>`, their end tags, and
/// inline timestamps written as seconds (`<12.5>`).
enum CueMarkup {
    /// The nodes of one cue's text.
    static func nodes(_ text: String) -> [CueNode] {
        var stack: [(span: CueSpan?, children: [CueNode])] = [(nil, [])]
        var rest = Substring(text)
        while !rest.isEmpty {
            guard let open = rest.firstIndex(of: "<") else {
                stack[stack.count - 1].children.append(.text(String(rest)))
                break
            }
            if open > rest.startIndex { stack[stack.count - 1].children.append(.text(String(rest[..<open]))) }
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("/") {
                guard stack.count > 1, let frame = stack.popLast(), var span = frame.span else { continue }
                span.children = frame.children
                stack[stack.count - 1].children.append(.span(span))
            } else if let seconds = Double(tag) {
                stack[stack.count - 1].children.append(.timestamp(time(seconds)))
            } else {
                let name = tag.prefix { $0 != " " && $0 != "." }
                let annotation = tag.firstIndex(of: " ").map { String(tag[tag.index(after: $0)...]) }
                let kind = CueSpan.Kind(rawValue: String(name)) ?? .class
                stack.append((CueSpan(kind: kind, annotation: annotation), []))
            }
        }
        while stack.count > 1, let frame = stack.popLast(), var span = frame.span {
            span.children = frame.children
            stack[stack.count - 1].children.append(.span(span))
        }
        return stack[0].children
    }

    /// A cue from seconds and marked-up text.
    static func cue(_ start: Double, _ end: Double?, _ text: String, id: String = "") -> Cue {
        Cue(id: id, start: time(start), end: end.map(time), content: nodes(text))
    }

    /// A WebVTT document of the given cues.
    static func document(_ cues: [Cue]) -> CaptionDocument {
        CaptionDocument(format: .webvtt, cues: cues)
    }

    /// Seconds as a media time, to the millisecond.
    static func time(_ seconds: Double) -> MediaTime {
        MediaTime(milliseconds: Int64((seconds * 1000).rounded()))
    }
}
