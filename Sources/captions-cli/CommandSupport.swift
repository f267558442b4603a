import ArgumentParser
import Captions

#if canImport(Glibc)
import Glibc
#endif

/// Exit statuses of the contract (sysexits.h values).
enum ExitStatus {
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
    static func print(_ line: String) {
        var text = line
        text += "\n"
        text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    }
}

/// Reads the whole input (a path, or `-` for standard input).
func readInput(_ path: String) throws -> [UInt8] {
    if path == "-" {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; break }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }
    guard let file = fopen(path, "rb") else {
        StandardError.print("\(path): error: cannot read: \(String(cString: strerror(errno)))")
        throw ExitCode(ExitStatus.missingInput)
    }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
        let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
        if n > 0 { bytes.append(contentsOf: chunk[0..<n]) }
        if n < chunk.count {
            if ferror(file) != 0 {
                StandardError.print("\(path): error: cannot read: \(String(cString: strerror(errno)))")
                throw ExitCode(ExitStatus.missingInput)
            }
            break
        }
    }
    return bytes
}

/// Reads and parses a caption file, printing its warnings; exits 65 on an error.
func readDocument(_ options: InputOptions, quiet: Bool = false) throws -> CaptionDocument {
    try readDocument(at: options.input, format: options.from?.format, quiet: quiet)
}

/// Reads and parses the caption file at `path` (`-` for standard input),
/// printing its warnings; exits 65 on an error.
func readDocument(at path: String, format: CaptionFormat?, quiet: Bool = false) throws -> CaptionDocument {
    let bytes = try readInput(path)
    do {
        let result = try CaptionDocument.read(bytes, format: format, file: path)
        if !quiet {
            for diagnostic in result.diagnostics where diagnostic.severity != .info {
                StandardError.print(diagnostic.description)
            }
        }
        return result.document
    } catch {
        throw exit(for: error)
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
    guard let path = options.output, path != "-" else {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(1, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { if errno == EINTR { continue }; return }
                offset += n
            }
        }
        return
    }
    do {
        try OutputFile(path: path, overwrite: options.force).write(bytes)
    } catch {
        throw exit(for: error)
    }
}

/// Refuses to start when the output exists and --force was not given, before any work is done.
func checkOutputIsFree(_ options: OutputOptions) throws {
    guard let path = options.output, path != "-", !options.force, access(path, F_OK) == 0 else { return }
    throw exit(for: CaptionError(.outputExists, "\(path) exists; use --force to replace it", at: SourceLocation(file: path, line: 1)))
}
