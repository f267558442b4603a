public import Captions

/// What the fuzz targets check on each input, shared with the test that
/// replays every input a fuzzer ever found (Tests/CaptionsTests/Fixtures/fuzz-regressions).
///
/// Each check returns `nil` when the input is handled well, or a sentence
/// saying which promise was broken; a fuzz target turns that into a crash
/// so libFuzzer keeps the input, a test into a failed expectation. Crashes
/// and hangs need no check: the process dies or libFuzzer's timeout fires.
public enum FuzzChecks {
    /// Reads `bytes` as `format` and checks what comes out.
    ///
    /// Beyond not crashing: every diagnostic and error points at a real
    /// place (line and column from 1).
    ///
    /// - Parameters:
    ///   - bytes: any bytes.
    ///   - format: the reader to use.
    /// - Returns: `nil`, or what went wrong.
    public static func read(_ bytes: [UInt8], as format: CaptionFormat) -> String? {
        let result: ReadResult
        do {
            result = try format.reader.read(bytes, file: "fuzz")
        } catch {
            return misplaced(error.location, "error")
        }
        for diagnostic in result.diagnostics {
            if let problem = misplaced(diagnostic.location, "diagnostic \(diagnostic.code)") { return problem }
        }
        return nil
    }

    /// Reads `bytes` as a news article (HTML or text, as sniffed) and finds
    /// its quotations, checking that every diagnostic, error and quotation
    /// points at a real place.
    ///
    /// - Parameter bytes: any bytes.
    /// - Returns: `nil`, or what went wrong.
    public static func article(_ bytes: [UInt8]) -> String? {
        let article: Article
        do {
            article = try ArticleReader().read(bytes, file: "fuzz")
        } catch {
            return misplaced(error.location, "error")
        }
        for diagnostic in article.diagnostics {
            if let problem = misplaced(diagnostic.location, "diagnostic \(diagnostic.code)") { return problem }
        }
        for quote in QuoteExtractor().quotations(in: article) {
            let positions = [Quotation.Position(paragraphIndex: quote.paragraphIndex, range: quote.range)] + quote.partPositions
            for position in positions {
                let index = position.paragraphIndex
                let text = index == -1 ? article.headline : article.paragraphs.indices.contains(index) ? article.paragraphs[index].text : nil
                guard let text else { return "quotation in paragraph \(index), which does not exist" }
                guard position.range.lowerBound >= 0, position.range.upperBound <= text.utf8.count else {
                    return "quotation bytes \(position.range) outside its paragraph of \(text.utf8.count) bytes"
                }
            }
        }
        return nil
    }

    /// Converts `bytes` (format sniffed) to each format and back, and checks
    /// that a document that came out of a writer reads back as itself.
    ///
    /// The first conversion may lose what a format cannot carry (`-->` in
    /// SRT text, styles in SRT), so the promise is checked from the second
    /// step on: for M = read(write(read(input))), read(write(M)) == M,
    /// source locations aside. A writer that produces text its own reader
    /// reads differently breaks it.
    ///
    /// - Parameter bytes: any bytes; inputs no reader accepts are skipped.
    /// - Returns: `nil`, or the format and the first difference.
    public static func roundTrip(_ bytes: [UInt8]) -> String? {
        guard let source = try? CaptionDocument.read(bytes, file: "fuzz").document else { return nil }
        for format in CaptionFormat.allCases {
            guard let once = try? reread(source, as: format) else { continue }
            let twice: CaptionDocument
            do {
                twice = try reread(once, as: format)
            } catch {
                return "\(format): the writer's own output is refused by its reader: \(error)"
            }
            if twice.ignoringSourceLocations != once.ignoringSourceLocations {
                return "\(format): written and read again, the document changed: \(firstDifference(once, twice))"
            }
        }
        return nil
    }

    /// Writes `document` as `format` and reads the result back.
    static func reread(_ document: CaptionDocument, as format: CaptionFormat) throws(CaptionError) -> CaptionDocument {
        try format.reader.read(format.writer.write(document).bytes, file: "fuzz").document
    }

    static func misplaced(_ location: SourceLocation, _ what: String) -> String? {
        location.line >= 1 && location.column >= 1 ? nil : "\(what) at an impossible place \(location)"
    }

    /// A short description of where two documents first differ.
    static func firstDifference(_ a: CaptionDocument, _ b: CaptionDocument) -> String {
        if a.cues.count != b.cues.count { return "\(a.cues.count) cues became \(b.cues.count)" }
        for (index, (x, y)) in zip(a.cues, b.cues).enumerated() where x.ignoringLocation != y.ignoringLocation {
            return "cue \(index + 1): \(x.ignoringLocation) became \(y.ignoringLocation)"
        }
        if a.regions != b.regions { return "regions \(a.regions) became \(b.regions)" }
        if a.styleSheets != b.styleSheets { return "style sheets \(a.styleSheets) became \(b.styleSheets)" }
        if a.comments != b.comments { return "comments \(a.comments) became \(b.comments)" }
        if a.paragraphs.count != b.paragraphs.count { return "\(a.paragraphs.count) paragraphs became \(b.paragraphs.count)" }
        return "header \(a.header.debugDescription) / \(b.header.debugDescription), language \(a.language ?? "nil") / \(b.language ?? "nil"), or paragraphs"
    }

}

/// The fuzz targets, named as their executables and their folders of kept
/// findings, each with its check.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case srt = "FuzzSRT"
    case webVTT = "FuzzWebVTT"
    case ttml = "FuzzTTML"
    case article = "FuzzArticle"
    case roundTrip = "FuzzRoundTrip"

    /// Applies the target's check to one input.
    ///
    /// - Parameter bytes: any bytes.
    /// - Returns: `nil`, or the promise the input broke.
    public func check(_ bytes: [UInt8]) -> String? {
        switch self {
        case .srt: FuzzChecks.read(bytes, as: .srt)
        case .webVTT: FuzzChecks.read(bytes, as: .webvtt)
        case .ttml: FuzzChecks.read(bytes, as: .ttml)
        case .article: FuzzChecks.article(bytes)
        case .roundTrip: FuzzChecks.roundTrip(bytes)
        }
    }

    /// The body of `LLVMFuzzerTestOneInput`: checks the input and traps on a
    /// broken promise, so libFuzzer keeps the input as a finding.
    ///
    /// - Parameters:
    ///   - start: the input's first byte (may be `nil` for an empty input).
    ///   - count: the input's length.
    /// - Returns: 0, as libFuzzer expects.
    public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
        let bytes = start.map { [UInt8](UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
        if let problem = check(bytes) { fatalError(problem) }
        return 0
    }
}

extension Cue {
    var ignoringLocation: Cue {
        var copy = self
        copy.location = nil
        return copy
    }
}
