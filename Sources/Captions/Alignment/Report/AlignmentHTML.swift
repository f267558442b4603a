extension AlignmentReport {
    /// The report as a self-contained HTML page for a fact-checker to review:
    /// every quote with its verdict, where it is spoken (a link to the
    /// moment, `MEDIA#t=START,END`), who the article and the captions say is
    /// speaking, and the word-level difference between print and speech.
    ///
    /// - Parameters:
    ///   - title: the page title; defaults to the article's headline.
    ///   - media: the URL of the video, for the time links; without one the
    ///     links are bare fragments (`#t=83.42,85.1`) a player page can read.
    ///   - language: the page's language tag; `en` by default.
    /// - Returns: the page, valid HTML5 with its style sheet inline and no script.
    public func html(title: String? = nil, media: String? = nil, language: String = "en") -> String {
        let heading = title ?? article?.headline ?? "Quotes in the captions"
        let counts = self.counts
        var html = """
            <!DOCTYPE html>
            <html lang="\(HTMLText.attribute(language))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLText.escaped(heading))</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <main>
            <header>
            <h1>\(HTMLText.escaped(heading))</h1>
            <p class="summary">\(results.count) \(results.count == 1 ? "quote" : "quotes"): \
            <span class="matched">\(counts[.matched] ?? 0) matched</span>, \
            <span class="partial">\(counts[.partial] ?? 0) partial</span>, \
            <span class="unmatched">\(counts[.unmatched] ?? 0) unmatched</span>. \
            Captions: \(videos.map { HTMLText.escaped($0.file) }.joined(separator: ", ")).</p>
            <p class="legend">In the differences: <del>struck out</del> is printed but was not said, \
            <ins>underlined</ins> was said but is not printed, <span class="spelling">dotted</span> is spelled differently.</p>
            </header>
            <ol class="quotes">

            """
        for (index, result) in results.enumerated() {
            html += quoteItem(index, result, media: media)
        }
        html += "</ol>\n</main>\n</body>\n</html>\n"
        return html
    }

    private func quoteItem(_ index: Int, _ result: QuoteAlignment, media: String?) -> String {
        let status = result.status.rawValue
        var html = "<li class=\"quote \(status)\" id=\"quote-\(index + 1)\">\n<p class=\"verdict\"><span class=\"status\">\(status)</span> "
        html += "<span class=\"score\">score \(Self.rounded(result.score))</span>"
        if let chosen = result.chosen { html += " " + timeLink(chosen, media: media) }
        html += "</p>\n<blockquote><p>\(HTMLText.escaped(result.quotation.text))</p></blockquote>\n"
        html += speakerLine(result)
        if let chosen = result.chosen {
            html += "<p class=\"differences\">\(Self.differences(chosen.differences))</p>\n"
            html += "<p class=\"spoken\">Captions: \(HTMLText.escaped(chosen.captionText))</p>\n"
        }
        let others = result.occurrences.dropFirst()
        if !others.isEmpty {
            html += "<details><summary>Also spoken \(others.count) more \(others.count == 1 ? "time" : "times")</summary>\n<ul>\n"
            for occurrence in others {
                html += "<li>\(timeLink(occurrence, media: media)) <span class=\"status\">\(occurrence.status.rawValue)</span> "
                html += "\(HTMLText.escaped(occurrence.captionText))</li>\n"
            }
            html += "</ul>\n</details>\n"
        }
        return html + "</li>\n"
    }

    /// `Article: NAME · Captions: NAME`, with a warning when they disagree.
    private func speakerLine(_ result: QuoteAlignment) -> String {
        var parts: [String] = []
        if let speaker = result.quotation.speaker { parts.append("Article: \(HTMLText.escaped(speaker))") }
        if let speaker = result.chosen?.captionSpeaker { parts.append("Captions: \(HTMLText.escaped(speaker))") }
        guard !parts.isEmpty else { return "" }
        var line = "<p class=\"speakers\">" + parts.joined(separator: " · ")
        if result.chosen?.speakerAgreement == .disagrees {
            line += " <strong class=\"warning\">The captions name a different speaker.</strong>"
        }
        return line + "</p>\n"
    }

    /// A link to the spoken words: `MEDIA#t=START,END` (Media Fragments).
    private func timeLink(_ occurrence: QuoteOccurrence, media: String?) -> String {
        let start = time(occurrence.start, video: occurrence.video)
        let end = time(occurrence.end, video: occurrence.video)
        let base = media.map { MediaLink.encoded(String($0.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")) } ?? ""
        let href = base + "#t=" + TranscriptClock.seconds(start) + "," + TranscriptClock.seconds(end)
        var label = TranscriptClock.short(start) + "–" + TranscriptClock.short(end)
        if videos.count > 1, videos.indices.contains(occurrence.video) { label += " in " + videos[occurrence.video].file }
        return "<a class=\"time\" href=\"\(HTMLText.attribute(href))\">\(HTMLText.escaped(label))</a>"
    }

    /// The differences as inline markup.
    private static func differences(_ differences: [QuoteDifference]) -> String {
        differences.map { difference in
            let quoted = HTMLText.escaped(difference.quoted)
            let spoken = HTMLText.escaped(difference.spoken)
            let why = difference.reason.map { " title=\"\($0.rawValue)\"" } ?? ""
            switch difference.kind {
            case .equal: return quoted
            case .spelling: return "<span class=\"spelling\" title=\"said: \(HTMLText.attribute(difference.spoken))\">\(quoted)</span>"
            case .replaced: return "<del\(why)>\(quoted)</del> <ins>\(spoken)</ins>"
            case .omitted: return "<ins class=\"omitted\"\(why)>\(spoken)</ins>"
            case .inserted: return "<del class=\"inserted\"\(why)>\(quoted)</del>"
            }
        }.joined(separator: " ")
    }

    private static let style = """
        body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#fafafa;color:#222}\
        main{max-width:52rem;margin:0 auto;padding:1rem}\
        .quotes{padding-left:1.5rem}.quote{background:#fff;border-left:.4rem solid #999;margin:1rem 0;padding:.5rem 1rem}\
        .quote.matched{border-color:#2a7d2a}.quote.partial{border-color:#c08000}.quote.unmatched{border-color:#b02020}\
        .status{font-weight:bold;text-transform:uppercase;font-size:.8rem}.score{color:#666;font-size:.8rem}\
        .matched .status,span.matched{color:#2a7d2a}.partial .status,span.partial{color:#a06a00}.unmatched .status,span.unmatched{color:#b02020}\
        blockquote{margin:.5rem 0;font-size:1.1rem}.spoken,.speakers{color:#555;font-size:.9rem}\
        .warning{color:#b02020}del{color:#b02020}ins{color:#2a7d2a}.spelling{border-bottom:1px dotted #a06a00}\
        .time{font-variant-numeric:tabular-nums}
        """
}
