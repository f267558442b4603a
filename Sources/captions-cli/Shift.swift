import ArgumentParser
import Captions

/// `captions shift`: move every time by a fixed amount.
struct Shift: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Move every cue (and inline timestamp) earlier or later.",
        discussion: "A cue that would start before zero is cut to start at zero, one that would end there is dropped; both are reported."
    )

    @OptionGroup var input: InputOptions

    @Option(parsing: .unconditional, help: "How far to move: seconds (1.5, -2), HH:MM:SS.mmm, or HH:MM:SS:FF with --fps.")
    var by: String

    @OptionGroup var timecode: TimecodeOptions
    @OptionGroup var output: EditedOutputOptions

    func validate() throws {
        _ = try timecode.time(by, option: "--by")
    }

    func run() async throws {
        try checkOutputIsFree(output.output)
        let document = try readDocument(input)
        let result = document.shifted(by: try timecode.time(by, option: "--by"))
        report(result.diagnostics, file: input.input)
        try writeEdited(result.document, from: input.input, options: output)
    }
}
