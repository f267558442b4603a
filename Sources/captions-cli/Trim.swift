import ArgumentParser
import Captions

/// `captions trim`: keep what is shown between two times.
struct Trim: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Keep what is shown between two times; cues crossing either edge are clipped.",
        discussion: "Here --from and --to are times, so the formats are --input-format and --output-format."
    )

    @Argument(help: "The caption file to read, or - for standard input.")
    var input: String

    @Option(name: [.customLong("from"), .customLong("start")], parsing: .unconditional,
            help: "The first time kept (default 0): seconds, HH:MM:SS.mmm, or HH:MM:SS:FF with --fps.")
    var from: String?

    @Option(name: [.customLong("to"), .customLong("end")], parsing: .unconditional,
            help: "The time from which nothing is kept (default: the end).")
    var to: String?

    @Flag(help: "Move the result so that --from becomes zero.")
    var rebase = false

    @Option(name: .customLong("input-format"), help: "The input format (srt, vtt, ttml); detected from the content when omitted.")
    var sourceFormat: FormatName?

    @Option(name: .customLong("output-format"), help: "The output format (srt, vtt, ttml); default from the extension of -o, else the input's.")
    var targetFormat: FormatName?

    @OptionGroup var timecode: TimecodeOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        let (start, end) = try window()
        if let end, end <= start { throw ValidationError("--to must be after --from.") }
    }

    private func window() throws -> (MediaTime, MediaTime?) {
        let start = try from.map { try timecode.time($0, option: "--from") } ?? .zero
        let end = try to.map { try timecode.time($0, option: "--to") }
        return (start, end)
    }

    func run() async throws {
        try checkOutputIsFree(output)
        let read = try readCaptions(input, format: sourceFormat?.format)
        report(read.diagnostics.filter { $0.severity != .info }, file: input)
        let (start, end) = try window()
        let trimmed = read.document.trimmed(from: start, to: end, rebase: rebase)
        let format = outputFormat(targetFormat, path: output.output, fallback: read.document.format ?? .webvtt)
        try writeCaptions(trimmed, as: format, to: output, inputName: input)
    }
}
