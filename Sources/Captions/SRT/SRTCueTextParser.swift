/// Reads the text lines of one SRT cue into cue nodes.
///
/// SRT has no markup standard; players accept a little HTML and some ASS.
/// This parser keeps what they show:
/// - `<i>`, `<b>`, `<u>` (any case) become spans; a closing tag closes the
///   nearest open tag of its name and any opened inside it; tags left open
///   close at the end of the cue.
/// - `<font color="...">` becomes a `<c.NAME>` span whose colour is recorded
///   in ``classColors`` (see ``ColorClasses``); a `<font>` without a colour
///   is dropped as markup, its text kept.
/// - `<br>` is a line break; `<s>` and any other tag are dropped as markup,
///   their text kept. Only `<`, an optional `/` and a letter start a tag, and
///   the tag must end on its line, so `2<3,5>1,4<6` stays text.
/// - Character references (`&amp;`, `&#233;`) are decoded.
/// - ASS override blocks (`{\an8}`, `{\pos(10,20)}`) are removed; the first
///   `\anN` (or legacy `\aN`) gives the cue's ``NumpadAlignment``.
///
/// The parser keeps its buffers between cues, so reading a file does not
/// allocate per cue beyond the cue's own nodes. Nesting deeper than
/// ``maximumDepth`` is dropped as markup.
struct SRTCueTextParser {
    /// How many tags may be open at once; deeper tags are dropped as markup.
    static let maximumDepth = 32

    /// Class colours met so far, by class name.
    private(set) var classColors: [String: String] = [:]

    private enum Tag { case italic, bold, underline, font }

    /// An open tag; `opensSpan` is false for a `<font>` without a colour,
    /// which is tracked only so its end tag pairs with it.
    private struct Frame {
        var tag: Tag
        var opensSpan: Bool
    }

    private var text: [UInt8] = []
    private var frames: [Frame] = []
    private var openSpans: [CueSpan] = []
    private var root: [CueNode] = []
    private var alignment: NumpadAlignment?

    /// Parses the cue text lines `lines` of `bytes`.
    ///
    /// - Returns: the cue's nodes, and the position its override blocks give, if any.
    mutating func parse(_ bytes: [UInt8], lines: [Range<Int>]) -> (content: [CueNode], alignment: NumpadAlignment?) {
        if let plain = plainText(bytes, lines) {
            return (plain.isEmpty ? [] : [.text(plain)], nil)
        }
        alignment = nil
        text.removeAll(keepingCapacity: true)
        for (number, line) in lines.enumerated() {
            if number > 0 { text.append(0x0A) }
            parseLine(bytes, line)
        }
        while !frames.isEmpty { closeTopFrame() }
        flushText()
        let content = root
        root = []
        return (content, alignment)
    }

    /// The lines joined with `\n` as one string when none of them holds a
    /// byte that may start markup; `nil` otherwise. Most cues have no markup
    /// at all; this is their whole parse.
    private mutating func plainText(_ bytes: [UInt8], _ lines: [Range<Int>]) -> String? {
        let hasMarkup = bytes.withUnsafeBufferPointer { buffer in lines.contains { Self.markupStart.occurs(in: buffer, $0) } }
        guard !hasMarkup else { return nil }
        if lines.count == 1 { return bytes.stringFromValidatedUTF8(lines[0]) }
        text.removeAll(keepingCapacity: true)
        for (number, line) in lines.enumerated() {
            if number > 0 { text.append(0x0A) }
            text.append(contentsOf: bytes[line])
        }
        return text.stringFromValidatedUTF8(0..<text.count)
    }

    /// The bytes that may start markup: `<`, `&` and `{`.
    private static let markupStart = ByteFinder(UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "{"), UInt8(ascii: "{"))

    private mutating func parseLine(_ bytes: [UInt8], _ line: Range<Int>) {
        let end = line.upperBound
        var runStart = line.lowerBound
        var i = runStart
        while i < end {
            let byte = bytes[i]
            guard byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "{") else {
                i += 1
                continue
            }
            // The text before markup belongs to the span the markup may close.
            text.append(contentsOf: bytes[runStart..<i])
            runStart = i
            let consumed: Int?
            switch byte {
            case UInt8(ascii: "<"): consumed = tag(bytes, at: i, lineEnd: end)
            case UInt8(ascii: "&"): consumed = characterReference(bytes, at: i, lineEnd: end)
            default: consumed = overrideBlock(bytes, at: i, lineEnd: end)
            }
            i += consumed ?? 1
            if consumed != nil { runStart = i }
        }
        text.append(contentsOf: bytes[runStart..<end])
    }

    // MARK: Tags

    /// Handles the tag at `index`, if it is one; returns its length.
    private mutating func tag(_ bytes: [UInt8], at index: Int, lineEnd: Int) -> Int? {
        var i = index + 1
        let closing = i < lineEnd && bytes[i] == UInt8(ascii: "/")
        if closing { i += 1 }
        guard i < lineEnd, Self.isLetter(bytes[i]) else { return nil }
        let nameStart = i
        while i < lineEnd, Self.isLetter(bytes[i]) || (bytes[i] >= 0x30 && bytes[i] <= 0x39) { i += 1 }
        let nameEnd = i
        while i < lineEnd, bytes[i] != UInt8(ascii: ">") {
            if bytes[i] == UInt8(ascii: "<") { return nil }
            i += 1
        }
        guard i < lineEnd else { return nil }
        let length = i + 1 - index
        let name = bytes[nameStart..<nameEnd]
        let tag: Tag?
        switch name.count {
        case 1 where Self.lowercased(name.first!) == UInt8(ascii: "i"): tag = .italic
        case 1 where Self.lowercased(name.first!) == UInt8(ascii: "b"): tag = .bold
        case 1 where Self.lowercased(name.first!) == UInt8(ascii: "u"): tag = .underline
        case 2 where Self.equalsIgnoringCase(name, "br"):
            if !closing { text.append(0x0A) }
            return length
        case 4 where Self.equalsIgnoringCase(name, "font"): tag = .font
        default: tag = nil
        }
        guard let tag else { return length }
        if closing {
            close(tag)
        } else {
            open(tag, attributes: nameEnd..<i, in: bytes)
        }
        return length
    }

    private mutating func open(_ tag: Tag, attributes: Range<Int>, in bytes: [UInt8]) {
        guard frames.count < Self.maximumDepth else { return }
        let span: CueSpan?
        switch tag {
        case .italic: span = CueSpan(kind: .italic)
        case .bold: span = CueSpan(kind: .bold)
        case .underline: span = CueSpan(kind: .underline)
        case .font:
            if let value = Self.attribute("color", in: bytes, attributes),
               let colorClass = ColorClasses.colorClass(forColor: value) {
                classColors[colorClass.name] = colorClass.color
                span = CueSpan(kind: .class, classes: [colorClass.name])
            } else {
                span = nil
            }
        }
        if let span {
            flushText()
            openSpans.append(span)
        }
        frames.append(Frame(tag: tag, opensSpan: span != nil))
    }

    private mutating func close(_ tag: Tag) {
        guard let index = frames.lastIndex(where: { $0.tag == tag }) else { return }
        while frames.count > index { closeTopFrame() }
    }

    private mutating func closeTopFrame() {
        guard let frame = frames.popLast(), frame.opensSpan else { return }
        flushText()
        guard let span = openSpans.popLast() else { return }
        append(.span(span))
    }

    private mutating func flushText() {
        guard !text.isEmpty else { return }
        append(.text(text.stringFromValidatedUTF8(0..<text.count)))
        text.removeAll(keepingCapacity: true)
    }

    private mutating func append(_ node: CueNode) {
        if openSpans.isEmpty {
            root.append(node)
        } else {
            openSpans[openSpans.count - 1].children.append(node)
        }
    }

    /// The value of attribute `name` in the bytes after a tag's name:
    /// `name=value`, `name="value"` or `name='value'`, name in any case.
    static func attribute(_ name: String, in bytes: [UInt8], _ range: Range<Int>) -> String? {
        let wanted = Array(name.utf8)
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            while i < end, !isLetter(bytes[i]) { i += 1 }
            let nameStart = i
            while i < end, isLetter(bytes[i]) || bytes[i] == UInt8(ascii: "-") { i += 1 }
            let found = equalsIgnoringCase(bytes[nameStart..<i], wanted)
            while i < end, SRTTimingLine.isSpace(bytes[i]) { i += 1 }
            guard i < end, bytes[i] == UInt8(ascii: "=") else { continue }
            i += 1
            while i < end, SRTTimingLine.isSpace(bytes[i]) { i += 1 }
            var valueStart = i
            var valueEnd: Int
            if i < end, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
                let quote = bytes[i]
                valueStart = i + 1
                valueEnd = valueStart
                while valueEnd < end, bytes[valueEnd] != quote { valueEnd += 1 }
                i = min(valueEnd + 1, end)
            } else {
                valueEnd = i
                while valueEnd < end, !SRTTimingLine.isSpace(bytes[valueEnd]), bytes[valueEnd] != UInt8(ascii: "/") { valueEnd += 1 }
                i = valueEnd
            }
            if found { return bytes.utf8String(valueStart..<valueEnd) }
        }
        return nil
    }

    // MARK: Character references and override blocks

    private mutating func characterReference(_ bytes: [UInt8], at index: Int, lineEnd: Int) -> Int? {
        guard let (replacement, length) = CharacterReferences.match(bytes, at: index), index + length <= lineEnd else { return nil }
        text.append(contentsOf: replacement.utf8)
        return length
    }

    /// Removes an ASS override block `{\...}` ending on this line; the first
    /// alignment override in the cue sets ``alignment``.
    private mutating func overrideBlock(_ bytes: [UInt8], at index: Int, lineEnd: Int) -> Int? {
        guard index + 1 < lineEnd, bytes[index + 1] == UInt8(ascii: "\\") else { return nil }
        var close = index + 2
        while close < lineEnd, bytes[close] != UInt8(ascii: "}") { close += 1 }
        guard close < lineEnd else { return nil }
        var i = index + 1
        while alignment == nil, i + 2 < close {
            if bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "a") {
                let numpad = bytes[i + 2] == UInt8(ascii: "n")
                var j = numpad ? i + 3 : i + 2
                var value = 0
                let digitsStart = j
                while j < close, j - digitsStart < 3, bytes[j] >= 0x30, bytes[j] <= 0x39 {
                    value = value * 10 + Int(bytes[j] - 0x30)
                    j += 1
                }
                if j > digitsStart {
                    alignment = numpad ? NumpadAlignment(number: value) : NumpadAlignment(legacyNumber: value)
                }
            }
            i += 1
        }
        return close + 1 - index
    }

    // MARK: ASCII helpers

    @inline(__always)
    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    @inline(__always)
    private static func lowercased(_ byte: UInt8) -> UInt8 { isLetter(byte) ? byte | 0x20 : byte }

    private static func equalsIgnoringCase(_ bytes: ArraySlice<UInt8>, _ word: String) -> Bool {
        equalsIgnoringCase(bytes, Array(word.utf8))
    }

    private static func equalsIgnoringCase(_ bytes: ArraySlice<UInt8>, _ word: [UInt8]) -> Bool {
        bytes.count == word.count && zip(bytes, word).allSatisfy { lowercased($0) == $1 }
    }
}
