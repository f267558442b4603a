import ArgumentParser

@main
struct CaptionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "captions",
        abstract: "Read, convert, check and align caption files (SRT, WebVTT, TTML).",
        subcommands: [Convert.self, Inspect.self, Check.self, Shift.self, Trim.self, Retime.self, Merge.self, Split.self, TranscriptCommand.self, Align.self]
    )

    /// Installs the SIGINT/SIGTERM cleanup before any command runs, so an
    /// interrupted command never leaves a temporary file behind.
    static func main() async {
        InterruptCleanup.install()
        await main(nil)
    }
}
