import ArgumentParser
import Captions

/// `captions retime`: a speed change between frame rates, or a two-point sync.
struct Retime: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Retime captions for another frame rate (speed change) or through two sync points.",
        discussion: """
            --from-fps 25 --to-fps 24000/1001 moves frame n at 25 fps to frame n at 23.976 fps, exactly. \
            --map 10=12.5 --map 3600=3605 stretches and shifts so those two times land where given.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "The frame rate the captions were timed for.")
    var fromFps: String?

    @Option(help: "The frame rate of the video they should fit.")
    var toFps: String?

    @Option(parsing: .unconditionalSingleValue, help: "A sync point OLD=NEW (times as for trim); give two.")
    var map: [String] = []

    @OptionGroup var timecode: TimecodeOptions
    @OptionGroup var output: EditedOutputOptions

    func validate() throws {
        _ = try timeMap()
    }

    private func timeMap() throws -> TimeMap {
        switch (fromFps, toFps, map.count) {
        case let (old?, new?, 0):
            guard let oldRate = FrameRate(parsing: old), let newRate = FrameRate(parsing: new) else {
                throw ValidationError("--from-fps and --to-fps must be rates such as 25, 29.97 or 24000/1001.")
            }
            return .speedChange(from: oldRate, to: newRate)
        case (nil, nil, 2):
            let points = try map.map { pair -> (from: MediaTime, to: MediaTime) in
                let sides = pair.split(separator: "=", omittingEmptySubsequences: false)
                guard sides.count == 2 else { throw ValidationError("--map takes OLD=NEW, not '\(pair)'.") }
                return (try timecode.time(String(sides[0]), option: "--map"), try timecode.time(String(sides[1]), option: "--map"))
            }
            guard let map = TimeMap(mapping: points[0], points[1]) else {
                throw ValidationError("the two --map points must have different times, in the same order before and after.")
            }
            return map
        default:
            throw ValidationError("Give either --from-fps and --to-fps, or two --map OLD=NEW points.")
        }
    }

    func run() async throws {
        try checkOutputIsFree(output.output)
        let document = try readDocument(input)
        let result = document.retimed(by: try timeMap())
        report(result.diagnostics, file: input.input)
        try writeEdited(result.document, from: input.input, options: output)
    }
}
