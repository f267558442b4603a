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
        var output = SRTOutput(
            lineEnding: lineEnding,
            classColors: ColorClasses.colors(inStyleSheets: document.styleSheets).merging(document.classColors) { $1 },
            lastTime: document.cues.contains { $0.end == nil } ? document.lastTime : .zero,
            expectedSize: document.cues.estimatedWrittenSize
        )
        output.losses.record(.regions, count: document.regions.count)
        output.losses.record(.styleSheets, count: document.styleSheets.count)
        output.losses.record(.comments, count: document.comments.count)
        // By index, so each cue is read in place rather than copied.
        for index in document.cues.indices {
            output.append(document.cues[index], number: index + 1)
        }
        return output.result
    }
}

/// The state of writing one SRT file.
private struct SRTOutput {
    let crlf: Bool
    let lastTime: MediaTime
    let formatter = TimestampFormatter(fractionSeparator: ",")
    var textWriter: SRTCueTextWriter
    var losses = ConversionLosses()
    var diagnostics: [Diagnostic] = []
    var bytes: [UInt8] = []
    /// The current cue's text before its blank lines are taken out; kept between cues.
    var text: [UInt8] = []

    init(lineEnding: SRTWriter.LineEnding, classColors: [String: String], lastTime: MediaTime, expectedSize: Int) {
        crlf = lineEnding == .crlf
        textWriter = SRTCueTextWriter(classColors: classColors)
        self.lastTime = lastTime
        bytes.reserveCapacity(expectedSize)
    }

    var result: WriteResult {
        var all = losses
        for (kind, count) in textWriter.losses.counts { all.record(kind, count: count) }
        return WriteResult(bytes: bytes, losses: all, diagnostics: diagnostics)
    }

    mutating func append(_ cue: Cue, number: Int) {
        if !cue.id.isEmpty, !Self.isDecimal(cue.id, of: number) { losses.record(.cueIdentifiers) }
        Self.appendDecimal(number, to: &bytes)
        appendNewline()

        formatter.append(cue.start, to: &bytes)
        bytes.append(contentsOf: Self.arrow)
        let end: MediaTime
        if let cueEnd = cue.end {
            end = cueEnd
        } else {
            end = lastTime > cue.start ? lastTime : cue.start + SRTWriter.openEndedCueDuration
            losses.record(.openEndedCues)
            diagnostics.append(Diagnostic(
                .warning, code: "open-ended-cue",
                "cue \(number) has no end; SRT needs one, so it ends at \(formatter.string(end))",
                at: cue.location ?? SourceLocation(line: 1)))
        }
        formatter.append(end, to: &bytes)
        appendNewline()

        text.removeAll(keepingCapacity: true)
        appendPosition(of: cue.settings)
        textWriter.append(cue.content, to: &text)
        appendLines()
        appendNewline()
    }

    /// Writes the `{\anN}` override for positions other than the default, and
    /// counts settings that the nine positions do not carry exactly.
    private mutating func appendPosition(of settings: CueSettings) {
        guard settings != Self.defaultSettings else { return }
        var placement = settings
        // A region's geometry was counted with the document's regions.
        placement.region = nil
        let (alignment, isExact) = NumpadAlignment.nearest(to: placement)
        if !isExact { losses.record(.positions) }
        if alignment != .bottomCenter {
            text.append(contentsOf: "{\\an\(alignment.number)}".utf8)
        }
    }

    /// Copies cue text to the output line by line with a line end after each
    /// line, leaving out blank lines: in SRT a blank line ends the cue. A CR,
    /// LF or CRLF in the text ends a line, as it does for the reader. A line
    /// the reader would take for a timing line (`1:00 -> 2:00` in the text)
    /// has its `>` written as `&gt;`, so it stays text.
    private mutating func appendLines() {
        let text = self.text
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
                        if byte == UInt8(ascii: ">") { bytes.append(contentsOf: "&gt;".utf8) } else { bytes.append(byte) }
                    }
                } else {
                    bytes.append(contentsOf: text[lineStart..<lineEnd])
                }
                appendNewline()
            }
            let isCRLF = lineEnd + 1 < text.count && text[lineEnd] == 0x0D && text[lineEnd + 1] == 0x0A
            lineStart = lineEnd + (isCRLF ? 2 : 1)
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

    private static let defaultSettings = CueSettings()

    @inline(__always)
    private mutating func appendNewline() {
        if crlf { bytes.append(0x0D) }
        bytes.append(0x0A)
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
