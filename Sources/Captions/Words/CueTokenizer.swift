/// One whitespace-separated piece of a cue's text, before speakers and times
/// are worked out.
struct CueToken: Sendable, Hashable {
    /// The text as shown, punctuation attached.
    var text: String
    /// Which line of the cue the token is on, counting from 0.
    var line: Int
    /// `true` for the first token of its line.
    var isLineStart: Bool
    /// The inline timestamp written just before the token, if any.
    var anchor: MediaTime?
    /// The innermost voice (`<v Name>`, a TTML agent) the token is spoken in.
    var voice: String?
    /// The innermost language span (`<lang fr>`, a TTML `xml:lang`) around the token.
    var language: String?
    /// `true` inside `[...]`, `(...)` or between `♪` marks.
    var isSoundDescription = false
}

/// Splits a cue's node tree into tokens, keeping line numbers, inline
/// timestamps and voices.
///
/// The tree is walked with an explicit stack, so deeply nested markup cannot
/// exhaust the call stack.
enum CueTokenizer {
    /// Tokenizes one cue.
    static func tokens(of nodes: [CueNode]) -> [CueToken] {
        var builder = Builder()
        walk(nodes, into: &builder)
        SoundDescriptions.mark(&builder.tokens)
        return builder.tokens
    }

    /// Feeds the text of a cue's nodes to `sink`, split where tokens and
    /// lines end: the one splitting rule that ``tokens(of:)`` and the roll-up
    /// keys of ``CueWordKeys`` share. Ruby annotations are left out; they
    /// repeat the base text's reading and are not extra words.
    static func walk<Sink: CueTokenSink>(_ nodes: [CueNode], into sink: inout Sink) {
        // The level being read: its nodes, the next index, and the voice and language in
        // force. The levels around it wait on a stack, which stays empty (and
        // unallocated) for the many cues without markup.
        var level: (nodes: [CueNode], next: Int, context: CueTokenContext) = (nodes, 0, CueTokenContext())
        var enclosing: [(nodes: [CueNode], next: Int, context: CueTokenContext)] = []
        while true {
            guard level.next < level.nodes.count else {
                guard let parent = enclosing.popLast() else { break }
                level = parent
                continue
            }
            let node = level.nodes[level.next]
            level.next += 1
            switch node {
            case .text(var text):
                text.withUTF8 { split($0, context: level.context, into: &sink) }
            case .timestamp(let time):
                sink.mark(time)
            case .span(let span):
                guard span.kind != .rubyText else { continue }
                var context = level.context
                if Sink.readsContext, let annotation = span.annotation {
                    context.enter(span.kind, annotation: annotation)
                }
                enclosing.append(level)
                level = (span.children, 0, context)
            }
        }
        sink.endToken()
    }

    /// Splits one text node at white space and line breaks.
    private static func split<Sink: CueTokenSink>(_ bytes: UnsafeBufferPointer<UInt8>, context: CueTokenContext, into sink: inout Sink) {
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x0A || byte == 0x0D {
                sink.endToken()
                // CRLF inside text counts once.
                if byte == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                sink.endLine()
                i += 1
            } else if case let space = whiteSpaceLength(bytes, at: i), space > 0 {
                sink.endToken()
                i += space
            } else {
                // Hand over the whole run up to the next white space at once.
                let start = i
                i += 1
                while i < bytes.count, !mayStartWhiteSpace(bytes[i]) || whiteSpaceLength(bytes, at: i) == 0 { i += 1 }
                sink.append(UnsafeBufferPointer(rebasing: bytes[start..<i]), context: context)
            }
        }
    }

    /// How many bytes of white space between tokens start at `i`: one for a
    /// space, tab, form feed, line feed or carriage return, two for a no-break
    /// space, zero for anything else.
    @inline(__always)
    static func whiteSpaceLength<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at i: Int) -> Int where Bytes.Index == Int {
        switch bytes[i] {
        case 0x20, 0x09, 0x0C, 0x0A, 0x0D: return 1
        case 0xC2 where i + 1 < bytes.endIndex && bytes[i + 1] == 0xA0: return 2
        default: return 0
        }
    }

    /// `false` for most bytes of a word: those above the ASCII spaces that
    /// are not the first byte of a no-break space. A quick test before
    /// ``whiteSpaceLength(_:at:)``.
    @inline(__always)
    private static func mayStartWhiteSpace(_ byte: UInt8) -> Bool {
        byte <= 0x20 || byte == 0xC2
    }

    /// `true` when the token starting at `i` is `>>` glued to a word
    /// (`>>JOHN:`), which the tokenizer splits into two tokens.
    static func startsGluedArrows<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at i: Int) -> Bool where Bytes.Index == Int {
        i + 2 < bytes.endIndex && bytes[i] == 0x3E && bytes[i + 1] == 0x3E && bytes[i + 2] != 0x3E
            && whiteSpaceLength(bytes, at: i + 2) == 0
    }

    /// Accumulates bytes into tokens.
    private struct Builder: CueTokenSink {
        static let readsContext = true
        var tokens: [CueToken] = []
        var buffer: [UInt8] = []
        var bufferContext = CueTokenContext()
        var line = 0
        var lineHasToken = false
        /// A timestamp seen between tokens: it starts the next token.
        var pendingAnchor: MediaTime?
        /// The timestamp that starts the token being built.
        var tokenAnchor: MediaTime?
        /// A timestamp seen inside the token being built, and how many of the
        /// token's bytes came before it.
        var innerAnchor: (time: MediaTime, offset: Int)?

        mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, context: CueTokenContext) {
            if buffer.isEmpty {
                bufferContext = context
                tokenAnchor = pendingAnchor
                pendingAnchor = nil
            }
            buffer.append(contentsOf: bytes)
        }

        mutating func endLine() {
            line += 1
            lineHasToken = false
        }

        mutating func mark(_ time: MediaTime) {
            if buffer.isEmpty {
                pendingAnchor = time
            } else {
                innerAnchor = (time, buffer.count)
            }
        }

        mutating func endToken() {
            guard !buffer.isEmpty else { return }
            // A timestamp right at the end of a token times the next one; one
            // in the middle of a word has no word boundary to attach to.
            if let inner = innerAnchor, inner.offset == buffer.count { pendingAnchor = inner.time }
            innerAnchor = nil
            // `>>` is glued to the next word surprisingly often (`>>JOHN:`).
            if CueTokenizer.startsGluedArrows(buffer, at: 0) {
                emit(Array(buffer[0..<2]), anchor: tokenAnchor)
                emit(Array(buffer[2...]), anchor: nil)
            } else {
                emit(buffer, anchor: tokenAnchor)
            }
            tokenAnchor = nil
            buffer.removeAll(keepingCapacity: true)
        }

        private mutating func emit(_ bytes: [UInt8], anchor: MediaTime?) {
            tokens.append(CueToken(
                text: String(decoding: bytes, as: UTF8.self), line: line, isLineStart: !lineHasToken,
                anchor: anchor, voice: bufferContext.voice, language: bufferContext.language))
            lineHasToken = true
        }
    }
}

/// The voice and language that the spans around a piece of cue text give it.
struct CueTokenContext: Sendable, Hashable {
    /// The innermost voice's speaker name.
    var voice: String?
    /// The innermost language span's tag.
    var language: String?

    /// The context inside a span of `kind` with its annotation (a voice's
    /// name, a language tag); other spans change nothing.
    mutating func enter(_ kind: CueSpan.Kind, annotation: String) {
        switch kind {
        case .voice:
            let name = annotation.trimmedSpeakerName
            if !name.isEmpty { voice = name }
        case .language:
            // A language tag is one word; readers keep the annotation as written.
            if let tag = annotation.split(whereSeparator: \.isWhitespace).first { language = String(tag) }
        default:
            break
        }
    }
}

/// What ``CueTokenizer/walk(_:into:)`` reports as it reads a cue's text.
protocol CueTokenSink {
    /// Whether the sink uses the voice and language of each token; when not, the walk
    /// does not work out speaker names, and passes an empty context.
    static var readsContext: Bool { get }
    /// Bytes of the token being read (not empty), in the voice and language
    /// given; a token split by markup comes in several parts.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, context: CueTokenContext)
    /// The token being read, if any, ends (white space, a line break, the end of the cue).
    mutating func endToken()
    /// A line ends; ``endToken()`` was reported just before.
    mutating func endLine()
    /// An inline timestamp.
    mutating func mark(_ time: MediaTime)
}

extension String {
    /// A speaker name with surrounding whitespace removed and inner runs collapsed.
    var trimmedSpeakerName: String {
        split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\u{A0}" }).joined(separator: " ")
    }
}
