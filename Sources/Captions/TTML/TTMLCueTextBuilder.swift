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
/// the `ttm:role` as a class; a role alone is a `<v>` with no name), the language (`<lang>`), the colour (a `<c>`
/// class), ruby (`<ruby>`, `<rt>`), then `<i>`, `<b>` and `<u>`. Runs that
/// share outer spans share the span elements.
struct TTMLCueTextBuilder {
    /// One run to show.
    struct Piece {
        /// The run's UTF-8 text in the text buffer; `nil` for a line break.
        var text: Range<Int>?
        var markup: TTMLMarkup
        var preservesSpace: Bool
        /// The region slot whose style fills in what the content leaves unspecified.
        var slot: Int
        /// An inline timestamp to put before the run (a word that appears later).
        var timestamp: MediaTime?
    }

    /// The markup of a run once the region's style has filled the gaps.
    private struct Markup: Hashable {
        var voice: Int32 = -1
        var role: Int32 = -1
        var language: Int32 = -1
        var color: TTMLColor?
        var rubyContainer: Int32 = 0
        var isRubyText = false
        var italic = false
        var bold = false
        var underline = false

        static let levels = 8

        /// `true` when the text needs no span at all.
        var isPlain: Bool {
            voice < 0 && role < 0 && language < 0 && color == nil && rubyContainer == 0 && !isRubyText && !italic && !bold && !underline
        }

        /// The span this markup needs at nesting level `level` (outermost 0), if any.
        func key(at level: Int) -> SpanKey? {
            switch level {
            case 0: return voice >= 0 || role >= 0 ? .voice(voice, role: role) : nil
            case 1: return language >= 0 ? .language(language) : nil
            case 2: return color.map(SpanKey.color)
            case 3: return rubyContainer > 0 ? .ruby(rubyContainer) : nil
            case 4: return isRubyText ? .rubyText : nil
            case 5: return italic ? .italic : nil
            case 6: return bold ? .bold : nil
            default: return underline ? .underline : nil
            }
        }
    }

    private enum SpanKey: Hashable {
        /// A speaker (`ttm:agent`, -1 for none) and role (`ttm:role`, -1 for none).
        case voice(Int32, role: Int32)
        case language(Int32)
        case color(TTMLColor)
        case ruby(Int32)
        case rubyText
        case italic, bold, underline
    }

    private enum Item {
        /// Text bytes of the shared buffer.
        case text(Range<Int>, Markup, preserved: Bool)
        case timestamp(MediaTime)
        case lineBreak
    }

    /// The UTF-8 text of all runs, which pieces refer to by range.
    private let textBytes: [UInt8]
    private let voices: TTMLNameTable
    private let roles: TTMLNameTable
    private let languages: TTMLNameTable
    /// The style of each region slot, for what content leaves unspecified.
    private let regionStyles: [TTMLStyle]
    /// Colours used so far, in order of first use, for the style sheet.
    private(set) var colors: [TTMLColor] = []
    /// The class list of each colour's `<c>` span, made once per colour.
    private var colorClasses: [TTMLColor: [String]] = [:]
    private var items: [Item] = []
    /// Bytes of the text node being assembled.
    private var pending: [UInt8] = []
    /// The spans being built, outermost first; the first entry is the root.
    private var open: [(key: SpanKey?, children: [CueNode])] = []

    init(textBytes: [UInt8], voices: TTMLNameTable, roles: TTMLNameTable, languages: TTMLNameTable, regionStyles: [TTMLStyle]) {
        self.textBytes = textBytes
        self.voices = voices
        self.roles = roles
        self.languages = languages
        self.regionStyles = regionStyles
    }

    /// The cue text nodes for `pieces`, in order.
    mutating func nodes(for pieces: [Piece]) -> [CueNode] {
        buildLines(pieces)
        return nest()
    }

    private func byte(_ index: Int) -> UInt8 { textBytes[index] }

    // MARK: Lines and whitespace

    private mutating func buildLines(_ pieces: [Piece]) {
        items.removeAll(keepingCapacity: true)
        var lineStart = 0
        var lastTextEndsInSpace = true  // a line starts as if after a space
        for piece in pieces {
            guard var range = piece.text else {
                endLine(from: &lineStart)
                lastTextEndsInSpace = true
                continue
            }
            let markup = resolved(piece.markup, slot: piece.slot)
            if let timestamp = piece.timestamp { items.append(.timestamp(timestamp)) }
            if piece.preservesSpace {
                // Preserved line feeds break lines.
                var lineBegin = range.lowerBound
                for index in range where byte(index) == 0x0A {
                    if index > lineBegin {
                        items.append(.text(lineBegin..<index, markup, preserved: true))
                    }
                    endLine(from: &lineStart)
                    lastTextEndsInSpace = true
                    lineBegin = index + 1
                }
                if lineBegin < range.upperBound {
                    items.append(.text(lineBegin..<range.upperBound, markup, preserved: true))
                    lastTextEndsInSpace = byte(range.upperBound - 1) == 0x20
                }
            } else {
                if lastTextEndsInSpace, !range.isEmpty, byte(range.lowerBound) == 0x20 { range = range.dropFirst() }
                if !range.isEmpty {
                    items.append(.text(range, markup, preserved: false))
                    lastTextEndsInSpace = byte(range.upperBound - 1) == 0x20
                }
            }
        }
        endLine(from: &lineStart)
        if case .lineBreak? = items.last { items.removeLast() }
        // A timestamp with no text after it says nothing.
        while case .timestamp? = items.last { items.removeLast() }
    }

    /// Closes the line begun at `lineStart`: its trailing spaces go, then the
    /// line itself if no text is left.
    private mutating func endLine(from lineStart: inout Int) {
        var index = items.count - 1
        while index >= lineStart, case .text(var range, let markup, false) = items[index] {
            while !range.isEmpty, byte(range.upperBound - 1) == 0x20 { range = range.dropLast() }
            if !range.isEmpty {
                items[index] = .text(range, markup, preserved: false)
                break
            }
            items.remove(at: index)
            index -= 1
        }
        let hasText = items[lineStart...].contains { if case .text = $0 { true } else { false } }
        if hasText {
            items.append(.lineBreak)
        } else {
            items.removeSubrange(lineStart...)
        }
        lineStart = items.count
    }

    private mutating func resolved(_ markup: TTMLMarkup, slot: Int) -> Markup {
        let region = regionStyles[slot]
        var result = Markup()
        result.voice = markup.voice
        result.role = markup.role
        result.language = markup.language
        let color = markup.color ?? region.color ?? TTMLColor.initial
        if color != TTMLColor.initial {
            if colorClasses[color] == nil {
                colors.append(color)
                colorClasses[color] = [ColorClasses.colorClass(forColor: color.hex)?.name ?? "color"]
            }
            result.color = color
        }
        result.rubyContainer = markup.rubyContainer
        result.isRubyText = markup.isRubyText
        result.italic = markup.italic ?? region.italic ?? false
        result.bold = markup.bold ?? region.bold ?? false
        result.underline = markup.underline ?? region.underline ?? false
        return result
    }

    // MARK: Nesting

    private mutating func nest() -> [CueNode] {
        // open[0] is the root; each further level is an open span and its
        // children. Text is gathered in `pending` and becomes one node when
        // the structure changes, so each text node is one string.
        open.removeAll(keepingCapacity: true)
        open.append((nil, []))
        pending.removeAll(keepingCapacity: true)
        func flush() {
            guard !pending.isEmpty else { return }
            open[open.count - 1].children.append(.text(String(decoding: pending, as: UTF8.self)))
            pending.removeAll(keepingCapacity: true)
        }
        func close() {
            flush()
            let level = open.removeLast()
            if let key = level.key {
                open[open.count - 1].children.append(.span(span(for: key, children: level.children)))
            }
        }
        // A line break goes between the spans the lines share, so it is held
        // until the next line shows which spans stay open.
        var lineBreak = false
        for item in items {
            switch item {
            case .lineBreak:
                lineBreak = true
            case .timestamp(let time):
                if lineBreak { pending.append(0x0A) }
                lineBreak = false
                flush()
                open[open.count - 1].children.append(.timestamp(time))
            case .text(let range, let markup, _) where markup.isPlain && open.count == 1:
                // The common case, plain text with no span open: nothing to close or open.
                if lineBreak { pending.append(0x0A) }
                lineBreak = false
                pending.append(contentsOf: textBytes[range])
            case .text(let range, let markup, _):
                // Keep the open spans this text shares from the outside in; close the rest.
                var depth = 0
                var level = 0
                while level < Markup.levels {
                    guard let key = markup.key(at: level) else {
                        level += 1
                        continue
                    }
                    guard depth + 1 < open.count, open[depth + 1].key == key else { break }
                    depth += 1
                    level += 1
                }
                while open.count > depth + 1 { close() }
                if lineBreak { pending.append(0x0A) }
                lineBreak = false
                while level < Markup.levels {
                    if let key = markup.key(at: level) {
                        flush()
                        open.append((key, []))
                    }
                    level += 1
                }
                pending.append(contentsOf: textBytes[range])
            }
        }
        while open.count > 1 { close() }
        flush()
        return open.removeLast().children
    }

    /// Appends `node`, merging neighbouring text so equal text gives equal nodes.
    static func append(_ node: CueNode, to nodes: inout [CueNode]) {
        if case .text(let addition) = node, case .text(let existing)? = nodes.last {
            nodes[nodes.count - 1] = .text(existing + addition)
        } else {
            nodes.append(node)
        }
    }

    private func span(for key: SpanKey, children: [CueNode]) -> CueSpan {
        switch key {
        case .voice(let voice, let role):
            // A role without an agent is a voice with no name.
            return CueSpan(kind: .voice, classes: roles[role].map { [TTMLCueTextBuilder.className($0)] } ?? [], annotation: voices[voice] ?? "", children: children)
        case .language(let language):
            return CueSpan(kind: .language, annotation: languages[language] ?? "", children: children)
        case .color(let color):
            return CueSpan(kind: .class, classes: colorClasses[color] ?? [], children: children)
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

    /// A CSS class name made from a `ttm:role` value (an NMTOKEN, which may
    /// hold characters a class name cannot).
    static func className(_ value: String) -> String {
        String(String.UnicodeScalarView(value.unicodeScalars.map {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" ? $0 : "-"
        }))
    }
}
