/// Works out who speaks each word from the marks captioners use, and removes
/// the marks themselves from the word stream.
///
/// - A voice (`<v Anna>`, a TTML `ttm:agent`) names the speaker of the words inside it.
/// - A `NAME:` label at the start of a line (`ANNA:`, `Dr Smith:`, `REPORTER:`,
///   `MAN (V.O.):`) names the speaker of what follows, until the next change.
/// - `>>` (and `>>>`), or a `-` opening a line of dialogue, marks a change
///   to a speaker the captions do not name. `>>>` also marks a new story.
struct SpeakerMarks {
    /// A spoken token with its speaker.
    struct Attributed {
        var token: CueToken
        var speaker: String?
        var startsTurn: Bool
        var startsTopic = false
    }

    /// The speaker named by the last label, carried across cues.
    private var labelled: String?
    /// A change mark was seen and the next word starts a turn.
    private var pendingTurn = false
    /// A `>>>` was seen and the next word starts a new story.
    private var pendingTopic = false
    /// The speaker of the last word given out.
    private var lastSpeaker: String?
    private var isFirstWord = true

    /// Single words that open a sentence with a colon ("Look: ...") but name nobody.
    private static let notNames: Set<String> = [
        "look", "listen", "note", "well", "so", "yes", "no", "now", "here", "okay", "ok", "remember",
        "warning", "update", "first", "second", "third", "finally", "again", "also", "but", "and", "then",
        "today", "tonight", "breaking", "why", "what", "how", "who", "when", "where", "because", "plus",
        "meanwhile", "sources", "source", "quote", "caption", "captions", "subtitles", "translation",
    ]
    /// Lowercase words allowed inside a name (`Chancellor of the Exchequer`, `Ursula von der Leyen`).
    private static let nameParticles: Set<String> = [
        "of", "the", "de", "del", "der", "van", "von", "al", "bin", "la", "le", "da", "du", "di", "y", "and",
    ]

    /// Attributes one cue's new tokens, in order.
    mutating func attribute(_ tokens: ArraySlice<CueToken>) -> [Attributed] {
        var result: [Attributed] = []
        result.reserveCapacity(tokens.count)
        var index = tokens.startIndex
        var atLineStart = false
        var currentLine = -1
        while index < tokens.endIndex {
            let token = tokens[index]
            if token.line != currentLine {
                currentLine = token.line
                atLineStart = token.isLineStart
            }
            let isArrows = token.text == ">>" || token.text == ">>>"
            if isArrows || (atLineStart && Self.isDialogueDash(token.text)) {
                // A label may follow the mark, wherever the mark stands.
                pendingTurn = true
                if token.text == ">>>" { pendingTopic = true }
                labelled = nil
                atLineStart = true
                index += 1
                continue
            }
            if atLineStart, !token.isSoundDescription, let label = Self.label(in: tokens[index...]) {
                labelled = label.name
                pendingTurn = true
                index += label.tokenCount
                atLineStart = false
                continue
            }
            atLineStart = false
            let speaker = token.voice ?? labelled
            let voiceChanged = token.voice != nil && token.voice != lastSpeaker
            result.append(Attributed(
                token: token, speaker: speaker, startsTurn: pendingTurn || voiceChanged || (isFirstWord && speaker != nil),
                startsTopic: pendingTopic))
            pendingTurn = false
            pendingTopic = false
            isFirstWord = false
            lastSpeaker = speaker
            index += 1
        }
        return result
    }

    /// A dash opening a line of dialogue.
    private static func isDialogueDash(_ text: String) -> Bool {
        text == "-" || text == "\u{2013}" || text == "\u{2014}"
    }

    /// A `NAME:` label at the start of `tokens`: up to six tokens, the last
    /// ending in a colon, every word capitalised (name particles aside), no
    /// digits. A parenthesised part (`(V.O.)`, `(on phone)`) is allowed and left
    /// out of the name.
    private static func label(in tokens: ArraySlice<CueToken>) -> (name: String, tokenCount: Int)? {
        // Most lines have no colon near their start: no need to look closer.
        guard tokens.prefix(6).contains(where: { $0.text.utf8.contains(0x3A) }) else { return nil }
        var words: [Substring] = []
        var inParentheses = false
        var capitalised = 0
        for (offset, token) in tokens.prefix(6).enumerated() {
            var text = Substring(token.text)
            let endsLabel = text.hasSuffix(":") && !text.hasSuffix("::")
            if endsLabel { text = text.dropLast() }
            if text.isEmpty { return nil }
            if text.contains(":") || text.contains(where: \.isNumber) { return nil }
            if text.hasPrefix("(") { inParentheses = true }
            if inParentheses {
                if text.hasSuffix(")") { inParentheses = false }
            } else {
                guard let first = text.first(where: \.isLetter) else { return nil }
                if first.isUppercase {
                    capitalised += 1
                } else {
                    guard offset > 0, nameParticles.contains(text.lowercased()) else { return nil }
                }
                words.append(text)
            }
            if endsLabel {
                guard capitalised > 0, !inParentheses else { return nil }
                if words.count == 1, notNames.contains(words[0].lowercased()) { return nil }
                return (words.joined(separator: " "), offset + 1)
            }
        }
        return nil
    }
}
