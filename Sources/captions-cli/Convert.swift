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

    @Option(name: .customLong("frame-rate"), help: ArgumentHelp(
        "TTML output only: write times as HH:MM:SS:FF frame time codes at this rate (25, 29.97, 30000/1001, ...).",
        valueName: "rate"))
    var frameRate: String?

    func validate() throws {
        try inputs.validateForWriting(output)
        if let frameRate, FrameRate(parsing: frameRate) == nil {
            throw ValidationError("--frame-rate takes a rate such as 25, 29.97 or 30000/1001, not '\(frameRate)'.")
        }
        if let frameRate, FrameRate(parsing: frameRate) == nil {
            throw ValidationError("--frame-rate must be a positive rate such as 25, 29.97 or 30000/1001, not '\(frameRate)'.")
        }
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
        if frameRate != nil, target != .ttml {
            throw ValidationError("--frame-rate applies to TTML output only.")
        }
        if inputs.outputDirectory != nil {
            try await runBatch(to: target)
            return
        }
        try checkOutputIsFree(output)
        let read = try readDocument(path: inputs.input, format: inputs.from?.format, quiet: quiet)
        let writer = writer(for: target)
        // The roll-up check reads every cue; it runs beside the writing of
        // the document as read, whose bytes are used when (as for nearly
        // every file) there is no roll-up to rewrite.
        async let rewritten = keepRollUp ? nil : read.poppedOn()
        let asRead = writer.write(read)
        let result: WriteResult
        if let popped = await rewritten {
            noteRollUp(from: read, to: popped, name: inputs.input)
            result = writer.write(popped)
        } else {
            result = asRead
        }
        if !quiet {
            for line in result.reportLines(format: target, inputName: inputs.input) { StandardError.print(line) }
        }
        try emit(result.bytes, to: output)
    }

    /// The target's writer, with the options given.
    private func writer(for target: CaptionFormat) -> any CaptionWriting {
        if target == .ttml, let rate = frameRate.flatMap(FrameRate.init(parsing:)) { return TTMLWriter(frameRate: rate) }
        return target.writer
    }

    /// Converts every input into the output directory.
    private func runBatch(to target: CaptionFormat) async throws {
        let jobs = try inputs.plan(outputExtension: target.fileExtension)
        let (from, force, quiet, writer) = (inputs.from?.format, output.force, quiet, writer(for: target))
        let runner = BatchRunner(jobs: jobs, width: inputs.width, pastTense: "converted")
        let status = await runner.run { job throws(CaptionError) in
            guard let path = job.output else { return BatchFileResult() }
            let file = outputFile(path, force: force)
            // Refuse an existing output before the work, not after it.
            if !force, access(path, F_OK) == 0 { throw outputExists(path) }
            let read = try CaptionDocument.read(try readBytes(job.input), format: from, file: job.input)
            let result = writer.write(popOn(read.document, name: job.input))
            try file.write(result.bytes)
            return BatchFileResult(warnings: quiet ? [] : read.warningLines + result.reportLines(format: target, inputName: job.input))
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// Roll-up and paint-on captions become pop-on cues holding each line once, unless --keep-roll-up.
    private func popOn(_ read: CaptionDocument, name: String) -> CaptionDocument {
        guard !keepRollUp, let document = read.poppedOn() else { return read }
        noteRollUp(from: read, to: document, name: name)
        return document
    }

    /// Says on standard error, unless --quiet, that roll-up captions were rewritten.
    private func noteRollUp(from read: CaptionDocument, to popped: CaptionDocument, name: String) {
        guard !quiet else { return }
        StandardError.print("\(name): note: roll-up captions written as pop-on cues (\(read.cues.count) cues became \(popped.cues.count)); --keep-roll-up keeps them as they were")
    }
}
