/// What was said in a caption file, as prose: sentences in paragraphs, one
/// speaker per paragraph, each sentence and paragraph with its times.
///
/// Built on the ``CaptionWords`` word stream, so roll-up repetition is gone,
/// every word keeps its own time and speakers come from voices, `NAME:`
/// labels and `>>` marks:
///
/// ```swift
/// let transcript = Transcript(document)
/// for paragraph in transcript.paragraphs {
///     print(paragraph.speaker ?? "", paragraph.text)
/// }
/// let page = transcript.rendered(as: .html, presentation: .init(title: "Port Ellery floods"))
/// ```
///
/// How the words become prose:
/// - **Sentences** end after a word ending in `.`, `?`, `!` or `…` (closing
///   quotes and brackets allowed after it), unless the word is a title
///   abbreviation such as `Mr.` or `Dr.`, an initial such as `J.`, or the next
///   word starts with a lowercase letter (`5 p.m. tomorrow`, `Really? he said`).
///   Captions with (next to) no punctuation, as machine transcription
///   writes them, are broken at pauses instead: see ``SentenceBreaks``.
/// - **Paragraphs** start at every change of speaker (a new voice or label,
///   `>>`, a dialogue dash), at a change of story (`>>>`), after a pause of
///   ``Options/paragraphPause`` (2 s by default) and, so that a long turn
///   stays readable, at the first sentence end once a paragraph has
///   ``Options/paragraphWordTarget`` words.
/// - **Speakers**: a word with no speaker mark continues the current
///   speaker's turn (some files tag only the first cue of a turn). Names
///   written all in capitals (`HELEN OKAFOR:`) are shown in title case
///   (`Helen Okafor`).
/// - **Sound descriptions** (`[applause]`, `(laughs)`, lyrics between `♪`)
///   stay in the text as ``Part``s marked as such. One that stands between
///   sentences is a sentence of its own, and one that ends a paragraph (the
///   `[Music]` between two speakers) is a paragraph of its own, with no speaker.
/// - **Styling** (italics, colours, positions) is dropped; words that
///   markup puts in another language (`<lang fr>`, a span's `xml:lang`)
///   keep it, as their ``Part``'s language.
/// - **Descriptions** from an audio-description track, when given, are
///   paragraphs of their own, placed in time order between sentences.
public struct Transcript: Sendable, Hashable {
    /// The paragraphs in time order.
    public var paragraphs: [Paragraph]
    /// The language of the captions (TTML `xml:lang`, WebVTT `Language:`), if known.
    public var language: String?
    /// How long the captions run: the latest time anything is shown.
    public var duration: MediaTime
    /// The named speakers in order of first appearance.
    public var speakers: [String]
    /// How sentences were found: ``SentenceBreaks/punctuation`` or ``SentenceBreaks/pauses``.
    public var sentenceBreaks: SentenceBreaks
    /// How many words of roll-up or paint-on captions were left out as repeats.
    public var repeatedWordCount: Int

    /// One paragraph: a speaker's turn (or part of one), a sound on its own,
    /// or a description of what is seen.
    public struct Paragraph: Sendable, Hashable {
        /// What a paragraph holds.
        public enum Kind: String, Sendable, Hashable, CaseIterable {
            /// Speech, possibly with sound descriptions inside it.
            case speech
            /// Only sound descriptions (`[Music]` between two speakers).
            case sound
            /// A description of what is seen, from an audio-description track.
            case description
        }

        /// What the paragraph holds.
        public var kind: Kind
        /// Who speaks, when the captions say; `nil` for sound and description paragraphs.
        public var speaker: String?
        /// `true` when the paragraph starts a speaker's turn, or resumes one
        /// after a sound or description paragraph: its speaker is shown.
        public var startsTurn: Bool
        /// The sentences in order; never empty.
        public var sentences: [Sentence]

        /// Creates a paragraph.
        ///
        /// - Parameters:
        ///   - kind: what the paragraph holds.
        ///   - speaker: who speaks, if known.
        ///   - startsTurn: whether the speaker is shown.
        ///   - sentences: the sentences, at least one.
        public init(kind: Kind, speaker: String? = nil, startsTurn: Bool = false, sentences: [Sentence]) {
            self.kind = kind
            self.speaker = speaker
            self.startsTurn = startsTurn
            self.sentences = sentences
        }

        /// When the first sentence starts.
        public var start: MediaTime { sentences.first?.start ?? .zero }
        /// When the last sentence ends.
        public var end: MediaTime { sentences.last?.end ?? .zero }
        /// The sentences joined with spaces.
        public var text: String { sentences.map(\.text).joined(separator: " ") }
        /// How many words the paragraph has, sound descriptions included.
        public var wordCount: Int { sentences.reduce(0) { $0 + $1.wordCount } }
    }

    /// One sentence with its times.
    public struct Sentence: Sendable, Hashable {
        /// The text in runs of speech and of sound description, in order.
        public var parts: [Part]
        /// When the first word starts.
        public var start: MediaTime
        /// When the last word ends.
        public var end: MediaTime
        /// How many words the sentence has.
        public var wordCount: Int

        /// Creates a sentence.
        ///
        /// - Parameters:
        ///   - parts: the runs of text.
        ///   - start: when it starts.
        ///   - end: when it ends.
        ///   - wordCount: how many words it has.
        public init(parts: [Part], start: MediaTime, end: MediaTime, wordCount: Int) {
            self.parts = parts
            self.start = start
            self.end = end
            self.wordCount = wordCount
        }

        /// The parts joined with spaces.
        public var text: String { parts.map(\.text).joined(separator: " ") }
        /// `true` when the sentence is only sound descriptions.
        public var isSoundOnly: Bool { parts.allSatisfy(\.isSoundDescription) }
    }

    /// A run of words that are all speech or all sound description, in one language.
    public struct Part: Sendable, Hashable {
        /// The words joined with spaces.
        public var text: String
        /// `true` for a sound description (`[applause]`, `♪ lyrics ♪`).
        public var isSoundDescription: Bool
        /// The language the captions' markup gives these words, when it
        /// differs from the document's (`<lang fr>`, a span's `xml:lang`), so
        /// that a screen reader can switch voice (WCAG 2.2 SC 3.1.2).
        public var language: String?

        /// Creates a part.
        ///
        /// - Parameters:
        ///   - text: the words.
        ///   - isSoundDescription: whether they describe a sound.
        ///   - language: the words' language tag, when it is not the document's.
        public init(_ text: String, isSoundDescription: Bool = false, language: String? = nil) {
            self.text = text
            self.isSoundDescription = isSoundDescription
            self.language = language
        }
    }

    /// Creates a transcript directly from paragraphs (for tests and other tools).
    ///
    /// - Parameters:
    ///   - paragraphs: the paragraphs in time order.
    ///   - language: the language, if known.
    ///   - duration: how long the media runs.
    ///   - sentenceBreaks: how sentences were found.
    public init(paragraphs: [Paragraph], language: String? = nil, duration: MediaTime, sentenceBreaks: SentenceBreaks = .punctuation) {
        self.paragraphs = paragraphs
        self.language = language
        self.duration = duration
        self.sentenceBreaks = sentenceBreaks
        self.repeatedWordCount = 0
        self.speakers = Self.speakers(of: paragraphs)
    }

    /// Makes the transcript of a caption document.
    ///
    /// - Parameters:
    ///   - document: the captions.
    ///   - descriptions: an audio-description track (WebVTT `kind=descriptions`,
    ///     or any caption file) to merge in, making a descriptive transcript.
    ///   - options: how sentences, paragraphs and roll-up are handled.
    /// - Complexity: O(*n*) in the number of words, after ``CaptionWords``.
    public init(_ document: CaptionDocument, descriptions: CaptionDocument? = nil, options: Options = Options()) {
        let stream = CaptionWords(document, options: .init(rollUp: options.rollUp, timing: .fillsCue))
        let speech = SpeakerContinuity.attributed(stream.words)
        let splitter = SentenceSplitter(words: speech, options: options, documentLanguage: document.language)
        var paragraphs = ParagraphBuilder(options: options).paragraphs(of: splitter.sentences())
        var duration = document.lastTime
        if let descriptions {
            let described = DescriptionParagraphs.paragraphs(of: descriptions, options: options)
            paragraphs = DescriptionParagraphs.merge(described, into: paragraphs)
            duration = max(duration, descriptions.lastTime)
        }
        self.paragraphs = paragraphs
        self.language = document.language
        self.duration = duration
        self.sentenceBreaks = splitter.breaks
        self.repeatedWordCount = stream.repeatedWordCount
        self.speakers = Self.speakers(of: paragraphs)
    }

    private static func speakers(of paragraphs: [Paragraph]) -> [String] {
        var seen: Set<String> = []
        return paragraphs.compactMap(\.speaker).filter { seen.insert($0).inserted }
    }
}
