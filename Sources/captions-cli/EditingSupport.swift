import ArgumentParser
import Captions

/// Where an edited document goes: `--to`, `-o`, `--force`.
struct EditedOutputOptions: ParsableArguments {
    @Option(help: "The output format (srt, vtt, ttml); default from the extension of -o, else the input's.")
    var to: FormatName?

    @OptionGroup var output: OutputOptions
}

/// `--fps`, the rate SMPTE timecodes (`HH:MM:SS:FF`) count frames at.
struct TimecodeOptions: ParsableArguments {
    @Option(help: "The frame rate of HH:MM:SS:FF timecodes (25, 29.97, 30000/1001); HH:MM:SS;FF is drop-frame.")
    var fps: String?

    /// Reads a time option: seconds, `HH:MM:SS.mmm`, or a timecode at `--fps`.
    func time(_ text: String, option: String) throws -> MediaTime {
        var rate: FrameRate?
        if let fps {
            guard let parsed = FrameRate(parsing: fps) else {
                throw ValidationError("--fps must be a positive rate such as 25, 29.97 or 30000/1001, not '\(fps)'.")
            }
            rate = parsed
        }
        do {
            return try MediaTime(parsingTime: text, frameRate: rate)
        } catch {
            throw ValidationError("\(option): \(error.message)")
        }
    }
}

/// Prints an edit's warnings and notes on standard error.
func report(_ diagnostics: [Diagnostic], file: String) {
    for diagnostic in diagnostics {
        var located = diagnostic
        if located.location.file == nil { located.location.file = file }
        StandardError.print(located.description)
    }
}

/// Writes an edited document where `options` say, in the format they ask for
/// (else the input's).
func writeEdited(_ document: CaptionDocument, from input: String, options: EditedOutputOptions) throws {
    let format = outputFormat(options.to, path: options.output.output, fallback: document.format ?? .webvtt)
    try writeCaptions(document, as: format, to: options.output, inputName: input)
}
