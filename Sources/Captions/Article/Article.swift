/// A news story as read from a page or a text file: its headline and the
/// paragraphs of its body in order, with site furniture left out.
public struct Article: Sendable, Hashable {
    /// One paragraph of the story body.
    public struct Paragraph: Sendable, Hashable {
        /// The paragraph's text, whitespace collapsed.
        public var text: String
        /// Where the paragraph starts in the source file, when known.
        public var location: SourceLocation?

        /// Creates a paragraph.
        public init(text: String, location: SourceLocation? = nil) {
            self.text = text
            self.location = location
        }
    }

    /// The headline, when the page has one.
    public var headline: String?
    /// The body paragraphs, in reading order (the headline is not repeated here).
    public var paragraphs: [Paragraph]
    /// Warnings from reading the page (for example a page nested too deeply to read to its end).
    public var diagnostics: [Diagnostic]

    /// Creates an article.
    ///
    /// - Parameters:
    ///   - headline: the headline, if any.
    ///   - paragraphs: the body paragraphs in reading order.
    ///   - diagnostics: warnings from reading the page.
    public init(headline: String?, paragraphs: [Paragraph], diagnostics: [Diagnostic] = []) {
        self.headline = headline
        self.paragraphs = paragraphs
        self.diagnostics = diagnostics
    }
}

/// A quotation found in an article: the quoted words, where they stand, and
/// who the article says spoke them.
public struct Quotation: Sendable, Hashable {
    /// The quotation's words as printed, its parts joined by a space when the
    /// quote was interrupted by an attribution or continued over paragraphs.
    public var text: String
    /// The quoted parts as printed, in order (one part for most quotes).
    public var parts: [String]
    /// The paragraph (index into ``Article/paragraphs``; `-1` for the headline)
    /// where the quotation starts.
    public var paragraphIndex: Int
    /// Every paragraph the quotation spans.
    public var paragraphIndices: [Int]
    /// The UTF-8 byte offsets of the first part inside its paragraph's text (quote marks excluded).
    public var range: Range<Int>
    /// Who the article says is speaking, resolved to the fullest name it gives, or `nil`.
    public var speaker: String?
    /// Where each of ``parts`` stands, in the same order.
    public var partPositions: [Position]
    /// How the article tells who the speaker is.
    public var attribution: Attribution

    /// Where one part of a quotation stands in the article.
    public struct Position: Sendable, Hashable {
        /// The paragraph (index into ``Article/paragraphs``; `-1` for the headline).
        public var paragraphIndex: Int
        /// The UTF-8 byte offsets of the part inside that paragraph's text (quote marks excluded).
        public var range: Range<Int>

        /// Creates a position.
        public init(paragraphIndex: Int, range: Range<Int>) {
            self.paragraphIndex = paragraphIndex
            self.range = range
        }
    }

    /// The evidence a speaker was found from.
    public enum Attribution: String, Sendable, Hashable {
        /// Nothing in the article says who speaks.
        case none
        /// The speaker is named beside the quote (`Maria Zakharova said`, `according to Maria Zakharova`).
        case name
        /// A title and surname (`Ms Zakharova`) resolved to the name given earlier.
        case title
        /// A pronoun (`she said`) resolved to the most recent person it agrees with.
        case pronoun
        /// A description (`the Russian president`) resolved to the person it introduced.
        case description
        /// No attribution of its own: the quote continues the previous speaker's words.
        case continuation
        /// A headline quote with no attribution of its own, repeating words the body attributes.
        case repetition
    }

    /// Creates a quotation.
    ///
    /// - Parameters:
    ///   - text: the quoted words, parts joined by a space.
    ///   - parts: the quoted parts as printed.
    ///   - paragraphIndex: the paragraph where the quotation starts (`-1` for the headline).
    ///   - paragraphIndices: every paragraph the quotation spans.
    ///   - range: the byte range of the first part inside its paragraph.
    ///   - speaker: who speaks, or `nil`.
    ///   - partPositions: where each part stands; defaults to the first part's `range` only.
    ///   - attribution: how the speaker was found.
    public init(text: String, parts: [String], paragraphIndex: Int, paragraphIndices: [Int], range: Range<Int>, speaker: String?,
                partPositions: [Position]? = nil, attribution: Attribution = .none) {
        self.text = text
        self.parts = parts
        self.paragraphIndex = paragraphIndex
        self.paragraphIndices = paragraphIndices
        self.range = range
        self.speaker = speaker
        self.partPositions = partPositions ?? [Position(paragraphIndex: paragraphIndex, range: range)]
        self.attribution = attribution
    }
}
