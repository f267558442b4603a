extension Transcript {
    /// How sentence ends are found.
    public enum SentenceBreaks: String, Sendable, Hashable, CaseIterable {
        /// ``punctuation`` when the captions are punctuated, ``pauses`` when
        /// they have fewer than one punctuation mark (`.`, `,`, `?`, `!`, `;`,
        /// `:`, `…`) per ``Transcript/Options/unpunctuatedWordsPerMark`` spoken
        /// words, as machine transcription (YouTube's automatic captions) writes them.
        case automatic
        /// Sentences end at `.`, `?`, `!` and `…` as written.
        case punctuation
        /// Sentences end where the speaker pauses for ``Transcript/Options/sentencePause``
        /// or longer. Each sentence then starts with a capital letter and ends
        /// with a full stop, and a lone `i` (`i`, `i'm`, `i'll`) is written `I`:
        /// the only changes made to the captions' words.
        case pauses
    }

    /// How a transcript is made.
    public struct Options: Sendable, Hashable {
        /// Whether roll-up repetition is detected, assumed or ignored.
        public var rollUp: RollUpDeduplicator.Mode
        /// How sentence ends are found.
        public var sentenceBreaks: SentenceBreaks
        /// A pause at least this long starts a new paragraph (and ends the
        /// sentence). 2 s by default: the "real pause" of subtitle timing
        /// guides, long enough that a cue gap or a breath does not count.
        public var paragraphPause: MediaTime
        /// In ``SentenceBreaks/pauses`` mode, a pause at least this long ends a
        /// sentence. 0.6 s by default: longer than the gaps between words of a
        /// phrase, shorter than most pauses between sentences.
        public var sentencePause: MediaTime
        /// A paragraph that has this many words ends at its next sentence end
        /// (80 by default, about four sentences).
        public var paragraphWordTarget: Int
        /// Captions with fewer than one punctuation mark per this many spoken
        /// words are read as unpunctuated (50 by default; punctuated speech
        /// has a mark every 5 to 15 words).
        public var unpunctuatedWordsPerMark: Int

        /// Creates options; every parameter has the documented default.
        ///
        /// - Parameters:
        ///   - rollUp: roll-up handling.
        ///   - sentenceBreaks: how sentence ends are found.
        ///   - paragraphPause: the pause that starts a paragraph.
        ///   - sentencePause: the pause that ends a sentence in unpunctuated captions.
        ///   - paragraphWordTarget: the length after which a paragraph ends at a sentence end.
        ///   - unpunctuatedWordsPerMark: the sparseness of punctuation that counts as none.
        public init(
            rollUp: RollUpDeduplicator.Mode = .automatic,
            sentenceBreaks: SentenceBreaks = .automatic,
            paragraphPause: MediaTime = MediaTime(seconds: 2),
            sentencePause: MediaTime = MediaTime(milliseconds: 600),
            paragraphWordTarget: Int = 80,
            unpunctuatedWordsPerMark: Int = 50
        ) {
            self.rollUp = rollUp
            self.sentenceBreaks = sentenceBreaks
            self.paragraphPause = paragraphPause
            self.sentencePause = sentencePause
            self.paragraphWordTarget = paragraphWordTarget
            self.unpunctuatedWordsPerMark = unpunctuatedWordsPerMark
        }
    }
}
