#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        let crlf = lineEnding == .crlf

        var out: [UInt8] = []
        out.reserveCapacity(document.cues.count * 80)
        var text: [UInt8] = []
        for (offset, cue) in document.cues.enumerated() {
            let number = offset + 1
            if !cue.id.isEmpty, !Self.isDecimal(cue.id, of: number) { losses.record(.cueIdentifiers) }
            Self.appendDecimal(number, to: &out)
            Self.appendNewline(crlf, to: &out)

            formatter.append(cue.start, to: &out)
            out.append(contentsOf: Self.arrow)
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
            Self.appendNewline(crlf, to: &out)

            text.removeAll(keepingCapacity: true)
            appendPosition(of: cue.settings, to: &text, losses: &losses)
            textWriter.append(cue.content, to: &text)
            Self.appendLines(of: text, to: &out, crlf: crlf)
            Self.appendNewline(crlf, to: &out)
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

    /// Copies cue text to `out` line by line with a line end after each line,
    /// leaving out blank lines: in SRT a blank line ends the cue. A CR, LF or
    /// CRLF in the text ends a line, as it does for the reader. A line the
    /// reader would take for a timing line (`1:00 -> 2:00` in the text)
    /// has its `>` written as `&gt;`, so it stays text.
    private static func appendLines(of text: [UInt8], to out: inout [UInt8], crlf: Bool) {
        text.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var lineStart = 0
            while lineStart < buffer.count {
                var lineEnd = buffer.count
                if let found = memchr(base + lineStart, 0x0A, buffer.count - lineStart) {
                    lineEnd = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
                }
                if let found = memchr(base + lineStart, 0x0D, lineEnd - lineStart) {
                    lineEnd = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
                }
                var firstVisible = lineStart
                while firstVisible < lineEnd, SRTTimingLine.isSpace(buffer[firstVisible]) { firstVisible += 1 }
                if firstVisible < lineEnd {
                    if SRTTimingLine(text, lineStart..<lineEnd) != nil {
                        for byte in buffer[lineStart..<lineEnd] {
                            if byte == UInt8(ascii: ">") { out.append(contentsOf: "&gt;".utf8) } else { out.append(byte) }
                        }
                    } else {
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[lineStart..<lineEnd]))
                    }
                    appendNewline(crlf, to: &out)
                }
                let isCRLF = lineEnd + 1 < buffer.count && buffer[lineEnd] == 0x0D && buffer[lineEnd + 1] == 0x0A
                lineStart = lineEnd + (isCRLF ? 2 : 1)
            }
        }
    }

    /// `true` when `id` is `value` written in decimal (without a sign or leading zeros).
    private static func isDecimal(_ id: String, of value: Int) -> Bool {
        var id = id
        return id.withUTF8 { digits in
            guard let first = digits.first, first != UInt8(ascii: "0"), digits.count <= 18 else { return false }
            var parsed = 0
            for byte in digits {
                let digit = byte &- 0x30
                guard digit <= 9 else { return false }
                parsed = parsed * 10 + Int(digit)
            }
            return parsed == value
        }
    }

    private static let arrow: [UInt8] = Array(" --> ".utf8)

    @inline(__always)
    private static func appendNewline(_ crlf: Bool, to out: inout [UInt8]) {
        if crlf { out.append(0x0D) }
        out.append(0x0A)
    }

    private static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        let value = value.magnitude
        var divisor: UInt = 1
        while divisor <= value / 10 { divisor *= 10 }
        while divisor > 0 {
            out.append(0x30 + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }
}
