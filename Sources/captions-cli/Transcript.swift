import ArgumentParser
import Captions

/// The transcript formats the command line accepts.
enum TranscriptFormatName: String, ExpressibleByArgument, CaseIterable {
    case text, txt, markdown, md, html, json

    var format: Transcript.Format {
        switch self {
        case .text, .txt: .text
        case .markdown, .md: .markdown
        case .html: .html
        case .json: .json
        }
    }
}

/// The roll-up modes the command line accepts.
enum RollUpName: String, ExpressibleByArgument, CaseIterable {
    case automatic, always, never

    var mode: RollUpDeduplicator.Mode {
        switch self {
        case .automatic: .automatic
        case .always: .always
        case .never: .never
        }
    }
}

/// The ways of finding sentence ends the command line accepts.
enum SentenceBreaksName: String, ExpressibleByArgument, CaseIterable {
    case automatic, punctuation, pauses

    var breaks: Transcript.SentenceBreaks {
        switch self {
        case .automatic: .automatic
        case .punctuation: .punctuation
        case .pauses: .pauses
        }
    }
}

/// `captions transcript`: what was said, as readable text, Markdown, HTML or JSON.
struct TranscriptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transcript",
        abstract: "Write a readable transcript: sentences and paragraphs, speakers, sound descriptions, roll-up repeats removed.",
        discussion: """
            The format is --format, or else the extension of -o (.txt, .md, .html, .json), or else text. \
            A paragraph starts at each change of speaker or story (>>>) and after a pause of 2 seconds. \
            Captions without punctuation (machine transcription) are broken into sentences at pauses.
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "The output format: text, markdown, html or json.")
    var format: TranscriptFormatName?

    @Option(help: "The title of the recording, for the heading.")
    var title: String?

    @Option(help: "The language of the text (a BCP 47 tag such as en-GB); defaults to the captions' own.")
    var lang: String?

    @Option(help: "The URL of the recording: HTML times link to URL#t=SECONDS and the page gets a player.")
    var media: String?

    @Flag(help: "Text and Markdown: start each paragraph with its time, [HH:MM:SS].")
    var timestamps = false

    @Flag(help: "Text: start with the title, source, duration and speakers.")
    var header = false

    @Option(help: "An audio-description track (WebVTT kind=descriptions, or any caption file) to merge in as descriptions.")
    var descriptions: String?

    @Option(help: "Roll-up repeats: automatic (detect), always, or never (keep every cue's words).")
    var rollUp: RollUpName = .automatic

    @Option(help: "Sentence ends: automatic, punctuation (as written) or pauses (for captions without punctuation).")
    var sentences: SentenceBreaksName = .automatic

    @Option(help: "The pause, in seconds, that starts a new paragraph.")
    var paragraphPause: Double = 2

    func validate() throws {
        if let lang, !Transcript.isWellFormedLanguageTag(lang) {
            throw ValidationError("--lang \"\(lang)\" is not a language tag (such as en, en-GB, cy, pt-BR).")
        }
        guard paragraphPause.isFinite, paragraphPause > 0, paragraphPause < 86_400 else {
            throw ValidationError("--paragraph-pause must be a number of seconds above 0.")
        }
    }

    func run() async throws {
        try checkOutputIsFree(output)
        let document = try readDocument(input)
        guard !document.spokenCues.isEmpty else {
            StandardError.print(CaptionError(.invalidInput, "no cues to make a transcript of", at: SourceLocation(file: input.input, line: 1)).description)
            throw ExitCode(ExitStatus.invalidInput)
        }
        let track = try descriptions.map { path in
            let result = try readCaptions(path, format: nil)
            for diagnostic in result.diagnostics where diagnostic.severity != .info { StandardError.print(diagnostic.description) }
            return result.document
        }
        var options = Transcript.Options(rollUp: rollUp.mode, sentenceBreaks: sentences.breaks)
        options.paragraphPause = MediaTime(approximating: paragraphPause) ?? options.paragraphPause
        let transcript = Transcript(document, descriptions: track, options: options)
        if transcript.paragraphs.isEmpty {
            StandardError.print("\(input.input):1:1: warning: the captions hold no words; the transcript is empty")
        }
        let target = format?.format ?? output.output.flatMap(Self.format(ofPath:)) ?? .text
        let presentation = Transcript.Presentation(
            title: title, source: input.input, language: lang, media: media, timestamps: timestamps, header: header)
        let result = transcript.rendered(as: target, presentation: presentation)
        for diagnostic in result.diagnostics { StandardError.print(diagnostic.description) }
        try emit(result.bytes, to: output)
    }

    /// The format a file name's extension asks for.
    private static func format(ofPath path: String) -> Transcript.Format? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        return Transcript.Format(fileExtension: String(path[path.index(after: dot)...]))
    }
}
