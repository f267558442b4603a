/// One timed piece of caption text.
public struct Cue: Sendable, Hashable {
    /// The cue identifier (WebVTT cue id, SRT index as text, TTML `xml:id`); may be empty.
    public var id: String
    /// When the cue appears.
    public var start: MediaTime
    /// When the cue disappears; `nil` when it stays to the end of the document
    /// (TTML content without an end).
    public var end: MediaTime?
    /// The cue text as a tree of nodes.
    public var content: [CueNode]
    /// Where and how the cue is shown.
    public var settings: CueSettings
    /// Where the cue starts in its source file, for diagnostics.
    public var location: SourceLocation?

    /// Creates a cue.
    public init(
        id: String = "",
        start: MediaTime,
        end: MediaTime?,
        content: [CueNode],
        settings: CueSettings = CueSettings(),
        location: SourceLocation? = nil
    ) {
        self.id = id
        self.start = start
        self.end = end
        self.content = content
        self.settings = settings
        self.location = location
    }

    /// The cue's text with markup removed.
    public var plainText: String { content.plainText }

    /// How long the cue is shown, or `nil` when it has no end.
    public var duration: MediaTime? { end.map { $0 - start } }
}

/// A comment kept for round trips: a WebVTT `NOTE` block, with the number of
/// cues that come before it in the file.
public struct CaptionComment: Sendable, Hashable {
    /// The comment text, without the `NOTE` keyword.
    public var text: String
    /// How many cues precede the comment.
    public var cuesBefore: Int

    /// Creates a comment.
    public init(text: String, cuesBefore: Int) {
        self.text = text
        self.cuesBefore = cuesBefore
    }
}
