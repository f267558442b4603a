/// Reads WebVTT files by the W3C WebVTT "parser algorithm", on UTF-8 bytes.
///
/// What a browser would make of the file is what the document holds: the
/// same cues with the same ids, times, settings and text tree, the same
/// regions and style sheets. Beyond that the reader keeps what a round trip
/// needs: the header text (and its `Language:` line as
/// ``CaptionDocument/language``) and `NOTE` blocks as comments. Blocks the
/// algorithm drops are reported as warnings rather than dropped silently.
///
/// Files that are not UTF-8 are read as Windows-1252 with a warning (the
/// specification would decode them as UTF-8 with replacement characters),
/// unless they are UTF-8 with a few broken sequences: those become U+FFFD,
/// with a warning at the first (see ``TextEncoding/decode(_:)``).
public struct WebVTTReader: CaptionReading {
    /// Creates a reader.
    public init() {}

    /// Reads a WebVTT file.
    ///
    /// - Parameters:
    ///   - bytes: the file's bytes (UTF-8, with or without a byte order mark;
    ///     UTF-16 and UTF-32 with one).
    ///   - file: the name used in diagnostics.
    /// - Returns: the document and warnings about skipped blocks, ignored
    ///   settings and tags.
    /// - Throws: ``CaptionError`` of kind ``CaptionError/Kind/invalidInput``
    ///   when the file does not start with the `WEBVTT` signature.
    /// - Complexity: O(n) in the size of the file.
    public func read(_ bytes: [UInt8], file: String?) throws(CaptionError) -> ReadResult {
        let decoded = TextEncoding.decode(bytes)
        var parser = WebVTTFileParser(decoded.utf8, file: file)
        if decoded.wasGuessed {
            parser.log.warn("encoding", "the file is not UTF-8; read it as Windows-1252", at: SourceLocation(file: file, line: 1))
        } else if let replacement = decoded.replacement {
            parser.log.add(replacement.diagnostic(file: file))
        }
        try parser.parse()
        return ReadResult(document: parser.document, diagnostics: parser.log.diagnostics)
    }
}

/// The state of one run of the WebVTT parser algorithm over one file.
struct WebVTTFileParser {
    /// The file as UTF-8.
    let bytes: [UInt8]
    /// The file name for diagnostics.
    let file: String?
    /// What has been read so far.
    private(set) var document = CaptionDocument(format: .webvtt)
    /// Warnings so far.
    var log = DiagnosticLog()
    private var lines: LineReader
    /// "seen cue": once a cue is read, STYLE and REGION blocks no longer count.
    private var seenCue = false
    /// One cue's text, reused from cue to cue.
    private var cueText: [UInt8] = []
    /// The lines of the block being read, reused from block to block.
    private var blockLines: [LineReader.Line] = []

    init(_ bytes: [UInt8], file: String?) {
        self.bytes = bytes
        self.file = file
        self.lines = LineReader(bytes)
    }

    /// Runs the "WebVTT parser algorithm".
    mutating func parse() throws(CaptionError) {
        // Signature: "WEBVTT" alone on the first line or followed by a space or
        // tab. The decoder removed one byte order mark (and the line reader
        // would skip one more): a second one is a character before "WEBVTT".
        guard !bytes.hasPrefix("\u{FEFF}", in: 0..<bytes.count), let first = lines.next(), bytes.hasPrefix("WEBVTT", in: first.range),
              first.range.count == 6 || bytes[first.range.lowerBound + 6] == 0x20 || bytes[first.range.lowerBound + 6] == 0x09
        else {
            throw CaptionError(
                .invalidInput,
                "not a WebVTT file: the first line must be WEBVTT, alone or followed by a space or tab",
                at: location(line: 1))
        }
        document.header = bytes.webVTTString((first.range.lowerBound + 6)..<first.range.upperBound)
        // Header: the lines up to the first blank line (or line with "-->").
        if let next = lines.peek(), !next.isEmpty {
            readHeaderBlock()
        }
        skipBlankLines()
        // Block loop.
        while !lines.isAtEnd {
            collectBlock()
            skipBlankLines()
        }
    }

    /// "Collect a WebVTT block" with the "in header" flag: header lines are kept
    /// as text; a `Language:` line also sets the document language.
    private mutating func readHeaderBlock() {
        while true {
            guard let line = lines.next(), !line.isEmpty else { return }
            if bytes.containsArrow(in: line.range) {
                lines.rewind(to: line)
                return
            }
            let text = bytes.webVTTString(line.range)
            document.header += "\n" + text
            if let language = Self.language(inHeaderLine: text) { document.language = language }
        }
    }

    /// The value of a `Language: xx` (or `Lang: xx`) header line, any case,
    /// trimmed; `nil` for other lines and empty values.
    static func language(inHeaderLine line: String) -> String? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon].trimmingASCIIWhitespace().lowercased()
        let value = line[line.index(after: colon)...].trimmingASCIIWhitespace()
        return (key == "language" || key == "lang") && !value.isEmpty ? value : nil
    }

    /// "Collect a sequence of code points that are U+000A LINE FEED characters".
    private mutating func skipBlankLines() {
        while let line = lines.next() {
            if !line.isEmpty {
                lines.rewind(to: line)
                return
            }
        }
    }

    /// What a block turned out to be while its lines were read.
    private enum BlockKind {
        case unknown
        case cue(id: String, timings: WebVTTCueTimingsParser.Timings)
        case styleSheet
        case region
    }

    /// "Collect a WebVTT block" (without the "in header" flag), then adds what
    /// it returns to the document.
    private mutating func collectBlock() {
        var lineCount = 0
        var seenArrow = false
        var kind = BlockKind.unknown
        // The block's lines since the last reset ("buffer" in the
        // specification); the array is kept from block to block.
        var buffer = blockLines
        blockLines = []
        defer {
            buffer.removeAll(keepingCapacity: true)
            blockLines = buffer
        }
        var firstLine: LineReader.Line?
        var timingFailure: (line: LineReader.Line, failure: WebVTTCueTimingsParser.Failure)?
        while true {
            guard let line = lines.next() else { break }
            lineCount += 1
            if firstLine == nil { firstLine = line }
            if bytes.containsArrow(in: line.range) {
                guard lineCount == 1 || (lineCount == 2 && !seenArrow) else {
                    // "Let position be previous position": the arrow line
                    // starts the next block.
                    lines.rewind(to: line)
                    break
                }
                seenArrow = true
                var ignored: [WebVTTSettingsList.Ignored] = []
                switch WebVTTCueTimingsParser.parse(bytes, line: line.range, regions: document.regions, ignored: { ignored.append($0) }) {
                case .success(let timings):
                    kind = .cue(id: joined(buffer), timings: timings)
                    buffer.removeAll(keepingCapacity: true)
                    seenCue = true
                    for setting in ignored { warn("ignored-setting", setting.message, line: line, offset: setting.offset) }
                case .failure(let failure):
                    kind = .unknown
                    timingFailure = (line, failure)
                }
            } else if line.isEmpty {
                break
            } else {
                if lineCount == 2, !seenCue, let header = buffer.first {
                    if isKeywordLine(header, "STYLE") {
                        kind = .styleSheet
                        buffer.removeAll(keepingCapacity: true)
                    } else if isKeywordLine(header, "REGION") {
                        kind = .region
                        buffer.removeAll(keepingCapacity: true)
                    }
                }
                buffer.append(line)
            }
        }
        guard let firstLine else { return }
        switch kind {
        case .cue(let id, let timings):
            addCue(id: id, timings: timings, text: buffer, firstLine: firstLine)
        case .styleSheet:
            document.styleSheets.append(joined(buffer))
        case .region:
            addRegion(lines: buffer, firstLine: firstLine)
        case .unknown:
            keepOrReportUnusedBlock(buffer, firstLine: firstLine, seenArrow: seenArrow, timingFailure: timingFailure)
        }
    }

    private mutating func addCue(id: String, timings: WebVTTCueTimingsParser.Timings, text: [LineReader.Line], firstLine: LineReader.Line) {
        cueText.removeAll(keepingCapacity: true)
        for (k, line) in text.enumerated() {
            if k > 0 { cueText.append(0x0A) }
            cueText.append(contentsOf: bytes[line.range])
        }
        var issues: [WebVTTCueTextParser.Issue] = []
        let content = WebVTTCueTextParser.parse(cueText) { issues.append($0) }
        for issue in issues {
            // Map the offset in the joined text back to its line in the file.
            var offset = issue.offset
            for line in text {
                if offset <= line.range.count {
                    warn(issue.code, issue.message, line: line, offset: line.range.lowerBound + offset)
                    break
                }
                offset -= line.range.count + 1
            }
        }
        let cue = Cue(
            id: id, start: timings.start, end: timings.end, content: content, settings: timings.settings,
            location: location(line: firstLine.number))
        if timings.end < timings.start {
            let format = TimestampFormatter(fractionSeparator: ".")
            log.warn(
                "end-before-start", "cue ends at \(format.string(timings.end)), before it starts at \(format.string(timings.start))",
                at: location(line: firstLine.number))
        }
        document.cues.append(cue)
    }

    private mutating func addRegion(lines regionLines: [LineReader.Line], firstLine: LineReader.Line) {
        var ignored: [(WebVTTSettingsList.Ignored, LineReader.Line)] = []
        let region = WebVTTRegionParser.parse(bytes, lines: regionLines.map(\.range)) { setting in
            if let line = regionLines.first(where: { $0.range.contains(setting.offset) }) { ignored.append((setting, line)) }
        }
        for (setting, line) in ignored { warn("ignored-setting", setting.message, line: line, offset: setting.offset) }
        guard !region.id.isEmpty else {
            log.warn("skipped-block", "REGION block without an id is ignored: no cue can refer to it", at: location(line: firstLine.number))
            return
        }
        document.regions.append(region)
    }

    /// A block the algorithm returns nothing for: a `NOTE` block becomes a
    /// comment; anything else is reported.
    private mutating func keepOrReportUnusedBlock(
        _ buffer: [LineReader.Line], firstLine: LineReader.Line, seenArrow: Bool,
        timingFailure: (line: LineReader.Line, failure: WebVTTCueTimingsParser.Failure)?
    ) {
        if let (line, failure) = timingFailure {
            warn("skipped-block", "skipped cue: \(failure.message)", line: line, offset: failure.offset)
            return
        }
        if !seenArrow, let note = buffer.first, bytes.hasPrefix("NOTE", in: note.range),
           note.range.count == 4 || bytes[note.range.lowerBound + 4] == 0x20 || bytes[note.range.lowerBound + 4] == 0x09 {
            var parts = buffer.dropFirst().map { bytes.webVTTString($0.range) }
            if note.range.count > 4 { parts.insert(bytes.webVTTString((note.range.lowerBound + 5)..<note.range.upperBound), at: 0) }
            document.comments.append(CaptionComment(text: parts.joined(separator: "\n"), cuesBefore: document.cues.count))
            return
        }
        let message: String
        if isKeywordLine(firstLine, "STYLE") || isKeywordLine(firstLine, "REGION") {
            let keyword = isKeywordLine(firstLine, "STYLE") ? "STYLE" : "REGION"
            message = seenCue && buffer.count > 1
                ? "\(keyword) block after the first cue is ignored"
                : "\(keyword) block with nothing after the \(keyword) line is ignored"
        } else {
            message = "skipped a block that is not a cue, NOTE, STYLE or REGION block (no line with '-->')"
        }
        log.warn("skipped-block", message, at: location(line: firstLine.number))
    }

    /// `true` when the line is `keyword` followed only by ASCII whitespace.
    private func isKeywordLine(_ line: LineReader.Line, _ keyword: StaticString) -> Bool {
        guard bytes.hasPrefix(keyword, in: line.range) else { return false }
        let rest = (line.range.lowerBound + keyword.utf8CodeUnitCount)..<line.range.upperBound
        return rest.allSatisfy { bytes[$0].isASCIIWhitespace }
    }

    /// The lines' text joined by LF ("buffer").
    private func joined(_ buffer: [LineReader.Line]) -> String {
        switch buffer.count {
        case 0: ""
        case 1: bytes.webVTTString(buffer[0].range)
        default: buffer.map { bytes.webVTTString($0.range) }.joined(separator: "\n")
        }
    }

    private func location(line: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    private mutating func warn(_ code: String, _ message: String, line: LineReader.Line, offset: Int) {
        log.warn(code, message, at: location(line: line.number, column: offset - line.range.lowerBound + 1))
    }
}

extension Substring {
    /// The text without leading and trailing ASCII whitespace.
    fileprivate func trimmingASCIIWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0.isASCII && $0.asciiValue.map(\.isASCIIWhitespace) == true }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}
