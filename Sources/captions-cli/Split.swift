import ArgumentParser
import Captions

/// `captions split`: cut a caption file into parts at given times.
struct Split: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Split a caption file at given times into OUT-1.ext, OUT-2.ext, ...",
        discussion: "A cue crossing a cut is clipped into both parts. No part is written when any would replace a file without --force."
    )

    @OptionGroup var input: InputOptions

    @Option(parsing: .upToNextOption, help: "Where to cut (seconds, HH:MM:SS.mmm, or HH:MM:SS:FF with --fps); one or more.")
    var at: [String]

    @Flag(help: "Move each part so that it starts at zero.")
    var rebase = false

    @Option(help: "The output format (srt, vtt, ttml); default from the extension of -o, else the input's.")
    var to: FormatName?

    @Option(name: .shortAndLong, help: "The name pattern: -o part.vtt writes part-1.vtt, part-2.vtt, ...")
    var output: String?

    @Option(help: "Write the parts into this folder, named after the input.")
    var outputDir: String?

    @Flag(help: "Replace output files that exist.")
    var force = false

    @OptionGroup var timecode: TimecodeOptions

    func validate() throws {
        guard !at.isEmpty else { throw ValidationError("Give at least one --at time.") }
        for time in try times() where time <= .zero {
            throw ValidationError("--at times must be after 0.")
        }
        switch (output, outputDir) {
        case (nil, nil): throw ValidationError("Give -o OUT.ext (parts become OUT-1.ext, ...) or --output-dir DIR.")
        case (_?, _?): throw ValidationError("Give -o or --output-dir, not both.")
        default: break
        }
        if output == "-" { throw ValidationError("Parts are files; -o names them and cannot be standard output.") }
    }

    private func times() throws -> [MediaTime] {
        try at.map { try timecode.time($0, option: "--at") }
    }

    /// `OUT-1.ext`, `OUT-2.ext`, … from `-o`, or `DIR/INPUT-1.ext` from `--output-dir`.
    private func paths(count: Int, format: CaptionFormat) -> [String] {
        var stem: String
        var ext = format.fileExtension
        if let output {
            stem = output
            if let dot = output.lastIndex(of: "."), !output[dot...].contains("/") {
                stem = String(output[..<dot])
                ext = String(output[output.index(after: dot)...])
            }
        } else {
            let name = input.input == "-" ? "captions" : String(input.input.split(separator: "/").last ?? "captions")
            let base = name.lastIndex(of: ".").map { String(name[..<$0]) } ?? name
            stem = (outputDir ?? ".") + "/" + (base.isEmpty ? name : base)
        }
        return (1...count).map { "\(stem)-\($0).\(ext)" }
    }

    func run() async throws {
        let document = try readDocument(input)
        let parts = document.split(at: try times(), rebase: rebase)
        let format = outputFormat(to, path: output, fallback: document.format ?? .webvtt)
        let destinations = paths(count: parts.count, format: format)
        for path in destinations { try checkOutputIsFree(path: path, force: force) }
        for (index, (part, path)) in zip(parts, destinations).enumerated() {
            if part.cues.isEmpty { StandardError.print("\(path): warning: part \(index + 1) has no cues") }
            try writeCaptions(part, as: format, toPath: path, force: force, inputName: input.input, quiet: index > 0)
        }
    }
}
