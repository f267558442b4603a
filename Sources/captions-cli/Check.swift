import ArgumentParser
import Captions

/// `captions check`: validation and caption-quality findings against a broadcaster's guidelines.
struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report validation problems and caption-quality findings (line length, reading speed, durations, gaps, overlaps).",
        discussion: """
            Findings are printed as FILE:LINE:COLUMN: severity: [rule] message, or as JSON with --format json. \
            The exit status is 1 when a finding is an error.

            With --fix, overlaps are clipped, gaps the profile rejects are closed, and lines are re-broken \
            within the limits; the fixed captions go to -o (format from --to or its extension), back into \
            the input with --in-place, or to standard output. What changed is said on standard error, and \
            the findings that remain are reported.

            Several files, or directories (searched for caption files), are checked in parallel: each file's \
            findings are printed in input order (with --format json, as an array of reports, each with its "file"), \
            and a closing summary names every file that has an error or could not be read.
            """
    )

    /// The profiles the command line offers.
    enum ProfileName: String, ExpressibleByArgument, CaseIterable {
        case bbc, netflix, dcmp
        var profile: QualityProfile {
            switch self {
            case .bbc: .bbc
            case .netflix: .netflix
            case .dcmp: .dcmp
            }
        }
    }

    /// How findings are printed.
    enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var input: BatchInputOptions

    @Option(help: "The guideline to check against.")
    var profile: ProfileName = .netflix

    @Option(help: "How to print findings.")
    var format: ReportFormat = .text

    @Option(help: "The video's frame rate for frame counts (25, 29.97, 30000/1001); default bbc 25, netflix 24, dcmp 29.97.")
    var fps: String?

    @Flag(help: "Fix what is safe to fix mechanically and write the fixed captions.")
    var fix = false

    @Option(help: "With --fix: the format of the fixed captions (srt, vtt, ttml); default from -o, else the input's.")
    var to: FormatName?

    @Flag(help: "With --fix: replace the input file with the fixed captions.")
    var inPlace = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let fps, FrameRate(parsing: fps) == nil {
            throw ValidationError("--fps must be a positive rate such as 25, 29.97 or 30000/1001, not '\(fps)'.")
        }
        if !fix, to != nil || inPlace {
            throw ValidationError("--to and --in-place only apply with --fix.")
        }
        if input.outputDirectory != nil {
            throw ValidationError("check writes no file per input; drop --output-dir.")
        }
        if input.isBatch, fix || output.output != nil {
            throw ValidationError("--fix and -o work on one file at a time; several files are reported on standard output.")
        }
        if inPlace {
            guard input.input != "-" else { throw ValidationError("--in-place needs an input file, not standard input.") }
            guard output.output == nil, to == nil else { throw ValidationError("--in-place writes the input file; drop -o and --to.") }
        }
    }

    func run() async throws {
        let selected = profile.profile
        let frameRate = fps.flatMap(FrameRate.init(parsing:)) ?? selected.defaultFrameRate
        if input.isBatch {
            try await runBatch(profile: selected, frameRate: frameRate)
            return
        }
        try checkOutputIsFree(output)
        let read = try readCaptions(input.input, format: input.from?.format)
        var document = read.document

        // The report goes to -o, unless --fix writes the captions there: then
        // it takes whichever of standard output and standard error is free.
        var reportPath = output.output
        var reportToStandardError = false
        if fix {
            let fixer = CaptionFixer(profile: selected, frameRate: frameRate)
            let result = fixer.fix(document)
            document = result.document
            let lines = fixer.summary(of: result.changes)
            for line in lines.isEmpty ? ["nothing to fix"] : lines {
                StandardError.print("\(input.input): fix: \(line)")
            }
            let target = outputFormat(to, path: output.output, fallback: read.document.format ?? .webvtt)
            let destination = inPlace ? input.input : output.output
            try writeCaptions(document, as: target, toPath: destination, force: inPlace || output.force, inputName: input.input)
            reportPath = nil
            reportToStandardError = destination == nil || destination == "-"
        }

        let findings = CaptionChecker(profile: selected, frameRate: frameRate).check(document, diagnostics: read.diagnostics)
        let report = CheckReport(profile: selected, frameRate: frameRate, file: input.input, findings: findings)
        let text: String = switch format {
        case .json: report.json.serialized() + "\n"
        case .text: report.textLines.map { $0 + "\n" }.joined()
        }
        if reportToStandardError {
            StandardError.printUnterminated(text)
        } else {
            try emit(Array(text.utf8), toPath: reportPath, force: output.force)
        }
        if format == .text { StandardError.print(report.summary) }
        if report.hasErrors { throw ExitCode(1) }
    }

    /// Checks several files in parallel, reporting each in input order.
    private func runBatch(profile: QualityProfile, frameRate: FrameRate) async throws {
        let jobs = try input.plan(outputExtension: "")
        let (from, format, first) = (input.from?.format, format, jobs.first)
        if format == .json { writeStandardOutput(Array("[\n".utf8)) }
        let runner = BatchRunner(jobs: jobs, width: input.width, pastTense: "checked")
        let status = await runner.run { job in
            let separator = job == first ? "" : ",\n"
            let report: CheckReport
            do throws(CaptionError) {
                let read = try CaptionDocument.read(try readBytes(job.input), format: from, file: job.input)
                let findings = CaptionChecker(profile: profile, frameRate: frameRate).check(read.document, diagnostics: read.diagnostics)
                report = CheckReport(profile: profile, frameRate: frameRate, file: job.input, findings: findings)
            } catch {
                // A JSON reader still gets one entry per file.
                let entry = JSONValue.object([("file", .string(job.input)), ("error", .string(error.description))])
                let output = format == .json ? Array((separator + entry.serialized()).utf8) : []
                return BatchFileResult(standardOutput: output, failure: error.description)
            }
            let firstError = report.textLines.indices.first { report.findings[$0].severity == .error }.map { report.textLines[$0] }
            switch format {
            case .text:
                let text = report.textLines.map { $0 + "\n" }.joined()
                return BatchFileResult(warnings: [report.summary], standardOutput: Array(text.utf8), failure: firstError)
            case .json:
                guard case .object(let fields) = report.json else { return BatchFileResult() }
                let entry = JSONValue.object([("file", .string(job.input))] + fields)
                return BatchFileResult(standardOutput: Array((separator + entry.serialized()).utf8), failure: firstError)
            }
        }
        if format == .json { writeStandardOutput(Array("\n]\n".utf8)) }
        if status != 0 { throw ExitCode(status) }
    }
}
