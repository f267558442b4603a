/// Where, and how faithfully, one quotation of an article is spoken in the captions.
public struct QuoteAlignment: Sendable, Hashable {
    /// How much of a quotation was found spoken.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// Spoken, allowing only small edits: case, punctuation, misspellings,
        /// numbers as digits or words, contractions, fillers and restarts left
        /// out, an ellipsis, an editor's bracketed words, and at most one
        /// unexplained slip per ten words (``AlignmentCosts/editBudget(words:)``).
        case matched
        /// Not spoken as a whole, but a run of at least five of its words is,
        /// with the same small edits.
        case partial
        /// No such run: at most a few shared words, or a change of meaning
        /// breaks every run.
        case unmatched
    }

    /// The quotation looked for.
    public var quotation: Quotation
    /// The verdict of the chosen occurrence, or `unmatched` when there is none.
    public var status: Status
    /// Confidence in the verdict, from 0 to 1 (see Docs/Alignment.md).
    public var score: Double
    /// Every place the quote (or a run of at least five of its words) is
    /// spoken; the one chosen as the quote's source comes first.
    public var occurrences: [QuoteOccurrence]

    /// Creates an alignment result.
    public init(quotation: Quotation, status: Status, score: Double, occurrences: [QuoteOccurrence]) {
        self.quotation = quotation
        self.status = status
        self.score = score
        self.occurrences = occurrences
    }

    /// The occurrence chosen as where the quote was said, if any.
    public var chosen: QuoteOccurrence? { occurrences.first }
}

/// One place in the captions where a quotation is spoken.
public struct QuoteOccurrence: Sendable, Hashable {
    /// The index of the caption file (video) it is in.
    public var video: Int
    /// How much of the quote is spoken here.
    public var status: QuoteAlignment.Status
    /// Confidence, from 0 to 1.
    public var score: Double
    /// When the first quoted word starts to be spoken.
    public var start: MediaTime
    /// When the last quoted word ends.
    public var end: MediaTime
    /// The spoken words, as indices into the video's ``CaptionWords/words``.
    public var words: Range<Int>
    /// The spoken words as captioned.
    public var captionText: String
    /// The speaker the captions name for these words, if they name one.
    public var captionSpeaker: String?
    /// Whether the captions' speaker is the article's.
    public var speakerAgreement: SpeakerAgreement
    /// What the article changed, word by word, from the first quoted word
    /// spoken here to the last (words of the quote not spoken at all are
    /// listed as ``QuoteDifference/Kind/inserted``).
    public var differences: [QuoteDifference]
    /// The indices, in the video document's ``CaptionDocument/spokenCues``,
    /// of the cues the spoken words are in.
    public var cues: [Int]

    /// Creates an occurrence.
    public init(video: Int, status: QuoteAlignment.Status, score: Double, start: MediaTime, end: MediaTime, words: Range<Int>,
                captionText: String, captionSpeaker: String?, speakerAgreement: SpeakerAgreement,
                differences: [QuoteDifference], cues: [Int]) {
        self.video = video
        self.status = status
        self.score = score
        self.start = start
        self.end = end
        self.words = words
        self.captionText = captionText
        self.captionSpeaker = captionSpeaker
        self.speakerAgreement = speakerAgreement
        self.differences = differences
        self.cues = cues
    }
}

/// Whether the captions and the article name the same speaker.
public enum SpeakerAgreement: String, Sendable, Hashable, CaseIterable {
    /// Both name the speaker, and the names share a name (`BIDEN` / `Joe Biden`).
    case agrees
    /// Both name a person, and the names share nothing: a possible misattribution.
    case disagrees
    /// One side names nobody, or the captions give only a role (`REPORTER`, `MAN`).
    case unknown
}

/// One stretch of the word-level difference between a quotation and what
/// was said.
public struct QuoteDifference: Sendable, Hashable {
    /// What the article did to the spoken words.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// Quoted as said (allowing case, punctuation, number and contraction forms).
        case equal
        /// Quoted as said, but spelled differently (a typo, a misspelled name,
        /// a caption transcription slip).
        case spelling
        /// The article prints other words than were said.
        case replaced
        /// Said, but left out of the quote.
        case omitted
        /// In the quote, but not said.
        case inserted
    }

    /// Why a difference is one of the small edits quoting allows.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// A filler (`um`, `you know`) left out.
        case filler
        /// The first try of a restarted phrase, or a broken-off word, left out.
        case restart
        /// A sound description in the captions.
        case sound
        /// Words skipped where the quote has an ellipsis or a break between its parts.
        case ellipsis
        /// An editor's bracketed words.
        case editorial
    }

    /// The kind of difference.
    public var kind: Kind
    /// The quote's words here (empty for ``Kind/omitted``).
    public var quoted: String
    /// The spoken words here (empty for ``Kind/inserted``).
    public var spoken: String
    /// Why this is an allowed edit, when it is one.
    public var reason: Reason?

    /// Creates a difference.
    public init(kind: Kind, quoted: String, spoken: String, reason: Reason? = nil) {
        self.kind = kind
        self.quoted = quoted
        self.spoken = spoken
        self.reason = reason
    }
}
