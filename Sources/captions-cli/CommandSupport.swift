import ArgumentParser
import Captions

#if canImport(Glibc)
import Glibc
#endif

/// Exit statuses of the contract (sysexits.h values).
enum ExitStatus {
    static let usage: Int32 = 64            // EX_USAGE
    static let invalidInput: Int32 = 65     // EX_DATAERR
    static let missingInput: Int32 = 66     // EX_NOINPUT
    static let outputExists: Int32 = 73     // EX_CANTCREAT
    static let unwritableOutput: Int32 = 74 // EX_IOERR
}

/// The caption format names the command line accepts.
enum FormatName: String, ExpressibleByArgument, CaseIterable {
    case srt, vtt, webvtt, ttml, dfxp

    var format: CaptionFormat {
        switch self {
        case .srt: .srt
        case .vtt, .webvtt: .webvtt
        case .ttml, .dfxp: .ttml
        }
    }
}

/// Options every command that reads one caption file shares.
struct InputOptions: ParsableArguments {
    @Argument(help: "The caption file to read, or - for standard input.")
    var input: String

    @Option(help: "The input format (srt, vtt, ttml); detected from the content when omitted.")
    var from: FormatName?
}

/// Options every command that writes a file shares.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    @Flag(help: "Replace the output file if it exists.")
    var force = false
}

/// Standard error, written unbuffered.
enum StandardError {
    /// Writes `line` and a newline in one call, so lines from several threads never mix.
    static func print(_ line: String) {
        printUnterminated(line + "\n")
    }

    /// Writes `text` as it is, without adding a line break.
    static func printUnterminated(_ text: String) {
        var text = text
        text.withUTF8 { writeAll($0, to: 2) }
    }
}

/// Writes bytes to standard output, all of them.
func writeStandardOutput(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { writeAll($0, to: 1) }
}

/// Writes every byte to `fd`, retrying short and interrupted writes; gives up on any other error.
private func writeAll(_ buffer: UnsafeBufferPointer<UInt8>, to fd: Int32) {
    guard let base = buffer.baseAddress else { return }
    var offset = 0
    while offset < buffer.count {
        let n = write(fd, base + offset, buffer.count - offset)
        if n <= 0 { if n < 0, errno == EINTR { continue }; return }
        offset += n
    }
}

/// Reads the whole input (a path, or `-` for standard input); exits 66 when it cannot.
func readInput(_ path: String) throws -> [UInt8] {
    do {
        return try readBytes(path)
    } catch where error.kind == .unreadable {
        StandardError.print("\(path): error: \(error.message)")
        throw ExitCode(ExitStatus.missingInput)
    } catch {
        throw exit(for: error)
    }
}

/// The largest input read: far beyond any caption file or article, and the
/// most libxml2 accepts. An endless input (`/dev/zero`, a pipe that never
/// ends) stops here instead of filling memory.
let maximumInputSize = Int(Int32.max)

/// Reads the whole input (a path, or `-` for standard input).
///
/// - Throws: ``CaptionError`` of kind `unreadable` naming the file and the
///   system's reason, or `invalidInput` past ``maximumInputSize``.
func readBytes(_ path: String) throws(CaptionError) -> [UInt8] {
    let location = SourceLocation(file: path, line: 1)
    let descriptor = path == "-" ? 0 : open(path, O_RDONLY)
    guard descriptor >= 0 else {
        throw CaptionError(.unreadable, "cannot read: \(String(cString: strerror(errno)))", at: location)
    }
    defer { if descriptor != 0 { close(descriptor) } }
    // A regular file is read straight into an array of its size: no chunk
    // copies, and no doubling of a 50 MB array (each doubling copies it and
    // touches fresh pages). Pipes and files that grow go on in chunks.
    var bytes = try readRegularFile(descriptor, location: location) ?? []
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
        let n = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if n < 0 {
            if errno == EINTR { continue }
            throw CaptionError(.unreadable, "cannot read: \(String(cString: strerror(errno)))", at: location)
        }
        if n == 0 { return bytes }
        guard bytes.count + n <= maximumInputSize else {
            throw CaptionError(.invalidInput, "the input is larger than \(maximumInputSize >> 20) MB; no caption file is that large", at: location)
        }
        bytes.append(contentsOf: chunk[0..<n])
    }
}

/// The bytes of a regular file, up to the size `fstat` gives, read into one
/// array of that size; `nil` for anything else (a pipe, a terminal).
///
/// - Throws: ``CaptionError`` `unreadable` when a read fails, `invalidInput`
///   past ``maximumInputSize``.
private func readRegularFile(_ descriptor: Int32, location: SourceLocation) throws(CaptionError) -> [UInt8]? {
    var status = stat()
    guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size > 0 else { return nil }
    guard status.st_size <= maximumInputSize else {
        throw CaptionError(.invalidInput, "the input is larger than \(maximumInputSize >> 20) MB; no caption file is that large", at: location)
    }
    var failure: Int32?
    let bytes = [UInt8](unsafeUninitializedCapacity: Int(status.st_size)) { buffer, count in
        guard let base = buffer.baseAddress else { return }
        while count < buffer.count {
            let n = read(descriptor, base + count, buffer.count - count)
            if n < 0, errno == EINTR { continue }
            if n < 0 { failure = errno }
            if n <= 0 { break }
            count += n
        }
    }
    if let failure {
        throw CaptionError(.unreadable, "cannot read: \(String(cString: strerror(failure)))", at: location)
    }
    return bytes
}

/// Reads and parses a caption file, printing its warnings; exits 65 on an error.
func readDocument(_ options: InputOptions, quiet: Bool = false) throws -> CaptionDocument {
    try readDocument(path: options.input, format: options.from?.format, quiet: quiet)
}

/// Reads and parses the caption file at `path` (`-` for standard input),
/// printing its warnings unless `quiet`; exits 65 or 66 on an error.
func readDocument(path: String, format: CaptionFormat?, quiet: Bool = false) throws -> CaptionDocument {
    let result = try readCaptions(path, format: format)
    if !quiet {
        for line in result.warningLines { StandardError.print(line) }
    }
    return result.document
}

/// Reads and parses a caption file without printing its warnings; exits 65
/// when it cannot be read as captions, 66 when it cannot be read at all.
func readCaptions(_ path: String, format: CaptionFormat?) throws -> ReadResult {
    let bytes = try readInput(path)
    do {
        return try CaptionDocument.read(bytes, format: format, file: path)
    } catch {
        throw exit(for: error)
    }
}

extension ReadResult {
    /// The reader's warnings as printed lines (informational notes left out).
    var warningLines: [String] {
        diagnostics.filter { $0.severity != .info }.map(\.description)
    }
}

/// The format to write: `--to`, else the extension of the output path, else `fallback`.
func outputFormat(_ to: FormatName?, path: String?, fallback: CaptionFormat) -> CaptionFormat {
    if let to { return to.format }
    if let path, let dot = path.lastIndex(of: "."), !path[dot...].contains("/"),
       let format = CaptionFormat(fileExtension: String(path[path.index(after: dot)...])) {
        return format
    }
    return fallback
}

/// Encodes `document` as `format`, says on standard error what the format
/// could not carry (unless `quiet`), and writes it to `-o` or standard output.
func writeCaptions(_ document: CaptionDocument, as format: CaptionFormat, to options: OutputOptions, inputName: String,
                   quiet: Bool = false) throws {
    try writeCaptions(document, as: format, toPath: options.output, force: options.force, inputName: inputName, quiet: quiet)
}

/// Encodes `document` as `format` and writes it to `path` (standard output when `nil` or `-`).
func writeCaptions(_ document: CaptionDocument, as format: CaptionFormat, toPath path: String?, force: Bool, inputName: String,
                   quiet: Bool = false) throws {
    let result = format.writer.write(document)
    if !quiet {
        for line in result.reportLines(format: format, inputName: inputName) { StandardError.print(line) }
    }
    try emit(result.bytes, toPath: path, force: force)
}

extension WriteResult {
    /// The writer's diagnostics and one line per kind of information `format` could not carry.
    func reportLines(format: CaptionFormat, inputName: String) -> [String] {
        diagnostics.map(\.description)
            + losses.summary.map { "\(inputName): warning: \(format.fileExtension) cannot carry everything: \($0)" }
    }
}

/// Prints an error in the compiler style and returns the matching exit code.
func exit(for error: CaptionError) -> ExitCode {
    StandardError.print(error.description)
    switch error.kind {
    case .invalidInput: return ExitCode(ExitStatus.invalidInput)
    case .unreadable: return ExitCode(ExitStatus.missingInput)
    case .outputExists: return ExitCode(ExitStatus.outputExists)
    case .unwritable: return ExitCode(ExitStatus.unwritableOutput)
    }
}

/// Writes the result to `-o` atomically, or to standard output.
func emit(_ bytes: [UInt8], to options: OutputOptions) throws {
    try emit(bytes, toPath: options.output, force: options.force)
}

/// Writes `bytes` to `path` atomically, or to standard output when `path` is `nil` or `-`.
func emit(_ bytes: [UInt8], toPath path: String?, force: Bool) throws {
    guard let path, path != "-" else {
        writeStandardOutput(bytes)
        return
    }
    do {
        try outputFile(path, force: force).write(bytes)
    } catch {
        throw exit(for: error)
    }
}

/// The atomic writer for an output path.
///
/// Fault injection for tests, in the manner of git's `GIT_TEST_*` variables:
/// with `CAPTIONS_TEST_STALL_WRITE=SECONDS` in the environment, every write
/// pauses that long with half its bytes in the temporary file, so a test can
/// signal the process in the middle of a write and check what is left.
func outputFile(_ path: String, force: Bool) -> OutputFile {
    var file = OutputFile(path: path, overwrite: force)
    if let value = getenv("CAPTIONS_TEST_STALL_WRITE"), let seconds = UInt32(String(cString: value)) {
        file.midwayHook = { sleep(seconds) }
    }
    return file
}

/// Refuses to start when the output exists and --force was not given, before any work is done.
func checkOutputIsFree(_ options: OutputOptions) throws {
    try checkOutputIsFree(path: options.output, force: options.force)
}

/// Refuses to start when `path` exists and `force` is false (exit 73).
func checkOutputIsFree(path: String?, force: Bool) throws {
    guard let path, path != "-", !force, access(path, F_OK) == 0 else { return }
    throw exit(for: outputExists(path))
}

/// The error for an output that exists when `--force` was not given.
func outputExists(_ path: String) -> CaptionError {
    CaptionError(.outputExists, "\(path) exists; use --force to replace it", at: SourceLocation(file: path, line: 1))
}
