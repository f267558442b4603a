/// Writes a transcript as plain text: UTF-8, LF line ends, one paragraph per
/// line with a blank line between, `Name:` at each turn, `Description:` before
/// descriptions, and no hard wrapping (screen readers and braille displays
/// reflow text themselves). Sound descriptions keep the brackets they were
/// written with.
///
/// ```text
/// Helen Okafor: Good evening. Tonight I want to speak to you plainly about the water.
///
/// [Music]
///
/// Tom Reyes: Mayor Okafor, thank you for joining us.
/// ```
///
/// With ``Transcript/Presentation/timestamps`` each paragraph starts with
/// `[HH:MM:SS]`; with ``Transcript/Presentation/header`` the heading and the
/// details come first, each detail on a line of its own.
struct TextTranscriptWriter {
    let transcript: Transcript
    let presentation: Transcript.Presentation

    func write() -> String {
        var blocks: [String] = []
        if presentation.header {
            blocks.append(transcript.heading(presentation))
            blocks.append(transcript.details(presentation).map { "\($0.label): \($0.value)" }.joined(separator: "\n"))
        }
        for paragraph in transcript.paragraphs {
            var line = ""
            if presentation.timestamps { line += TranscriptClock.bracketed(paragraph.start) + " " }
            if let label = paragraph.label { line += label + ": " }
            line += paragraph.text
            blocks.append(line)
        }
        return blocks.isEmpty ? "" : blocks.joined(separator: "\n\n") + "\n"
    }
}
