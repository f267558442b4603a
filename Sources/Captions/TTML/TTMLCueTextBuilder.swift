/// Turns the runs a TTML paragraph shows into WebVTT cue text nodes.
///
/// Whitespace follows `xml:space="default"` (TTML1 §7.2.3, after XSL):
/// whitespace inside a run is already collapsed to single spaces; here a space
/// that follows another space, or starts or ends a line, is dropped. Runs
/// with `xml:space="preserve"` keep theirs. `<br/>` and preserved line feeds
/// become line breaks; empty lines are dropped, since a blank line would end
/// a WebVTT cue.
///
/// Styling becomes nested spans, outermost first: the speaker (`<v>`, with
/// the `ttm:role` as a class), the language (`<lang>`), the colour (a `<c>`
/// class), ruby (`<ruby>`, `<rt>`), then `<i>`, `<b>` and `<u>`. Runs that
/// share outer spans share the span elements.
struct TTMLCueTextBuilder {
    /// One run to show, with the style its region supplies for what the
    /// content leaves unspecified.
    struct Piece {
        var run: TTMLRun
        /// The region's computed style (or the initial values for the default region).
        var regionStyle: TTMLStyle
        /// An inline timestamp to put before the run (a word that appears later).
        var timestamp: MediaTime?
    }

    private enum SpanKey: Hashable {
        case voice(Int32, role: Int32)
        case role(Int32)
        case language(Int32)
        case color(TTMLColor)
        case ruby(Int32)
        case rubyText
        case italic, bold, underline
    }

    private enum Item {
        case text(String, keys: [SpanKey], preserved: Bool)
        case timestamp(MediaTime)
        case lineBreak
    }

    let voices: TTMLNameTable
    let roles: TTMLNameTable
    let languages: TTMLNameTable
    /// Colours used so far, in order of first use, for the style sheet.
    private(set) var colors: [TTMLColor] = []

    init(voices: TTMLNameTable, roles: TTMLNameTable, languages: TTMLNameTable) {
        self.voices = voices
        self.roles = roles
        self.languages = languages
    }

    /// The cue text nodes for `pieces`, in order.
    mutating func nodes(for pieces: [Piece]) -> [CueNode] {
        nest(lines(pieces))
    }

    // MARK: Lines and whitespace

    private mutating func lines(_ pieces: [Piece]) -> [Item] {
        var items: [Item] = []
        var lineStart = 0
        func endLine() {
            // Trailing spaces of the line go, then the line if nothing is left.
            var index = items.count - 1
            while index >= lineStart, case .text(var text, let keys, false) = items[index] {
                while text.utf8.last == 0x20 { text.removeLast() }
                if !text.isEmpty {
                    items[index] = .text(text, keys: keys, preserved: false)
                    break
                }
                items.remove(at: index)
                index -= 1
            }
            let hasText = items[lineStart...].contains { if case .text = $0 { return true } else { return false } }
            if !hasText {
                items.removeSubrange(lineStart...)
            } else {
                items.append(.lineBreak)
            }
            lineStart = items.count
        }
        func previousEndsInSpace() -> Bool {
            for item in items[lineStart...].reversed() {
                if case .text(let text, _, _) = item { return text.utf8.last == 0x20 }
            }
            return true  // start of a line
        }
        for piece in pieces {
            switch piece.run.content {
            case .lineBreak:
                endLine()
            case .text(let raw):
                let keys = spanKeys(piece.run.markup, region: piece.regionStyle)
                if let timestamp = piece.timestamp { items.append(.timestamp(timestamp)) }
                if piece.run.preservesSpace {
                    var first = true
                    for line in raw.split(separator: "\n", omittingEmptySubsequences: false) {
                        if !first { endLine() }
                        first = false
                        if !line.isEmpty { items.append(.text(String(line), keys: keys, preserved: true)) }
                    }
                } else {
                    var text = raw
                    if text.utf8.first == 0x20, previousEndsInSpace() { text.removeFirst() }
                    if !text.isEmpty { items.append(.text(text, keys: keys, preserved: false)) }
                }
            }
        }
        endLine()
        if case .lineBreak? = items.last { items.removeLast() }
        // A timestamp that ends up with no text after it says nothing.
        while case .timestamp? = items.last { items.removeLast() }
        return items
    }

    private mutating func spanKeys(_ markup: TTMLMarkup, region: TTMLStyle) -> [SpanKey] {
        var keys: [SpanKey] = []
        if markup.voice >= 0 {
            keys.append(.voice(markup.voice, role: markup.role))
        } else if markup.role >= 0 {
            keys.append(.role(markup.role))
        }
        if markup.language >= 0 { keys.append(.language(markup.language)) }
        let color = markup.color ?? region.color ?? TTMLColor.initial
        if color != TTMLColor.initial {
            if !colors.contains(color) { colors.append(color) }
            keys.append(.color(color))
        }
        if markup.rubyContainer > 0 { keys.append(.ruby(markup.rubyContainer)) }
        if markup.isRubyText { keys.append(.rubyText) }
        if markup.italic ?? region.italic ?? false { keys.append(.italic) }
        if markup.bold ?? region.bold ?? false { keys.append(.bold) }
        if markup.underline ?? region.underline ?? false { keys.append(.underline) }
        return keys
    }

    // MARK: Nesting

    private func nest(_ items: [Item]) -> [CueNode] {
        // open[0] is the root; each further level is an open span and its children.
        var open: [(key: SpanKey?, children: [CueNode])] = [(nil, [])]
        func close() {
            let level = open.removeLast()
            if let key = level.key { append(.span(span(for: key, children: level.children)), to: &open[open.count - 1].children) }
        }
        for item in items {
            switch item {
            case .lineBreak:
                append(.text("\n"), to: &open[open.count - 1].children)
            case .timestamp(let time):
                append(.timestamp(time), to: &open[open.count - 1].children)
            case .text(let text, let keys, _):
                var shared = 0
                while shared < keys.count, shared + 1 < open.count, open[shared + 1].key == keys[shared] { shared += 1 }
                while open.count > shared + 1 { close() }
                for key in keys[shared...] { open.append((key, [])) }
                append(.text(text), to: &open[open.count - 1].children)
            }
        }
        while open.count > 1 { close() }
        return open[0].children
    }

    private func append(_ node: CueNode, to nodes: inout [CueNode]) {
        if case .text(let addition) = node, case .text(let existing)? = nodes.last {
            nodes[nodes.count - 1] = .text(existing + addition)
        } else {
            nodes.append(node)
        }
    }

    private func span(for key: SpanKey, children: [CueNode]) -> CueSpan {
        switch key {
        case .voice(let voice, let role):
            return CueSpan(kind: .voice, classes: roles[role].map { [TTMLCueTextBuilder.className($0)] } ?? [], annotation: voices[voice], children: children)
        case .role(let role):
            return CueSpan(kind: .class, classes: roles[role].map { [TTMLCueTextBuilder.className($0)] } ?? [], children: children)
        case .language(let language):
            return CueSpan(kind: .language, annotation: languages[language] ?? "", children: children)
        case .color(let color):
            return CueSpan(kind: .class, classes: [color.className], children: children)
        case .ruby:
            return CueSpan(kind: .ruby, children: children)
        case .rubyText:
            return CueSpan(kind: .rubyText, children: children)
        case .italic:
            return CueSpan(kind: .italic, children: children)
        case .bold:
            return CueSpan(kind: .bold, children: children)
        case .underline:
            return CueSpan(kind: .underline, children: children)
        }
    }

    /// A CSS class name made from a `ttm:role` value (which is an NMTOKEN
    /// and may hold characters a class name cannot).
    static func className(_ value: String) -> String {
        String(String.UnicodeScalarView(value.unicodeScalars.map {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" ? $0 : "-"
        }))
    }
}
