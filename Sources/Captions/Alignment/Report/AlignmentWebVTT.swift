extension AlignmentReport {
    /// The report as a WebVTT metadata track: one cue per matched or partial
    /// quote, from its first spoken word to its last, in time order.
    ///
    /// Each cue's identifier is `quote-N` (N counts the article's quotes from
    /// 1) and its payload is one line of JSON (`quote`, `status`, `score`,
    /// `speaker`, `captionSpeaker`, `text`, `captionText`, and `video` when
    /// there are several), which a player reads from `TextTrackCue.text` of
    /// a `<track kind="metadata">`. A `>` in the payload is written `\u003e`,
    /// so no payload can contain `-->`.
    ///
    /// - Returns: the track's text.
    public func webVTT() -> String {
        let formatter = TimestampFormatter(fractionSeparator: ".")
        var located: [(index: Int, start: MediaTime, end: MediaTime, payload: JSONValue)] = []
        for (index, result) in results.enumerated() {
            guard let chosen = result.chosen else { continue }
            var payload: [(String, JSONValue)] = [
                ("quote", .number(Double(index + 1))),
                ("status", .string(result.status.rawValue)),
                ("score", .number(Self.rounded(result.score))),
                ("speaker", .optional(result.quotation.speaker)),
                ("captionSpeaker", .optional(chosen.captionSpeaker)),
                ("text", .string(result.quotation.text)),
                ("captionText", .string(chosen.captionText)),
            ]
            if videos.count > 1 { payload.append(("video", .string(videos.indices.contains(chosen.video) ? videos[chosen.video].file : ""))) }
            located.append((index, time(chosen.start, video: chosen.video), time(chosen.end, video: chosen.video), .object(payload)))
        }
        located.sort { ($0.start, $0.index) < ($1.start, $1.index) }
        var text = "WEBVTT - quotes found in the captions\n\nNOTE\nOne cue per quote spoken in full (matched) or in part; each payload is JSON.\n"
        for cue in located {
            let json = cue.payload.serialized(compact: true).split(separator: ">", omittingEmptySubsequences: false).joined(separator: "\\u003e")
            text += "\nquote-\(cue.index + 1)\n\(formatter.string(max(.zero, cue.start))) --> \(formatter.string(max(.zero, cue.end)))\n\(json)\n"
        }
        return text
    }
}
