import Captions

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one file of a batch produced.
struct BatchFileResult: Sendable {
    /// Lines for standard error (warnings, conversion losses), printed when the file is done.
    var warnings: [String] = []
    /// Bytes for standard output (a report), printed in input order.
    var standardOutput: [UInt8] = []
    /// Why the file failed (`FILE:LINE:COLUMN: error: MESSAGE`), or `nil` when it succeeded.
    var failure: String?
}

/// Runs one command over many files at once, so that one bad file does not
/// stop the others.
///
/// Files are processed in parallel, at most ``width`` at a time (by default
/// one per core), with structured concurrency. Warnings go to standard error
/// as each file finishes; standard output is written in input order whatever
/// the order of completion. When standard error is a terminal a progress bar
/// is shown. At the end a summary names every failure with its
/// `FILE:LINE:COLUMN: error:` line and gives the counts; the exit status is 0
/// when every file succeeded and 1 otherwise.
///
/// A command adopts it in a few lines (this is how `convert` does it):
///
/// ```swift
/// @OptionGroup var inputs: BatchInputOptions      // IN..., --from, --output-dir, --jobs
///
/// let jobs = try inputs.plan(outputExtension: "txt")  // collisions refused here
/// let (from, force) = (inputs.from?.format, output.force)
/// let runner = BatchRunner(jobs: jobs, width: inputs.width, pastTense: "written")
/// let status = await runner.run { job throws(CaptionError) in
///     let read = try CaptionDocument.read(try readBytes(job.input), format: from, file: job.input)
///     let bytes = …                                     // the command's work
///     try outputFile(job.output!, force: force).write(bytes)
///     return BatchFileResult(warnings: read.warningLines)
/// }
/// if status != 0 { throw ExitCode(status) }
/// ```
///
/// A reporting command (like `check`) chooses with ``BatchInputOptions/isBatch``,
/// refuses `--output-dir` in its `validate()`, plans with no output directory
/// (each job's `output` is `nil`), returns its report in
/// ``BatchFileResult/standardOutput`` (printed in input order) and sets
/// ``BatchFileResult/failure`` for a file with an error-level finding.
struct BatchRunner {
    /// The files, in input order.
    var jobs: [BatchJob]
    /// How many files are processed at once.
    var width: Int
    /// The summary's word for a successful file: `converted`, `checked`.
    var pastTense: String

    /// Processes every job with `operation` and prints the summary.
    ///
    /// - Parameter operation: the command's work on one file; a thrown
    ///   ``CaptionError`` fails that file only.
    /// - Returns: the exit status, 0 when every file succeeded and 1 otherwise.
    func run(_ operation: @escaping @Sendable (BatchJob) throws(CaptionError) -> BatchFileResult) async -> Int32 {
        let jobs = self.jobs
        let progress = ProgressLine(total: jobs.count)
        var results = [BatchFileResult?](repeating: nil, count: jobs.count)
        var printedUpTo = 0
        var done = 0
        var failures = 0
        progress.draw(done: 0, failed: 0)
        await withTaskGroup(of: (Int, BatchFileResult).self) { group in
            var next = 0
            func startNext() {
                guard next < jobs.count else { return }
                let index = next
                next += 1
                group.addTask {
                    do throws(CaptionError) {
                        return (index, try operation(jobs[index]))
                    } catch {
                        return (index, BatchFileResult(failure: error.description))
                    }
                }
            }
            for _ in 0..<max(1, width) { startNext() }
            while let (index, result) = await group.next() {
                startNext()
                done += 1
                if result.failure != nil { failures += 1 }
                if !result.warnings.isEmpty {
                    progress.clear()
                    for line in result.warnings { StandardError.print(line) }
                }
                results[index] = result
                // Standard output keeps input order: print every finished file
                // that has no unfinished file before it.
                while printedUpTo < results.count, let ready = results[printedUpTo] {
                    if !ready.standardOutput.isEmpty { writeStandardOutput(ready.standardOutput) }
                    results[printedUpTo]?.standardOutput = []
                    printedUpTo += 1
                }
                progress.draw(done: done, failed: failures)
            }
        }
        progress.clear()
        for result in results {
            if let failure = result?.failure { StandardError.print(failure) }
        }
        StandardError.print("\(jobs.count - failures) \(pastTense), \(failures) failed")
        return failures == 0 ? 0 : 1
    }

    /// The number of cores online, the default ``width``.
    static var coreCount: Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }
}
