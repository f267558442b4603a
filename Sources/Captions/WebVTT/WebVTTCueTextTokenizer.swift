/// The "WebVTT cue text tokenizer" of the WebVTT specification, over the
/// UTF-8 bytes of one cue's text (lines joined with LF).
///
/// Tag names, classes and timestamp values are runs of the input, so they are
/// returned as byte ranges; only text and annotations, which may hold
/// character references, are built up as strings.
struct WebVTTCueTextTokenizer {
    /// One token.
    enum Token {
        /// Text, with character references decoded and U+0000 replaced by U+FFFD.
        case text(String)
        /// `<name.class1.class2 annotation>`; the annotation is `nil` when the
        /// tag had no whitespace after its name and classes.
        case startTag(name: Range<Int>, classes: [Range<Int>], annotation: String?, at: Int)
        /// `</name>`.
        case endTag(name: Range<Int>, at: Int)
        /// `<00:01.500>`: the text between `<` and `>`, not yet checked.
        case timestamp(Range<Int>, at: Int)
    }

    private enum State {
        case data, tag, startTag, startTagClass, startTagAnnotation, endTag, timestampTag
    }

    /// The cue text; valid UTF-8.
    let input: [UInt8]
    /// The offset of the next byte to read.
    private(set) var position = 0
    private var result: [UInt8] = []
    private var buffer: [UInt8] = []

    init(_ input: [UInt8]) {
        self.input = input
    }

    /// Returns the next token, or `nil` at the end of the input.
    mutating func next() -> Token? {
        guard position < input.count else { return nil }
        var state = State.data
        result.removeAll(keepingCapacity: true)
        buffer.removeAll(keepingCapacity: true)
        var classes: [Range<Int>] = []
        let tagStart = position
        var runStart = position  // start of the tag name, class or timestamp being read
        var name = position..<position
        while true {
            let c: UInt8? = position < input.count ? input[position] : nil
            switch state {
            case .data:
                // "Anything else" is appended as it comes: take the whole run at once.
                var runEnd = position
                while runEnd < input.count, input[runEnd] != UInt8(ascii: "&"), input[runEnd] != UInt8(ascii: "<"), input[runEnd] != 0 {
                    runEnd += 1
                }
                if runEnd > position {
                    if result.isEmpty, runEnd == input.count || input[runEnd] == UInt8(ascii: "<") {
                        defer { position = runEnd }
                        // The run ends at `<` or the end: whole characters of valid input.
                        return .text(input.stringFromValidatedUTF8(position..<runEnd))
                    }
                    result.append(contentsOf: input[position..<runEnd])
                    position = runEnd
                    continue
                }
                switch c {
                case UInt8(ascii: "&"):
                    position += Self.appendCharacterReference(input, at: position, to: &result)
                    continue
                case UInt8(ascii: "<"):
                    if !result.isEmpty { return .text(Self.string(result)) }
                    state = .tag
                case nil:
                    return .text(Self.string(result))
                case let c?:
                    Self.append(c, to: &result)
                }
            case .tag:
                switch c {
                case 0x09, 0x0A, 0x0C, 0x20:
                    state = .startTagAnnotation
                case UInt8(ascii: "."):
                    state = .startTagClass
                    runStart = position + 1
                case UInt8(ascii: "/"):
                    state = .endTag
                    runStart = position + 1
                case let c? where c.isASCIIDigit:
                    state = .timestampTag
                    runStart = position
                case UInt8(ascii: ">"):
                    position += 1
                    return .startTag(name: name, classes: [], annotation: nil, at: tagStart)
                case nil:
                    return .startTag(name: name, classes: [], annotation: nil, at: tagStart)
                default:
                    state = .startTag
                    runStart = position
                }
            case .startTag:
                switch c {
                case 0x09, 0x0A, 0x0C, 0x20:
                    // A line feed here starts the annotation buffer in the
                    // specification; it is whitespace that the end trims anyway.
                    name = runStart..<position
                    state = .startTagAnnotation
                case UInt8(ascii: "."):
                    name = runStart..<position
                    state = .startTagClass
                    runStart = position + 1
                case UInt8(ascii: ">"):
                    position += 1
                    return .startTag(name: runStart..<(position - 1), classes: [], annotation: nil, at: tagStart)
                case nil:
                    return .startTag(name: runStart..<position, classes: [], annotation: nil, at: tagStart)
                default:
                    break
                }
            case .startTagClass:
                switch c {
                case 0x09, 0x0A, 0x0C, 0x20:
                    classes.append(runStart..<position)
                    state = .startTagAnnotation
                case UInt8(ascii: "."):
                    classes.append(runStart..<position)
                    runStart = position + 1
                case UInt8(ascii: ">"):
                    classes.append(runStart..<position)
                    position += 1
                    return .startTag(name: name, classes: classes, annotation: nil, at: tagStart)
                case nil:
                    classes.append(runStart..<position)
                    return .startTag(name: name, classes: classes, annotation: nil, at: tagStart)
                default:
                    break
                }
            case .startTagAnnotation:
                switch c {
                case UInt8(ascii: "&"):
                    // "HTML character reference in annotation state", with `>` as
                    // the additional allowed character (it never starts a name).
                    position += Self.appendCharacterReference(input, at: position, to: &buffer)
                    continue
                case UInt8(ascii: ">"):
                    position += 1
                    return .startTag(name: name, classes: classes, annotation: Self.collapsedWhitespace(buffer), at: tagStart)
                case nil:
                    return .startTag(name: name, classes: classes, annotation: Self.collapsedWhitespace(buffer), at: tagStart)
                case let c?:
                    Self.append(c, to: &buffer)
                }
            case .endTag, .timestampTag:
                switch c {
                case UInt8(ascii: ">"):
                    position += 1
                    let run = runStart..<(position - 1)
                    return state == .endTag ? .endTag(name: run, at: tagStart) : .timestamp(run, at: tagStart)
                case nil:
                    let run = runStart..<position
                    return state == .endTag ? .endTag(name: run, at: tagStart) : .timestamp(run, at: tagStart)
                default:
                    break
                }
            }
            position += 1
        }
    }

    /// "Consume an HTML character reference" at the `&` at `index`: appends
    /// what it stands for, or the `&` itself when it starts none.
    ///
    /// - Returns: how many bytes were used.
    private static func appendCharacterReference(_ input: [UInt8], at index: Int, to out: inout [UInt8]) -> Int {
        if let (text, length) = CharacterReferences.match(input, at: index) {
            out.append(contentsOf: text.utf8)
            return length
        }
        out.append(UInt8(ascii: "&"))
        return 1
    }

    /// Appends one input byte, as U+FFFD when it is U+0000 (the parser's
    /// first preprocessing step, done here so the bytes need no copy).
    @inline(__always)
    private static func append(_ byte: UInt8, to out: inout [UInt8]) {
        if byte == 0 {
            out.append(contentsOf: [0xEF, 0xBF, 0xBD])
        } else {
            out.append(byte)
        }
    }

    private static func string(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// The annotation with leading and trailing ASCII whitespace removed and
    /// every inner run of it replaced by one space.
    private static func collapsedWhitespace(_ bytes: [UInt8]) -> String {
        string(bytes.hasCollapsedWhitespace ? bytes : bytes.collapsingWhitespace())
    }
}
