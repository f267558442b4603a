import ArgumentParser
import Captions

/// `captions inspect`: the parsed document as JSON.
struct Inspect: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the parsed caption document as JSON (VTTCue/VTTRegion property names)."
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try checkOutputIsFree(output)
        let document = try readDocument(input)
        var json = document.inspectJSONBytes
        json.append(0x0A)
        try emit(json, to: output)
    }
}
