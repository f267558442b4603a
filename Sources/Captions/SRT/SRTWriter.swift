/// Writes SubRip (`.srt`) files.
///
/// Cues are numbered from 1 in document order, times are written as
/// `HH:MM:SS,mmm` (hours take more digits past 99), and every block ends
/// with a blank line. Line ends are LF by default: every current player and
/// editor reads them, as does ``SRTReader``; choose ``LineEnding/crlf`` for old
/// Windows tools that insist on CRLF. The file is UTF-8 without a byte order mark.
///
/// SRT carries times, text, italic, bold, underline, colour and the nine
/// `{\anN}` positions (see ``NumpadAlignment``), and nothing else. What is
/// dropped is counted in ``WriteResult/losses``: regions, style sheets (their
/// simple `::cue(.NAME) { color: ... }` rules still colour text), comments,
/// classes that are not colours, voices (the speaker stays visible as a
/// `Name: ` prefix; see ``SRTCueTextWriter``), language spans, ruby
/// annotations, inline timestamps, cue identifiers that are not the cue's
/// number, and positions that are not one of the nine. A cue without an end
/// is given the document's last time (or, when that is not after the cue's
/// start, a duration of ``openEndedCueDuration``), with a warning.
public struct SRTWriter: CaptionWriting {
    /// The line terminator to write.
    public enum LineEnding: Sendable, Hashable {
        /// `\n`, the default.
        case lf
        /// `\r\n`.
        case crlf
    }

    /// The line terminator written after every line.
    public var lineEnding: LineEnding

    /// How long a cue without an end is shown when the document has nothing
    /// after its start to end it at: five seconds.
    public static let openEndedCueDuration = MediaTime(seconds: 5)

    /// Creates a writer.
    ///
    /// - Parameter lineEnding: the line terminator; LF unless given.
    public init(lineEnding: LineEnding = .lf) {
        self.lineEnding = lineEnding
    }

    /// Encodes `document` as SRT.
    ///
    /// - Parameter document: the document to write; its ``CaptionDocument/cues`` are written.
    /// - Returns: the UTF-8 bytes, what SRT could not carry, and warnings about
    ///   cues given an end.
    public func write(_ document: CaptionDocument) -> WriteResult {
        var losses = ConversionLosses()
        var diagnostics: [Diagnostic] = []
        losses.record(.regions, count: document.regions.count)
        losses.record(.styleSheets, count: document.styleSheets.count)
        losses.record(.comments, count: document.comments.count)

        let classColors = ColorClasses.colors(inStyleSheets: document.styleSheets).merging(document.classColors) { $1 }
        var textWriter = SRTCueTextWriter(classColors: classColors)
        let formatter = TimestampFormatter(fractionSeparator: ",")
        let lastTime = document.cues.contains { $0.end == nil } ? document.lastTime : .zero
        let newline: [UInt8] = lineEnding == .crlf ? [0x0D, 0x0A] : [0x0A]

        var out: [UInt8] = []
        out.reserveCapacity(document.cues.count * 80)
        var text: [UInt8] = []
        for (offset, cue) in document.cues.enumerated() {
            let number = offset + 1
            if !cue.id.isEmpty, !Self.isDecimal(cue.id, of: number) { losses.record(.cueIdentifiers) }
            Self.appendDecimal(number, to: &out)
            out.append(contentsOf: newline)

            formatter.append(cue.start, to: &out)
            out.append(contentsOf: " --> ".utf8)
            let end: MediaTime
            if let cueEnd = cue.end {
                end = cueEnd
            } else {
                end = lastTime > cue.start ? lastTime : cue.start + Self.openEndedCueDuration
                losses.record(.openEndedCues)
                diagnostics.append(Diagnostic(
                    .warning, code: "open-ended-cue",
                    "cue \(number) has no end; SRT needs one, so it ends at \(formatter.string(end))",
                    at: cue.location ?? SourceLocation(line: 1)))
            }
            formatter.append(end, to: &out)
            out.append(contentsOf: newline)

            text.removeAll(keepingCapacity: true)
            appendPosition(of: cue.settings, to: &text, losses: &losses)
            textWriter.append(cue.content, to: &text)
            Self.appendLines(of: text, to: &out, newline: newline)
            out.append(contentsOf: newline)
        }
        for (kind, count) in textWriter.losses.counts { losses.record(kind, count: count) }
        return WriteResult(bytes: out, losses: losses, diagnostics: diagnostics)
    }

    /// Writes the `{\anN}` override for positions other than the default, and
    /// counts settings that the nine positions do not carry exactly.
    private func appendPosition(of settings: CueSettings, to out: inout [UInt8], losses: inout ConversionLosses) {
        var placement = settings
        // A region's geometry was counted with the document's regions.
        placement.region = nil
        let (alignment, isExact) = NumpadAlignment.nearest(to: placement)
        if !isExact { losses.record(.positions) }
        if alignment != .bottomCenter {
            out.append(contentsOf: "{\\an\(alignment.number)}".utf8)
        }
    }

    /// Copies cue text to `out` line by line with `newline` after each line,
    /// leaving out blank lines: in SRT a blank line ends the cue. A CR, LF or
    /// CRLF in the text ends a line, as it does for the reader. A line the
    /// reader would take for a timing line (`1:00 -> 2:00` in the text)
    /// has its `>` written as `&gt;`, so it stays text.
    private static func appendLines(of text: [UInt8], to out: inout [UInt8], newline: [UInt8]) {
        var lineStart = 0
        while lineStart < text.count {
            var lineEnd = lineStart
            var blank = true
            while lineEnd < text.count, text[lineEnd] != 0x0A, text[lineEnd] != 0x0D {
                if blank, !SRTTimingLine.isSpace(text[lineEnd]) { blank = false }
                lineEnd += 1
            }
            if !blank {
                if SRTTimingLine(text, lineStart..<lineEnd) != nil {
                    for byte in text[lineStart..<lineEnd] {
                        if byte == UInt8(ascii: ">") { out.append(contentsOf: "&gt;".utf8) } else { out.append(byte) }
                    }
                } else {
                    out.append(contentsOf: text[lineStart..<lineEnd])
                }
                out.append(contentsOf: newline)
            }
            let isCRLF = lineEnd + 1 < text.count && text[lineEnd] == 0x0D && text[lineEnd + 1] == 0x0A
            lineStart = lineEnd + (isCRLF ? 2 : 1)
        }
    }

    /// `true` when `id` is `value` written in decimal (without a sign or leading zeros).
    private static func isDecimal(_ id: String, of value: Int) -> Bool {
        var remaining = value
        for byte in id.utf8.reversed() {
            guard byte &- 0x30 == UInt8(remaining % 10), remaining > 0 else { return false }
            remaining /= 10
        }
        return remaining == 0 && id.utf8.first != UInt8(ascii: "0")
    }

    private static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value >= 10 { appendDecimal(value / 10, to: &out) }
        out.append(0x30 + UInt8(value % 10))
    }
}
