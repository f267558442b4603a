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

    /// Creates an article.
    public init(headline: String?, paragraphs: [Paragraph]) {
        self.headline = headline
        self.paragraphs = paragraphs
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

    /// Creates a quotation.
    public init(text: String, parts: [String], paragraphIndex: Int, paragraphIndices: [Int], range: Range<Int>, speaker: String?) {
        self.text = text
        self.parts = parts
        self.paragraphIndex = paragraphIndex
        self.paragraphIndices = paragraphIndices
        self.range = range
        self.speaker = speaker
    }
}
