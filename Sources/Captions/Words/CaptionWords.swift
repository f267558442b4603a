/// Every word spoken in a caption document, once, in time order, each with
/// its own start and end and its speaker.
///
/// This is the word stream that quote alignment and transcripts read:
///
/// ```swift
/// let words = CaptionWords(document).words
/// for word in words where !word.isSoundDescription {
///     print(word.start.seconds, word.speaker ?? "?", word.text)
/// }
/// ```
///
/// How it is built, cue by cue in order of start time (``CaptionDocument/spokenCues``,
/// so TTML is read as its resolved paragraphs):
/// 1. The cue's text is split into words at white space; markup is looked
///    through, ruby annotations are left out, and each word remembers its line,
///    the inline timestamp written before it and the voice it is in.
/// 2. `[applause]`, `(laughs)` and lyrics between `♪` marks are flagged as
///    sound descriptions (kept in the stream, flagged, so a reader can skip them).
/// 3. Words that roll-up or paint-on captions show again are dropped, keeping
///    each word's first appearance and so its first timing
///    (see ``RollUpDeduplicator``).
/// 4. Speaker marks are read and removed: voices, `NAME:` labels at a line
///    start, and the `>>` and dialogue-dash changes of speaker (`>>>` also
///    starts a new story; see ``TimedWord/startsTopic``).
/// 5. Each word gets its times: from inline timestamps where the cue has
///    them, otherwise shared out over the cue in proportion to word length.
///
/// Tokens that are only punctuation (`--`, `...`) are not words and are left out.
public struct CaptionWords: Sendable, Hashable {
    /// How the words are read.
    public struct Options: Sendable, Hashable {
        /// Whether roll-up repetition is detected, assumed or ignored.
        public var rollUp: RollUpDeduplicator.Mode
        /// Whether `NAME:` labels, `>>` and dialogue dashes are read as speaker
        /// marks and removed. Turn it off for text that has no speakers, such as
        /// an audio-description track, where `Sign: Road closed` is the text
        /// itself; voices still name speakers.
        public var readsSpeakerMarks: Bool
        /// How times are estimated for words without an inline timestamp.
        public var timing: EstimatedTiming

        /// How the words of a cue without inline timestamps share its time.
        public enum EstimatedTiming: Sendable, Hashable {
            /// At a speaking rate: a pause after punctuation, and no word slower
            /// than about 120 words a minute, so a word before a pause ends when
            /// it is said. Alignment reads this, because a quote's end is the end
            /// of its last word, not the end of the cue it stands in.
            case speakingRate
            /// The words fill the cue from its start to its end with no gaps.
            /// Transcripts and the pop-on rewrite read this, because a gap that
            /// is only an estimate must not split a sentence or a paragraph.
            case fillsCue
        }

        /// Creates options.
        ///
        /// - Parameters:
        ///   - rollUp: roll-up handling; ``RollUpDeduplicator/Mode/automatic`` by default.
        ///   - readsSpeakerMarks: whether speaker labels and change marks are read; `true` by default.
        ///   - timing: how times are estimated inside a cue; ``EstimatedTiming/speakingRate`` by default.
        public init(rollUp: RollUpDeduplicator.Mode = .automatic, readsSpeakerMarks: Bool = true,
                    timing: EstimatedTiming = .speakingRate) {
            self.rollUp = rollUp
            self.readsSpeakerMarks = readsSpeakerMarks
            self.timing = timing
        }
    }

    /// The words in time order.
    public private(set) var words: [TimedWord]
    /// How many shown-again words of roll-up or paint-on captions were left out.
    public private(set) var repeatedWordCount: Int

    /// `true` when roll-up or paint-on repetition was found and removed.
    public var isRollUp: Bool { repeatedWordCount > 0 }

    /// Reads the words of a document.
    ///
    /// - Parameters:
    ///   - document: the captions.
    ///   - options: how to read them.
    /// - Complexity: O(*n*) in the length of the cue text, plus the roll-up
    ///   comparison of each cue with the one before it.
    public init(_ document: CaptionDocument, options: Options = Options()) {
        let cues = document.spokenCues
        let displayed = DisplayedCues(cues, rollUp: options.rollUp)
        let (order, tokens, repeated) = (displayed.order, displayed.tokens, displayed.repeated)

        var speakers = SpeakerMarks()
        var words: [TimedWord] = []
        words.reserveCapacity(tokens.reduce(0) { $0 + $1.count })
        for (position, cueIndex) in order.enumerated() {
            let cue = cues[cueIndex]
            let newTokens = tokens[position][repeated[position]...]
            let attributed = options.readsSpeakerMarks
                ? speakers.attribute(newTokens)
                : newTokens.map { SpeakerMarks.Attributed(token: $0, speaker: $0.voice, startsTurn: false) }
            let spoken = attributed
                .filter { $0.token.isSoundDescription || !Self.isPunctuationOnly($0.token.text) }
            guard !spoken.isEmpty else { continue }
            let weights = spoken.map { WordTiming.weight(of: $0.token.text) }
            let nextStart = order[(position + 1)...].lazy.map { cues[$0].start }.first { $0 > cue.start }
            let end = cue.end ?? Self.estimatedEnd(start: cue.start, weight: weights.reduce(0, +), nextStart: nextStart)
            let times = WordTiming.times(
                anchors: spoken.map(\.token.anchor), weights: weights, pauses: spoken.map { options.timing == .speakingRate ? WordTiming.pause(after: $0.token.text) : 0 },
                capsRate: options.timing == .speakingRate, start: cue.start, end: max(end, cue.start))
            for (word, time) in zip(spoken, times) {
                words.append(TimedWord(
                    text: word.token.text, start: time.start, end: time.end, cueIndex: cueIndex,
                    speaker: word.speaker, startsTurn: word.startsTurn,
                    isSoundDescription: word.token.isSoundDescription, startsTopic: word.startsTopic,
                    language: word.token.language))
            }
        }
        self.words = words
        self.repeatedWordCount = zip(repeated, tokens).reduce(0) { $0 + min($1.0, $1.1.count) }
    }

    /// Speaking rate used when a cue has no end: about fifteen characters a second.
    static let charactersPerSecond: Int64 = 15

    /// The end of a cue shown "until the end of the document": long enough to
    /// say its words, and not past the next cue's start.
    private static func estimatedEnd(start: MediaTime, weight: Int, nextStart: MediaTime?) -> MediaTime {
        let needed = max(MediaTime(numerator: 1, denominator: 2), MediaTime(numerator: Int64(weight), denominator: charactersPerSecond))
        let estimate = start + needed
        guard let nextStart else { return estimate }
        return min(nextStart, estimate)
    }

    /// `true` for tokens made only of punctuation (`--`, `...`, `"`), which
    /// are not words. `&`, `%` and `#` stand for words and are kept.
    static func isPunctuationOnly(_ text: String) -> Bool {
        // Most words start with a letter or digit.
        if let first = text.utf8.first, first >= 0x30, first < 0x80, first != 0x3E,
           (first <= 0x39 || (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A) {
            return false
        }
        for scalar in text.unicodeScalars {
            if scalar == "&" || scalar == "%" || scalar == "#" { return false }
            switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                 .initialPunctuation, .finalPunctuation, .otherPunctuation:
                continue
            default:
                return false
            }
        }
        return true
    }
}
