extension AlignmentReport {
    /// The report as CSV markers for editing software: one row per quote, in
    /// article order, with SMPTE timecodes at `frameRate`.
    ///
    /// Columns: `Marker` (`Quote N`), `In`, `Out`, `Duration` (timecodes;
    /// empty for an unmatched quote), `Status`, `Score`, `Speaker`,
    /// `Caption Speaker`, `Video`, `Quote`, `Spoken`. Fields are quoted as
    /// RFC 4180 says, lines end in CRLF, and a field that
    /// would start a spreadsheet formula is prefixed with `'`. Drop-frame timecode (`;`) is used
    /// at 29.97 and 59.94.
    ///
    /// - Parameter frameRate: the frame rate of the edit.
    /// - Returns: the CSV text.
    public func csv(frameRate: FrameRate) -> String {
        var rows = [["Marker", "In", "Out", "Duration", "Status", "Score", "Speaker", "Caption Speaker", "Video", "Quote", "Spoken"]]
        for (index, result) in results.enumerated() {
            var row = ["Quote \(index + 1)"]
            if let chosen = result.chosen {
                let start = max(.zero, time(chosen.start, video: chosen.video))
                let end = max(start, time(chosen.end, video: chosen.video))
                row += [start.timecode(at: frameRate), end.timecode(at: frameRate), (end - start).timecode(at: frameRate, dropFrame: false)]
            } else {
                row += ["", "", ""]
            }
            row += [
                result.status.rawValue, String(Self.rounded(result.score)), result.quotation.speaker ?? "",
                result.chosen?.captionSpeaker ?? "",
                result.chosen.map { videos.indices.contains($0.video) ? videos[$0.video].file : "" } ?? "",
                result.quotation.text, result.chosen?.captionText ?? "",
            ]
            rows.append(row)
        }
        return rows.map { $0.map(Self.csvField).joined(separator: ",") + "\r\n" }.joined()
    }

    /// A field quoted when it holds a comma, quote or line break (RFC 4180).
    /// Text a spreadsheet would run as a formula (`=`, `+`, `@` first) gets
    /// a leading apostrophe, as OWASP advises for CSV exports.
    private static func csvField(_ field: String) -> String {
        let value = field.first.map { "=+@".contains($0) } == true ? "'" + field : field
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
