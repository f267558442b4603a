/// A caption file of any format, read into one model.
///
/// For SRT and WebVTT, ``cues`` are the file's cues as written. For TTML,
/// ``paragraphs`` hold each resolved `<p>` with its own times, region and
/// speaker, in document order, and ``cues`` hold the flattened timeline
/// computed from them: for each region, one cue per interval in which its text
/// is constant. Transcripts and alignment read ``spokenCues``, so roll-up and
/// paint-on TTML never repeat text.
public struct CaptionDocument: Sendable, Hashable {
    /// The format the document was read from, if any.
    public var format: CaptionFormat?
    /// WebVTT header text after the `WEBVTT` signature line (the rest of that
    /// line and any header lines), kept for round trips.
    public var header: String
    /// The cues in file order.
    public var cues: [Cue]
    /// Regions cues can refer to.
    public var regions: [Region]
    /// CSS style sheets (WebVTT `STYLE` blocks), in order.
    public var styleSheets: [String]
    /// Comments (WebVTT `NOTE` blocks), kept for round trips.
    public var comments: [CaptionComment]
    /// The document's language (TTML `xml:lang`, WebVTT `Language:` header), if known.
    public var language: String?
    /// TTML paragraphs with their resolved times, in document order; empty for other formats.
    public var paragraphs: [Cue]
    /// The text colour each colour class stands for, by class name: SRT
    /// `<font color>` is read into a `<c.NAME>` span and its CSS colour kept
    /// here, so a WebVTT writer can emit `::cue(.NAME) { color: ... }` (see
    /// ``classColorStyleSheet``) and an SRT writer can write `<font color>` back.
    public var classColors: [String: String]

    /// Creates a document.
    public init(
        format: CaptionFormat? = nil,
        header: String = "",
        cues: [Cue] = [],
        regions: [Region] = [],
        styleSheets: [String] = [],
        comments: [CaptionComment] = [],
        language: String? = nil,
        paragraphs: [Cue] = [],
        classColors: [String: String] = [:]
    ) {
        self.format = format
        self.header = header
        self.cues = cues
        self.regions = regions
        self.styleSheets = styleSheets
        self.comments = comments
        self.language = language
        self.paragraphs = paragraphs
        self.classColors = classColors
    }

    /// The cues that hold what is said, each once: the TTML paragraphs when the
    /// document has them, otherwise the cues.
    public var spokenCues: [Cue] { paragraphs.isEmpty ? cues : paragraphs }

    /// The latest time anything in the document is shown.
    public var lastTime: MediaTime {
        var latest = MediaTime.zero
        for cue in cues + paragraphs {
            latest = max(latest, cue.end ?? cue.start)
        }
        return latest
    }

    /// The document with every source location removed, for comparing models
    /// read from different files.
    public var ignoringSourceLocations: CaptionDocument {
        var copy = self
        for i in copy.cues.indices { copy.cues[i].location = nil }
        for i in copy.paragraphs.indices { copy.paragraphs[i].location = nil }
        return copy
    }
}
