/// One spoken word of the captions with its own start and end: the stream
/// that alignment and transcripts are built on.
public struct TimedWord: Sendable, Hashable {
    /// The word as it appears in the captions, punctuation attached (`"hands,"`).
    public var text: String
    /// When the word starts (from an inline timestamp, or estimated inside its cue).
    public var start: MediaTime
    /// When the word ends.
    public var end: MediaTime
    /// The index, in ``CaptionDocument/spokenCues``, of the cue the word came from.
    public var cueIndex: Int
    /// Who speaks it, when the captions say (voice, `ttm:agent`, `NAME:`), or `nil`.
    public var speaker: String?
    /// `true` for the first word after a speaker change mark (`>>`, a new voice, `NAME:`).
    public var startsTurn: Bool
    /// `true` when the word is a sound description (`[applause]`, `♪`) rather than speech.
    public var isSoundDescription: Bool
    /// `true` for the first word after a change-of-story mark (`>>>` in broadcast captions).
    public var startsTopic: Bool
    /// The language of the word when markup gives it one (WebVTT `<lang fr>`,
    /// a TTML span's `xml:lang`), as a BCP 47 tag; `nil` for the document's language.
    public var language: String?

    /// Creates a word.
    public init(text: String, start: MediaTime, end: MediaTime, cueIndex: Int, speaker: String? = nil,
                startsTurn: Bool = false, isSoundDescription: Bool = false, startsTopic: Bool = false,
                language: String? = nil) {
        self.text = text
        self.start = start
        self.end = end
        self.cueIndex = cueIndex
        self.speaker = speaker
        self.startsTurn = startsTurn
        self.isSoundDescription = isSoundDescription
        self.startsTopic = startsTopic
        self.language = language
    }
}
