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
        // Each frame: the nodes of one level, the next index, and the voice in force.
        var stack: [(nodes: [CueNode], next: Int, voice: String?)] = [(nodes, 0, nil)]
        while let top = stack.last {
            if top.next >= top.nodes.count {
                stack.removeLast()
                continue
            }
            stack[stack.count - 1].next += 1
            switch top.nodes[top.next] {
            case .text(let text):
                builder.append(text, voice: top.voice)
            case .timestamp(let time):
                builder.mark(time)
            case .span(let span):
                // Ruby annotations repeat the base text's reading; they are not extra words.
                guard span.kind != .rubyText else { continue }
                var voice = top.voice
                if span.kind == .voice, let name = span.annotation?.trimmedSpeakerName, !name.isEmpty {
                    voice = name
                }
                stack.append((span.children, 0, voice))
            }
        }
        builder.flush()
        SoundDescriptions.mark(&builder.tokens)
        return builder.tokens
    }

    /// How many bytes of white space between tokens start at `i`: one for a
    /// space, tab, form feed, line feed or carriage return, two for a no-break
    /// space, zero for anything else.
    static func whiteSpaceLength(_ bytes: [UInt8], at i: Int) -> Int {
        switch bytes[i] {
        case 0x20, 0x09, 0x0C, 0x0A, 0x0D: return 1
        case 0xC2 where i + 1 < bytes.count && bytes[i + 1] == 0xA0: return 2
        default: return 0
        }
    }

    /// `true` when the token starting at `i` is `>>` glued to a word
    /// (`>>JOHN:`), which the tokenizer splits into two tokens.
    static func startsGluedArrows(_ bytes: [UInt8], at i: Int) -> Bool {
        i + 2 < bytes.count && bytes[i] == 0x3E && bytes[i + 1] == 0x3E && bytes[i + 2] != 0x3E
            && whiteSpaceLength(bytes, at: i + 2) == 0
    }

    /// Accumulates bytes into tokens.
    private struct Builder {
        var tokens: [CueToken] = []
        var buffer: [UInt8] = []
        var bufferVoice: String?
        var line = 0
        var lineHasToken = false
        /// A timestamp seen between tokens: it starts the next token.
        var pendingAnchor: MediaTime?
        /// The timestamp that starts the token being built.
        var tokenAnchor: MediaTime?
        /// A timestamp seen inside the token being built, and how many of the
        /// token's bytes came before it.
        var innerAnchor: (time: MediaTime, offset: Int)?

        mutating func append(_ text: String, voice: String?) {
            let bytes = Array(text.utf8)
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte == 0x0A || byte == 0x0D {
                    flush()
                    // CRLF inside text counts once.
                    if byte == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                    line += 1
                    lineHasToken = false
                } else if case let space = CueTokenizer.whiteSpaceLength(bytes, at: i), space > 0 {
                    flush()
                    i += space - 1
                } else {
                    if buffer.isEmpty {
                        bufferVoice = voice
                        tokenAnchor = pendingAnchor
                        pendingAnchor = nil
                    }
                    buffer.append(byte)
                }
                i += 1
            }
        }

        mutating func mark(_ time: MediaTime) {
            if buffer.isEmpty {
                pendingAnchor = time
            } else {
                innerAnchor = (time, buffer.count)
            }
        }

        mutating func flush() {
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
                anchor: anchor, voice: bufferVoice))
            lineHasToken = true
        }
    }
}

extension String {
    /// A speaker name with surrounding whitespace removed and inner runs collapsed.
    var trimmedSpeakerName: String {
        split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\u{A0}" }).joined(separator: " ")
    }
}
