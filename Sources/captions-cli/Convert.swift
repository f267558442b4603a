import ArgumentParser
import Captions

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `captions convert`: from any supported format to any other, one file or many.
struct Convert: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert caption files between SRT, WebVTT and TTML.",
        discussion: """
            The target format is --to, or else the extension of -o. What the target cannot carry is reported on standard error.
            With --output-dir, several inputs or directories are converted in parallel, each to the input's name with the \
            target's extension; one bad file does not stop the others, and the exit status is 1 when any file failed.
            """
    )

    @OptionGroup var inputs: BatchInputOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "The output format (srt, vtt, ttml); defaults from the extension of -o.")
    var to: FormatName?

    @Flag(help: "Do not report what the target format could not carry.")
    var quiet = false

    @Flag(help: "Write roll-up and paint-on captions as they are, instead of as pop-on cues holding each line once.")
    var keepRollUp = false

    func validate() throws {
        try inputs.validateForWriting(output)
        if to == nil {
            guard let path = output.output, let dot = path.lastIndex(of: "."),
                  CaptionFormat(fileExtension: String(path[path.index(after: dot)...])) != nil
            else {
                throw ValidationError("Give --to srt|vtt|ttml, or an output file with one of those extensions.")
            }
        }
    }

    func run() async throws {
        let target = outputFormat(to, path: output.output, fallback: .webvtt)
        if inputs.outputDirectory != nil {
            try await runBatch(to: target)
            return
        }
        try checkOutputIsFree(output)
        let read = try readDocument(path: inputs.input, format: inputs.from?.format, quiet: quiet)
        let document = popOn(read, name: inputs.input)
        try writeCaptions(document, as: target, to: output, inputName: inputs.input, quiet: quiet)
    }

    /// Converts every input into the output directory.
    private func runBatch(to target: CaptionFormat) async throws {
        let jobs = try inputs.plan(outputExtension: target.fileExtension)
        let (from, force, quiet) = (inputs.from?.format, output.force, quiet)
        let runner = BatchRunner(jobs: jobs, width: inputs.width, pastTense: "converted")
        let status = await runner.run { job throws(CaptionError) in
            guard let path = job.output else { return BatchFileResult() }
            let file = outputFile(path, force: force)
            // Refuse an existing output before the work, not after it.
            if !force, access(path, F_OK) == 0 { throw outputExists(path) }
            let read = try CaptionDocument.read(try readBytes(job.input), format: from, file: job.input)
            let result = target.writer.write(popOn(read.document, name: job.input))
            try file.write(result.bytes)
            return BatchFileResult(warnings: quiet ? [] : read.warningLines + result.reportLines(format: target, inputName: job.input))
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// Roll-up and paint-on captions become pop-on cues holding each line once, unless --keep-roll-up.
    private func popOn(_ read: CaptionDocument, name: String) -> CaptionDocument {
        guard !keepRollUp else { return read }
        let document = read.poppedOn()
        if !quiet, document != read {
            StandardError.print("\(name): note: roll-up captions written as pop-on cues (\(read.cues.count) cues became \(document.cues.count)); --keep-roll-up keeps them as they were")
        }
        return document
    }
}
