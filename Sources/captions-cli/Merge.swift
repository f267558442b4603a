import ArgumentParser
import Captions

/// `captions merge`: two caption files on one timeline.
struct Merge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge two caption files into one timeline (a translation or description track alongside).",
        discussion: "The first file's header and format lead; identifiers and regions of the second that clash are renamed."
    )

    @Argument(help: "The main caption file.")
    var first: String

    @Argument(help: "The caption file merged into it.")
    var second: String

    @Option(help: "The input format of both files (srt, vtt, ttml); detected from the content when omitted.")
    var from: FormatName?

    @OptionGroup var output: EditedOutputOptions

    func validate() throws {
        if first == "-" && second == "-" { throw ValidationError("Only one of the two files can be standard input.") }
    }

    func run() async throws {
        try checkOutputIsFree(output.output)
        let a = try readCaptions(first, format: from?.format)
        let b = try readCaptions(second, format: from?.format)
        report(a.diagnostics.filter { $0.severity != .info }, file: first)
        report(b.diagnostics.filter { $0.severity != .info }, file: second)
        let result = CaptionDocument.merged(a.document, b.document)
        report(result.diagnostics, file: second)
        try writeEdited(result.document, from: first, options: output)
    }
}
