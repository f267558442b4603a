extension Transcript {
    /// A file format a transcript can be written in.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        /// Plain UTF-8 text: a blank line between paragraphs, `Name:` at each
        /// turn, no wrapping.
        case text
        /// Markdown: a heading, the speakers in bold, sound descriptions in italics.
        case markdown
        /// One self-contained, accessible HTML page.
        case html
        /// JSON for other tools: paragraphs and sentences with their times.
        case json

        /// The format a file name's extension asks for (`txt`, `md`, `html`, `json`), if any.
        ///
        /// - Parameter fileExtension: the extension, without the dot, in any case.
        public init?(fileExtension: String) {
            switch fileExtension.lowercased() {
            case "txt", "text": self = .text
            case "md", "markdown": self = .markdown
            case "html", "htm", "xhtml": self = .html
            case "json": self = .json
            default: return nil
            }
        }

        /// The usual extension of a file in this format, without the dot.
        public var fileExtension: String {
            switch self {
            case .text: "txt"
            case .markdown: "md"
            case .html: "html"
            case .json: "json"
            }
        }
    }

    /// What the written transcript says about itself, and how.
    public struct Presentation: Sendable, Hashable {
        /// The title of the recording (`Port Ellery floods`).
        public var title: String?
        /// The caption file the transcript was made from, shown as its file name.
        public var source: String?
        /// The language of the text (a BCP 47 tag); when `nil`, the captions' own.
        public var language: String?
        /// The recording's URL: HTML time links go to `MEDIA#t=SECONDS` and the
        /// page gets a player; Markdown timestamps link the same way.
        public var media: String?
        /// Text and Markdown: start each paragraph with its time, `[HH:MM:SS]`.
        /// (HTML and JSON always have times.)
        public var timestamps: Bool
        /// Text: start with the title, source, duration and speakers. (The other
        /// formats always have them; plain text is the words alone by default.)
        public var header: Bool

        /// Creates a presentation; everything is off or unknown by default.
        ///
        /// - Parameters:
        ///   - title: the recording's title.
        ///   - source: the caption file's path.
        ///   - language: the language tag, overriding the captions' own.
        ///   - media: the recording's URL.
        ///   - timestamps: whether text and Markdown show paragraph times.
        ///   - header: whether plain text starts with the title and details.
        public init(title: String? = nil, source: String? = nil, language: String? = nil, media: String? = nil,
                    timestamps: Bool = false, header: Bool = false) {
            self.title = title
            self.source = source
            self.language = language
            self.media = media
            self.timestamps = timestamps
            self.header = header
        }

        /// The source's file name without its folders; `nil` for standard input.
        var sourceName: String? {
            guard let source, !source.isEmpty, source != "-" else { return nil }
            return source.split(separator: "/").last.map(String.init) ?? source
        }
    }

    /// Writes the transcript in a format.
    ///
    /// - Parameters:
    ///   - format: the file format.
    ///   - presentation: the title, source, language and options.
    /// - Returns: the UTF-8 bytes, with a warning when an HTML page's language
    ///   is unknown (it is then marked `und`, undetermined).
    public func rendered(as format: Format, presentation: Presentation = Presentation()) -> WriteResult {
        var diagnostics: [Diagnostic] = []
        let text: String
        switch format {
        case .text:
            text = TextTranscriptWriter(transcript: self, presentation: presentation).write()
        case .markdown:
            text = MarkdownTranscriptWriter(transcript: self, presentation: presentation).write()
        case .json:
            text = JSONTranscriptWriter(transcript: self, presentation: presentation).write()
        case .html:
            let language = resolvedLanguage(presentation)
            if language == nil {
                let given = presentation.language ?? self.language
                let reason = given.map { "the language tag \"\($0)\" is not well-formed" }
                    ?? "the captions do not say their language"
                diagnostics.append(Diagnostic(
                    .warning, code: "transcript-language",
                    "\(reason); the page is marked lang=\"und\" (undetermined): give --lang",
                    at: SourceLocation(file: presentation.source, line: 1)))
            }
            text = HTMLTranscriptWriter(transcript: self, presentation: presentation, language: language ?? "und").write()
        }
        return WriteResult(bytes: Array(text.utf8), diagnostics: diagnostics)
    }

    /// The language to declare: the presentation's, else the captions', if it is a well-formed tag.
    func resolvedLanguage(_ presentation: Presentation) -> String? {
        guard let tag = presentation.language ?? language else { return nil }
        let normalised = String(tag.map { $0 == "_" ? "-" : $0 })
        return Self.isWellFormedLanguageTag(normalised) ? normalised : nil
    }

    /// `true` for a tag of BCP 47 shape: a primary subtag of 2 to 8 letters
    /// (or `i`/`x` for the grandfathered and private forms), then subtags of 1
    /// to 8 letters or digits, separated by hyphens.
    ///
    /// - Parameter tag: the tag to check.
    /// - Returns: whether the tag is well-formed (not whether it is registered).
    public static func isWellFormedLanguageTag(_ tag: String) -> Bool {
        let subtags = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = subtags.first, (2...8).contains(primary.count) || primary == "i" || primary == "x",
              primary.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return false }
        return subtags.dropFirst().allSatisfy { subtag in
            (1...8).contains(subtag.count) && subtag.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }

    /// The main heading: the title, else "Transcript of FILE", else "Transcript".
    func heading(_ presentation: Presentation) -> String {
        if let title = presentation.title, !title.isEmpty { return title }
        return presentation.sourceName.map { "Transcript of \($0)" } ?? "Transcript"
    }

    /// The details every format that has room for them lists: source, duration, speakers.
    func details(_ presentation: Presentation) -> [(label: String, value: String)] {
        var details: [(String, String)] = []
        if let name = presentation.sourceName { details.append(("Source", name)) }
        details.append(("Duration", TranscriptClock.short(duration)))
        if !speakers.isEmpty { details.append(("Speakers", speakers.joined(separator: ", "))) }
        return details
    }
}

extension Transcript.Paragraph {
    /// The label shown before the paragraph: the speaker's name at the start
    /// of a turn, `Speaker` for a turn whose speaker the captions do not name
    /// (a `>>` or dialogue dash), `Description` for a description, else `nil`.
    var label: String? {
        switch kind {
        case .description: return "Description"
        case .speech, .sound: return startsTurn ? speaker ?? "Speaker" : nil
        }
    }
}
