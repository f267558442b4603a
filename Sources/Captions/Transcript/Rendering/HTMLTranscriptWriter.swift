/// Writes a transcript as one self-contained, accessible HTML page.
///
/// The page is complete without script or network: inline CSS (a readable
/// measure, light and dark colour schemes, print styles), `lang` on the root,
/// one `h1` (the title), the details as a description list, and the
/// transcript in a `section` labelled by its `h2`. Each paragraph starts with
/// its time (`<time datetime="PT4S">0:04</time>`) and, at each turn, the
/// speaker as visible text (`<span class="speaker">Helen Okafor:</span>`);
/// sound descriptions are `<span class="sound">`, descriptions of what is
/// seen are `<p class="description">` with a visible `Description:` label.
///
/// With a media URL, each time is a link to `MEDIA#t=SECONDS` (Media
/// Fragments, so it works without script), and the page gets a player. A
/// small script then enhances the page: the time links become buttons that
/// seek the player, the paragraph being spoken gets `aria-current="true"`
/// (and a highlight that is not colour alone), and a checkbox, off by
/// default, makes the transcript scroll along. Nothing is announced while
/// the recording plays (no `aria-live`) and focus never moves by itself.
///
/// The markup is also well-formed XML (every element closed, attributes
/// quoted, only the XML character references), so tools can parse it either way.
struct HTMLTranscriptWriter {
    let transcript: Transcript
    let presentation: Transcript.Presentation
    /// The language tag of the page.
    let language: String

    func write() -> String {
        let heading = transcript.heading(presentation)
        let title = presentation.title.map { $0.isEmpty ? heading : "Transcript: \($0)" } ?? heading
        var html = """
            <!DOCTYPE html>
            <html lang="\(attribute(language))">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>\(text(title))</title>
            <style>
            \(HTMLTranscriptStyle.css)
            """
        if presentation.media != nil { html += HTMLTranscriptStyle.playerCSS }
        html += "</style>\n</head>\n<body>\n<main>\n<header>\n<h1>\(text(heading))</h1>\n<dl class=\"details\">\n"
        for detail in transcript.details(presentation) {
            let value = detail.label == "Duration"
                ? "<time datetime=\"\(TranscriptClock.duration(transcript.duration))\">\(text(detail.value))</time>"
                : text(detail.value)
            html += "<div><dt>\(text(detail.label))</dt><dd>\(value)</dd></div>\n"
        }
        html += "</dl>\n</header>\n"
        if let media = presentation.media { html += player(media) }
        html += "<section id=\"transcript\" aria-labelledby=\"transcript-heading\">\n<h2 id=\"transcript-heading\">Transcript</h2>\n"
        for (index, paragraph) in transcript.paragraphs.enumerated() {
            html += self.paragraph(paragraph, number: index + 1)
        }
        html += "</section>\n</main>\n"
        if presentation.media != nil { html += "<script>\n\(HTMLTranscriptStyle.script)</script>\n" }
        html += "</body>\n</html>\n"
        return html
    }

    private func paragraph(_ paragraph: Transcript.Paragraph, number: Int) -> String {
        var html = "<p id=\"p\(number)\" class=\"\(paragraph.kind.rawValue)\""
        html += " data-start=\"\(TranscriptClock.seconds(paragraph.start))\" data-end=\"\(TranscriptClock.seconds(paragraph.end))\">"
        let time = "<time datetime=\"\(TranscriptClock.duration(paragraph.start))\">\(TranscriptClock.short(paragraph.start))</time>"
        if let media = presentation.media {
            html += "<a class=\"time\" href=\"\(attribute(MediaLink.url(media, at: paragraph.start)))\">\(time)</a> "
        } else {
            html += "<span class=\"time\">\(time)</span> "
        }
        if let label = paragraph.label {
            let role = paragraph.kind == .description ? "label" : "speaker"
            html += "<span class=\"\(role)\">\(text(label)):</span> "
        }
        html += paragraph.sentences.map { sentence in
            sentence.parts.map(self.part).joined(separator: " ")
        }.joined(separator: " ")
        return html + "</p>\n"
    }

    /// A part's text, in a span when it is a sound description or in another
    /// language than the page's (`lang` lets a screen reader switch voice).
    private func part(_ part: Transcript.Part) -> String {
        let language = part.language.flatMap { $0.lowercased() == self.language.lowercased() ? nil : $0 }
        guard part.isSoundDescription || language != nil else { return text(part.text) }
        var span = "<span"
        if part.isSoundDescription { span += " class=\"sound\"" }
        if let language { span += " lang=\"\(attribute(language))\"" }
        return span + ">\(text(part.text))</span>"
    }

    /// The player: `<audio>` for an audio file, `<video>` otherwise, with a
    /// download link for browsers that can play neither.
    private func player(_ media: String) -> String {
        let url = attribute(MediaLink.encoded(media))
        let path = media.split(separator: "#").first.map { $0.split(separator: "?").first ?? $0 } ?? ""
        let fileExtension = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        let isAudio = ["mp3", "m4a", "aac", "oga", "ogg", "opus", "wav", "flac", "weba"].contains(fileExtension)
        let element = isAudio ? "audio" : "video"
        return """
            <div class="player">
            <\(element) id="player" controls="" preload="metadata" src="\(url)"><a href="\(url)">Download the recording</a></\(element)>
            </div>

            """
    }

    private func text(_ value: String) -> String { HTMLText.escaped(value) }

    private func attribute(_ value: String) -> String { HTMLText.attribute(value) }
}
