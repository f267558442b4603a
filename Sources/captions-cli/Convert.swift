import ArgumentParser
import Captions

/// `captions convert`: from any supported format to any other.
struct Convert: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert a caption file between SRT, WebVTT and TTML.",
        discussion: "The target format is --to, or else the extension of -o. What the target cannot carry is reported on standard error."
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "The output format (srt, vtt, ttml); defaults from the extension of -o.")
    var to: FormatName?

    @Flag(help: "Do not report what the target format could not carry.")
    var quiet = false

    @Flag(help: "Write roll-up and paint-on captions as they are, instead of as pop-on cues holding each line once.")
    var keepRollUp = false

    func validate() throws {
        if to == nil {
            guard let path = output.output, let dot = path.lastIndex(of: "."),
                  CaptionFormat(fileExtension: String(path[path.index(after: dot)...])) != nil
            else {
                throw ValidationError("Give --to srt|vtt|ttml, or an output file with one of those extensions.")
            }
        }
    }

    func run() async throws {
        try checkOutputIsFree(output)
        var document = try readDocument(input, quiet: quiet)
        if !keepRollUp, let popped = document.poppedOn() {
            if !quiet {
                StandardError.print("\(input.input): note: roll-up captions written as pop-on cues (\(document.cues.count) cues became \(popped.cues.count)); --keep-roll-up keeps them as they were")
            }
            document = popped
        }
        let target = outputFormat(to, path: output.output, fallback: .webvtt)
        try writeCaptions(document, as: target, to: output, inputName: input.input, quiet: quiet)
    }
}
