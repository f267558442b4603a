/// Reads SubRip (`.srt`) files as real ones are written, not only as the
/// format is usually described.
///
/// An SRT file is a list of blocks: an index line, a timing line
/// (`00:00:01,000 --> 00:00:04,000`), the cue's text lines, and a blank line.
/// The reader accepts:
/// - any encoding ``TextEncoding/decode(_:)`` recognises (a warning says so
///   when Windows-1252 had to be guessed) and CRLF, LF or CR line ends;
/// - a missing, repeated or out-of-sequence index (kept as the cue's id);
/// - the timing line variants of ``SRTTimingLine``, with anything after the
///   end time ignored;
/// - blank lines before, between and after blocks. A cue's text runs until a
///   blank line that is followed by a timing line, or by an index line and a
///   timing line; text after any other blank line stays in the cue (the blank
///   line is dropped with a warning), except a block that starts with a bare
///   number and has no timing line, which is an orphan and is dropped with a
///   warning. A timing line, or an index and a timing line, right after cue
///   text starts a new cue, with a warning about the missing blank line;
/// - markup as ``SRTCueTextParser`` describes it.
///
/// Lines that belong to no cue are skipped with a warning naming the first of
/// them. A file with text but no cue at all is an error; a blank file gives an
/// empty document and a warning.
public struct SRTReader: CaptionReading {
    /// Creates a reader.
    public init() {}

    /// Reads an SRT file.
    ///
    /// - Parameters:
    ///   - bytes: the file's bytes, in any encoding ``TextEncoding`` recognises.
    ///   - file: the name used in diagnostics (a path, or `-` for standard input).
    /// - Returns: the document, with `format` ``CaptionFormat/srt``, and the
    ///   warnings about what was recovered or guessed.
    /// - Throws: ``CaptionError`` of kind ``CaptionError/Kind/invalidInput``
    ///   when the file has text but no cue.
    public func read(_ bytes: [UInt8], file: String?) throws(CaptionError) -> ReadResult {
        let decoded = TextEncoding.decode(bytes)
        var parser = SRTParser(decoded.utf8, file: file)
        if decoded.wasGuessed {
            parser.warn("encoding-guessed", "the file is not valid UTF-8; read it as \(decoded.encoding.rawValue)", line: 1)
        } else if let replacement = decoded.replacement {
            parser.diagnostics.append(replacement.diagnostic(file: file))
        } else if decoded.encoding != .utf8 {
            parser.diagnostics.append(Diagnostic(.info, code: "encoding", "read as \(decoded.encoding.rawValue) (byte order mark)", at: SourceLocation(file: file, line: 1)))
        }
        return try parser.parse()
    }
}

/// The block-level state of reading one SRT file.
private struct SRTParser {
    let bytes: [UInt8]
    let file: String?
    var lines: LineReader
    /// A line read ahead and given back, returned by the next ``nextLine()``.
    var unreadLine: LineReader.Line?
    var diagnostics: [Diagnostic] = []
    var cues: [Cue] = []
    var textParser = SRTCueTextParser()
    /// The text lines of the cue being read; kept between cues to save allocations.
    var textLines: [Range<Int>] = []

    /// Lines skipped outside any cue since the last blank line: the first and how many.
    var skipped: (first: LineReader.Line, count: Int)?
    /// The first line of text that belongs to no cue, for the no-cue error.
    var firstStrayLine: LineReader.Line?

    /// Problems that tend to repeat on every cue of a file are reported once,
    /// at their first line, with a count.
    var missingIndex = RepeatedProblem()
    var unexpectedIndex = RepeatedProblem()
    var trailingText = RepeatedProblem()
    var previousIndex: Int?

    init(_ bytes: [UInt8], file: String?) {
        self.bytes = bytes
        self.file = file
        self.lines = LineReader(bytes)
    }

    mutating func parse() throws(CaptionError) -> ReadResult {
        // Most files have a cue per 40 to 100 bytes. Capacity that is never
        // touched costs no memory, and growing a large array costs a copy.
        cues.reserveCapacity(bytes.count / 48 + 16)
        var pendingIndex: IndexLine?
        while let line = nextLine() {
            if isBlank(line) {
                if let index = pendingIndex { skip(index.line) }
                pendingIndex = nil
                reportSkipped()
                continue
            }
            if let timing = SRTTimingLine(bytes, line.range) {
                reportSkipped()
                var next: CueStart? = CueStart(index: pendingIndex, timingLine: line, timing: timing)
                while let start = next { next = readCue(start) }
                pendingIndex = nil
            } else if let value = indexValue(line) {
                if let index = pendingIndex { skip(index.line) }
                pendingIndex = IndexLine(line: line, value: value)
            } else {
                if let index = pendingIndex { skip(index.line) }
                pendingIndex = nil
                skip(line)
            }
        }
        if let index = pendingIndex { skip(index.line) }
        reportSkipped()
        reportRepeatedProblems()

        if cues.isEmpty {
            if let stray = firstStrayLine {
                throw CaptionError(.invalidInput, "no SRT cue found: no timing line such as '00:00:01,000 --> 00:00:04,000'", at: location(stray))
            }
            warn("no-cues", "the file has no cues", line: 1)
        }
        let document = CaptionDocument(format: .srt, cues: cues, classColors: textParser.classColors)
        return ReadResult(document: document, diagnostics: diagnostics)
    }

    // MARK: Cues

    /// An index line and the number on it.
    struct IndexLine {
        var line: LineReader.Line
        var value: Int
    }

    /// The lines that start a cue: an optional index line and the timing line.
    struct CueStart {
        var index: IndexLine?
        var timingLine: LineReader.Line
        var timing: SRTTimingLine
    }

    /// Reads the text of the cue whose timing line was just read and adds the cue.
    ///
    /// - Returns: the start of the next cue when the text ends there (its lines
    ///   already read), or `nil` when the text ends at the end of the file or
    ///   at a line for the block loop to skip (``lines`` is then after it).
    mutating func readCue(_ start: CueStart) -> CueStart? {
        let id = noteIndex(start.index, timingLine: start.timingLine)
        textLines.removeAll(keepingCapacity: true)
        var next: CueStart?
        while let line = nextLine() {
            if isBlank(line) {
                guard case .cueEnds(let following) = afterBlank(line) else { continue }
                next = following
                break
            }
            if let following = cueStart(at: line) {
                warn("missing-blank-line", "a new cue starts without a blank line before it", line: line.number)
                next = following
                break
            }
            textLines.append(line.range)
        }
        addCue(id: id, start)
        return next
    }

    /// What follows a blank line inside a cue's text.
    enum AfterBlank {
        /// More text of the same cue; its first line is already added.
        case textContinues
        /// The cue ends; the next cue starts there, or there is none to hand over.
        case cueEnds(next: CueStart?)
    }

    /// Reads on from a blank line inside a cue, dropping orphan blocks.
    mutating func afterBlank(_ blank: LineReader.Line) -> AfterBlank {
        while let line = nextLine() {
            if isBlank(line) { continue }
            if let start = cueStart(at: line) { return .cueEnds(next: start) }
            if SRTTimingLine.containsArrow(bytes, line.range) {
                // A timing line that cannot be read: its block belongs to no cue.
                skip(line)
                return .cueEnds(next: nil)
            }
            if indexValue(line) != nil {
                dropOrphanBlock(startingAt: line)
                continue
            }
            if !textLines.isEmpty {
                warn("blank-line-in-cue", "blank line inside cue text; the text after it is kept in the cue", line: blank.number)
            }
            textLines.append(line.range)
            return .textContinues
        }
        return .cueEnds(next: nil)
    }

    /// Drops a block that starts with a bare number but has no timing line,
    /// up to the next blank line.
    mutating func dropOrphanBlock(startingAt first: LineReader.Line) {
        var count = 1
        while let next = nextLine() {
            if isBlank(next) {
                unreadLine = next
                break
            }
            count += 1
        }
        // The next cue's index follows the orphan's, not the previous cue's.
        previousIndex = indexValue(first)
        let number = bytes.utf8String(trimmed(first.range))
        warn("orphan-block", "dropped block \(number) (\(count) \(count == 1 ? "line" : "lines")): it has no timing line", line: first.number)
    }

    /// The cue that `line` starts, if it is a timing line, or an index line
    /// followed by a timing line (which is then read too).
    mutating func cueStart(at line: LineReader.Line) -> CueStart? {
        if let timing = SRTTimingLine(bytes, line.range) {
            return CueStart(index: nil, timingLine: line, timing: timing)
        }
        guard let value = indexValue(line), let next = nextLine() else { return nil }
        guard let timing = SRTTimingLine(bytes, next.range) else {
            unreadLine = next
            return nil
        }
        return CueStart(index: IndexLine(line: line, value: value), timingLine: next, timing: timing)
    }

    /// The next line: the one given back, if any, or else the next one read.
    mutating func nextLine() -> LineReader.Line? {
        if let line = unreadLine {
            unreadLine = nil
            return line
        }
        return lines.next()
    }

    /// Checks the cue's index against the previous one; returns the cue's id.
    mutating func noteIndex(_ index: IndexLine?, timingLine: LineReader.Line) -> String {
        guard let index else {
            missingIndex.note(line: timingLine.number, "cue has no index line")
            previousIndex = previousIndex.map { $0 + 1 }
            return ""
        }
        let id = bytes.stringFromValidatedUTF8(trimmed(index.line.range))
        if let previous = previousIndex, index.value != previous + 1 {
            unexpectedIndex.note(line: index.line.number, "index \(id) where \(previous + 1) was expected")
        }
        previousIndex = index.value
        return id
    }

    mutating func addCue(id: String, _ start: CueStart) {
        let (timing, timingLine) = (start.timing, start.timingLine)
        if !timing.trailing.isEmpty {
            trailingText.note(line: timingLine.number, "ignored '\(bytes.utf8String(timing.trailing))' after the end time")
        }
        if timing.end < timing.start {
            warn("end-before-start", "the cue ends before it starts", line: timingLine.number)
        }
        let (content, alignment) = textParser.parse(bytes, lines: textLines)
        cues.append(Cue(
            id: id,
            start: timing.start,
            end: timing.end,
            content: content,
            settings: alignment?.settings ?? CueSettings(),
            location: location(start.index?.line ?? timingLine)
        ))
    }

    // MARK: Lines

    func isBlank(_ line: LineReader.Line) -> Bool {
        for i in line.range where !SRTTimingLine.isSpace(bytes[i]) { return false }
        return true
    }

    /// The number on a line holding only an integer (an optional `-` and
    /// digits, spaces around them allowed), or `nil` for any other line.
    func indexValue(_ line: LineReader.Line) -> Int? {
        let digits = trimmed(line.range)
        var i = digits.lowerBound
        let negative = i < digits.upperBound && bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        guard i < digits.upperBound else { return nil }
        var value = 0
        for j in i..<digits.upperBound {
            let digit = bytes[j] &- 0x30
            guard digit <= 9 else { return nil }
            // Saturate: an index past 10^15 is not worth more precision.
            if value < 1_000_000_000_000_000 { value = value * 10 + Int(digit) }
        }
        return negative ? -value : value
    }

    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, SRTTimingLine.isSpace(bytes[lower]) { lower += 1 }
        while upper > lower, SRTTimingLine.isSpace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    // MARK: Diagnostics

    func location(_ line: LineReader.Line) -> SourceLocation {
        SourceLocation(file: file, line: line.number, column: 1)
    }

    mutating func warn(_ code: String, _ message: String, line: Int) {
        diagnostics.append(Diagnostic(.warning, code: code, message, at: SourceLocation(file: file, line: line)))
    }

    mutating func skip(_ line: LineReader.Line) {
        if firstStrayLine == nil { firstStrayLine = line }
        if let run = skipped {
            skipped = (run.first, run.count + 1)
        } else {
            skipped = (line, 1)
        }
    }

    mutating func reportSkipped() {
        guard let run = skipped else { return }
        skipped = nil
        let count = run.count == 1 ? "a line that belongs" : "\(run.count) lines that belong"
        warn("skipped-lines", "skipped \(count) to no cue, starting '\(bytes.utf8String(trimmed(run.first.range)).prefix(40))'", line: run.first.number)
    }

    mutating func reportRepeatedProblems() {
        for (code, problem) in [("missing-index", missingIndex), ("unexpected-index", unexpectedIndex), ("text-after-timing", trailingText)] {
            guard let first = problem.first else { continue }
            let more = problem.count > 1 ? " (and \(problem.count - 1) more like it)" : ""
            warn(code, first.message + more, line: first.line)
        }
        diagnostics.sort { $0.location < $1.location }
    }
}

/// A problem counted over a whole file and reported once, at its first occurrence.
private struct RepeatedProblem {
    var first: (line: Int, message: String)?
    var count = 0

    mutating func note(line: Int, _ message: @autoclosure () -> String) {
        if first == nil { first = (line, message()) }
        count += 1
    }
}
