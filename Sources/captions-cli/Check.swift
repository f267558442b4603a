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

    @OptionGroup var input: InputOptions

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
        if inPlace {
            guard input.input != "-" else { throw ValidationError("--in-place needs an input file, not standard input.") }
            guard output.output == nil, to == nil else { throw ValidationError("--in-place writes the input file; drop -o and --to.") }
        }
    }

    func run() async throws {
        try checkOutputIsFree(output)
        let read = try readCaptions(input.input, format: input.from?.format)
        let selected = profile.profile
        let frameRate = fps.flatMap(FrameRate.init(parsing:)) ?? selected.defaultFrameRate
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
}
