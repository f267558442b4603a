/// Writes a transcript as Markdown (CommonMark): a level-one heading, the
/// details as a list, then one paragraph per paragraph, with speaker names in
/// bold, `Description:` in italics, and sound descriptions in italics with
/// their brackets. Text from the captions is escaped, so a `*` or `[` in a
/// caption stays a character.
///
/// ```markdown
/// # Port Ellery floods
///
/// - Source: port-ellery-floods.vtt
/// - Duration: 2:18
///
/// **Helen Okafor:** Good evening.
///
/// _\[Music\]_
/// ```
///
/// With ``Transcript/Presentation/timestamps`` each paragraph starts with
/// `[HH:MM:SS]`, a link to `MEDIA#t=SECONDS` when the media URL is known.
struct MarkdownTranscriptWriter {
    let transcript: Transcript
    let presentation: Transcript.Presentation

    func write() -> String {
        var blocks: [String] = ["# " + escaped(transcript.heading(presentation), atLineStart: false)]
        blocks.append(transcript.details(presentation).map { "- \($0.label): \(escaped($0.value, atLineStart: false))" }.joined(separator: "\n"))
        for paragraph in transcript.paragraphs {
            var line = ""
            if presentation.timestamps {
                let stamp = TranscriptClock.bracketed(paragraph.start)
                if let media = presentation.media {
                    // Parentheses would end the link destination early.
                    let url = MediaLink.url(media, at: paragraph.start).map { $0 == "(" ? "%28" : $0 == ")" ? "%29" : String($0) }.joined()
                    line += "[\(stamp.dropFirst().dropLast())](\(url)) "
                } else {
                    line += "\\" + stamp + " "
                }
            }
            switch (paragraph.kind, paragraph.label) {
            case (.description, let label?): line += "_\(label):_ "
            case (_, let label?): line += "**\(escaped(label, atLineStart: false)):** "
            case (_, nil): break
            }
            let sentences = paragraph.sentences.map { sentence in
                sentence.parts.map { part in
                    let text = escaped(part.text, atLineStart: false)
                    return part.isSoundDescription ? "_\(text)_" : text
                }.joined(separator: " ")
            }
            let body = sentences.joined(separator: " ")
            line += line.isEmpty ? escapedLineStart(body) : body
            blocks.append(line)
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// Backslash-escapes the characters Markdown would read as markup.
    private func escaped(_ text: String, atLineStart: Bool) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>&~|".contains(character) { result += "\\" }
            result.append(character)
        }
        return atLineStart ? escapedLineStart(result) : result
    }

    /// Escapes what would start a heading, quote, list or rule at the start of a paragraph.
    private func escapedLineStart(_ text: String) -> String {
        guard let first = text.first else { return text }
        if "#-+=".contains(first) { return "\\" + text }
        // `1887. Then` would start an ordered list.
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let after = text.dropFirst(digits.count).first, after == "." || after == ")" {
            return digits + "\\" + text.dropFirst(digits.count)
        }
        return text
    }
}
