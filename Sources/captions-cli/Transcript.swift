import ArgumentParser
import Captions

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
            With --output-dir, several inputs or directories are transcribed in parallel, each to the input's name \
            with the format's extension (.txt, .md, .html, .json); one bad file does not stop the others.
            """
    )

    @OptionGroup var input: BatchInputOptions
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
        try input.validateForWriting(output)
        if input.outputDirectory != nil, title != nil || media != nil || descriptions != nil {
            throw ValidationError("--title, --media and --descriptions name one recording; give them for one file at a time, not with --output-dir.")
        }
        if let lang, !Transcript.isWellFormedLanguageTag(lang) {
            throw ValidationError("--lang \"\(lang)\" is not a language tag (such as en, en-GB, cy, pt-BR).")
        }
        guard paragraphPause.isFinite, paragraphPause > 0, paragraphPause < 86_400 else {
            throw ValidationError("--paragraph-pause must be a number of seconds above 0.")
        }
    }

    func run() async throws {
        if input.outputDirectory != nil {
            try await runBatch()
            return
        }
        try checkOutputIsFree(output)
        let document = try readDocument(path: input.input, format: input.from?.format)
        guard !document.spokenCues.isEmpty else {
            StandardError.print(Self.noCues(input.input).description)
            throw ExitCode(ExitStatus.invalidInput)
        }
        let track = try descriptions.map { path in
            let result = try readCaptions(path, format: nil)
            for diagnostic in result.diagnostics where diagnostic.severity != .info { StandardError.print(diagnostic.description) }
            return result.document
        }
        let target = format?.format ?? output.output.flatMap(Self.format(ofPath:)) ?? .text
        let (result, warnings) = render(document, descriptions: track, source: input.input, as: target)
        for line in warnings { StandardError.print(line) }
        try emit(result.bytes, to: output)
    }

    /// Writes the transcript of every input into the output directory.
    private func runBatch() async throws {
        let target = format?.format ?? .text
        let jobs = try input.plan(outputExtension: target.fileExtension)
        let (from, force) = (input.from?.format, output.force)
        let runner = BatchRunner(jobs: jobs, width: input.width, pastTense: "transcribed")
        let command = self
        let status = await runner.run { job throws(CaptionError) in
            guard let path = job.output else { return BatchFileResult() }
            if !force, access(path, F_OK) == 0 { throw outputExists(path) }
            let read = try CaptionDocument.read(try readBytes(job.input), format: from, file: job.input)
            guard !read.document.spokenCues.isEmpty else { throw Self.noCues(job.input) }
            let (result, warnings) = command.render(read.document, descriptions: nil, source: job.input, as: target)
            try outputFile(path, force: force).write(result.bytes)
            return BatchFileResult(warnings: read.warningLines + warnings)
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// The transcript of `document` as `target`, with the warnings to print.
    private func render(_ document: CaptionDocument, descriptions track: CaptionDocument?, source: String,
                        as target: Transcript.Format) -> (result: WriteResult, warnings: [String]) {
        var options = Transcript.Options(rollUp: rollUp.mode, sentenceBreaks: sentences.breaks)
        options.paragraphPause = MediaTime(approximating: paragraphPause) ?? options.paragraphPause
        let transcript = Transcript(document, descriptions: track, options: options)
        var warnings: [String] = []
        if transcript.paragraphs.isEmpty {
            warnings.append("\(source):1:1: warning: the captions hold no words; the transcript is empty")
        }
        let presentation = Transcript.Presentation(
            title: title, source: source, language: lang, media: media, timestamps: timestamps, header: header)
        let result = transcript.rendered(as: target, presentation: presentation)
        return (result, warnings + result.diagnostics.map(\.description))
    }

    /// The error for captions with nothing to transcribe.
    private static func noCues(_ file: String) -> CaptionError {
        CaptionError(.invalidInput, "no cues to make a transcript of", at: SourceLocation(file: file, line: 1))
    }

    /// The format a file name's extension asks for.
    private static func format(ofPath path: String) -> Transcript.Format? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        return Transcript.Format(fileExtension: String(path[path.index(after: dot)...]))
    }
}
