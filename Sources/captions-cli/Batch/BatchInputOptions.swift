import ArgumentParser
import Captions

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Options of a command that reads one caption file or many: the inputs,
/// their format, and for a command that writes files, where the outputs go.
///
/// With one input file and no `--output-dir`, the command behaves as a
/// single-file command (`-o OUT` or standard output). With `--output-dir`,
/// several inputs or a directory, it runs as a batch (``BatchRunner``).
struct BatchInputOptions: ParsableArguments {
    @Argument(help: "Caption files or directories (searched recursively for caption files), or - for standard input.")
    var inputs: [String]

    @Option(help: "The input format (srt, vtt, ttml); detected from the content when omitted.")
    var from: FormatName?

    @Option(name: .customLong("output-dir"), help: ArgumentHelp(
        "Write one output per input into this directory (created if missing), named after the input with the new extension.",
        valueName: "dir"))
    var outputDirectory: String?

    @Option(name: [.customShort("j"), .long], help: "How many files to process at once (default: one per core).")
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
    }

    /// The checks of a command that writes one output per input.
    ///
    /// - Parameter output: the command's `-o`/`--force` options.
    /// - Throws: `ValidationError` when `-o` is combined with a batch, or a
    ///   batch (several inputs, a directory) has no `--output-dir`.
    func validateForWriting(_ output: OutputOptions) throws {
        if outputDirectory != nil, output.output != nil {
            throw ValidationError("Give either -o FILE (one input) or --output-dir DIR, not both.")
        }
        guard outputDirectory == nil else { return }
        if inputs.count > 1 {
            throw ValidationError("Several inputs need --output-dir DIR.")
        }
        if let input = inputs.first, input != "-", BatchPlan.isDirectory(input) {
            throw ValidationError("\(input) is a directory; give --output-dir DIR to convert the files in it.")
        }
    }

    /// `true` when the command runs as a batch: an output directory, several
    /// inputs or a directory was given. A command that only reports (no
    /// output files) uses this to choose; a writing command, `--output-dir`.
    var isBatch: Bool {
        outputDirectory != nil || inputs.count > 1 || inputs.contains { $0 != "-" && BatchPlan.isDirectory($0) }
    }

    /// The single input of a command run on one file.
    var input: String { inputs.first ?? "-" }

    /// The number of files to process at once.
    var width: Int { jobs ?? BatchRunner.coreCount }

    /// Lists the batch's jobs and creates the output directory.
    ///
    /// - Parameters:
    ///   - extensions: the extensions searched for in input directories.
    ///   - outputExtension: the extension of each output.
    /// - Returns: the jobs, one per distinct input file.
    /// - Throws: `ExitCode` 64 for inputs that cannot form a batch (two
    ///   mapping to one output), 66 for a directory with nothing to read,
    ///   74 when the output directory cannot be created; the reason is printed.
    func plan(extensions: Set<String> = BatchInputOptions.captionExtensions, outputExtension: String) throws -> [BatchJob] {
        let jobs: [BatchJob]
        do {
            jobs = try BatchPlan.jobs(for: inputs, extensions: extensions, outputDirectory: outputDirectory, outputExtension: outputExtension)
        } catch {
            StandardError.print("error: \(error.description)")
            throw ExitCode(error.status)
        }
        if let outputDirectory, let failure = makeDirectory(outputDirectory) {
            StandardError.print("\(outputDirectory): error: cannot create the output directory: \(failure)")
            throw ExitCode(ExitStatus.unwritableOutput)
        }
        return jobs
    }

    /// The extensions of caption files, looked for in input directories.
    static let captionExtensions: Set<String> = ["srt", "vtt", "webvtt", "ttml", "dfxp", "imsc", "xml"]

    /// Creates `path` and its missing parents; returns the reason on failure.
    private func makeDirectory(_ path: String) -> String? {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component + "/"
            if mkdir(prefix, 0o755) != 0, errno != EEXIST {
                return String(cString: strerror(errno))
            }
        }
        return BatchPlan.isDirectory(path) ? nil : "not a directory"
    }
}
