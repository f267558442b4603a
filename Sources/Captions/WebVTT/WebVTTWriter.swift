/// Writes documents as WebVTT that ``WebVTTReader`` reads back to an equal
/// document.
///
/// The file holds the `WEBVTT` line and header, the `REGION` and `STYLE`
/// blocks, then the cues with the `NOTE` comments where they stood. Only
/// settings that differ from their defaults are written. Where the syntax
/// cannot hold a value as it is (a cue id or comment containing `-->`, a
/// blank line in a comment or style sheet) it is changed as little as
/// possible and a warning says so; cue text is escaped so that it needs no
/// change. What WebVTT cannot carry at all is tallied in
/// ``WriteResult/losses``.
public struct WebVTTWriter: CaptionWriting {
    /// Creates a writer.
    public init() {}

    /// Encodes a document as WebVTT.
    ///
    /// - Parameter document: the document, from any format.
    /// - Returns: UTF-8 bytes without a byte order mark, LF line endings, the
    ///   conversion losses and warnings. A cue without an end is given the
    ///   document's ``CaptionDocument/lastTime``.
    /// - Complexity: O(n) in the size of the document.
    public func write(_ document: CaptionDocument) -> WriteResult {
        var output = WebVTTOutput()
        output.bytes.reserveCapacity(document.cues.estimatedWrittenSize + 1024)
        output.writeHeader(document)
        let regionIDs = output.writeRegions(document.regions)
        for (k, sheet) in document.styleSheets.enumerated() {
            output.writeStyleSheet(sheet, index: k)
        }
        // Colours read from inline markup (SRT <font color>) become rules for their classes.
        if let colors = document.classColorStyleSheet {
            output.writeStyleSheet(colors, index: document.styleSheets.count)
        }
        let comments = document.comments.enumerated().sorted { ($0.element.cuesBefore, $0.offset) < ($1.element.cuesBefore, $1.offset) }
        var nextComment = comments.startIndex
        // Only cues without an end need the (whole-document) last time.
        let lastTime = document.cues.contains { $0.end == nil } ? document.lastTime : .zero
        for (k, cue) in document.cues.enumerated() {
            while nextComment < comments.endIndex, comments[nextComment].element.cuesBefore <= k {
                output.writeComment(comments[nextComment].element.text, index: comments[nextComment].offset)
                nextComment += 1
            }
            output.writeCue(cue, number: k + 1, regionIDs: regionIDs, lastTime: lastTime)
        }
        for comment in comments[nextComment...] {
            output.writeComment(comment.element.text, index: comment.offset)
        }
        return WriteResult(bytes: output.bytes, losses: output.losses, diagnostics: output.diagnostics)
    }
}

/// The file being written, with what was lost or changed on the way.
private struct WebVTTOutput {
    var bytes: [UInt8] = []
    var losses = ConversionLosses()
    var diagnostics: [Diagnostic] = []
    /// The number of the next output line, for diagnostics about what has no
    /// source location (they point into the output, named `<output>`).
    private var line = 1
    /// The settings last written without a warning, and their text.
    private var lastSettings: (settings: CueSettings, text: [UInt8])?

    /// Appends text that holds no line break.
    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// Ends the current line.
    private mutating func newline() {
        bytes.append(0x0A)
        line += 1
    }

    private mutating func warn(_ code: String, _ message: String, at location: SourceLocation? = nil) {
        diagnostics.append(Diagnostic(.warning, code: code, message, at: location ?? SourceLocation(file: "<output>", line: line)))
    }

    // MARK: Header

    /// `WEBVTT`, the header text, the `Language:` line, then a blank line.
    mutating func writeHeader(_ document: CaptionDocument) {
        var lines = document.header.lineBroken()
        var signatureRest = lines.removeFirst()
        if let first = signatureRest.unicodeScalars.first, first != " ", first != "\t" {
            signatureRest = " " + signatureRest
        }
        // Blank lines would end the header early; they hold nothing.
        var headerLines = lines.filter { !$0.isEmpty }
        if let language = document.language?.replacingLineBreaks(), !language.isEmpty {
            // The reader takes the last `Language:` (or `Lang:`) line.
            if let index = headerLines.lastIndex(where: { WebVTTFileParser.language(inHeaderLine: $0) != nil }) {
                if WebVTTFileParser.language(inHeaderLine: headerLines[index]) != language {
                    headerLines[index] = "Language: " + language
                }
            } else {
                headerLines.append("Language: " + language)
            }
        }
        append("WEBVTT" + signatureRest)
        newline()
        for text in headerLines {
            // A header line with "-->" would end the header and start a cue.
            if text.contains("-->") {
                warn("altered-header", "header line '\(text)' contains '-->'; written with '-- >'")
                append(text.replacingArrows())
            } else {
                append(text)
            }
            newline()
        }
        newline()
    }

    // MARK: Regions and style sheets

    /// One `REGION` block per region with an id, settings other than the
    /// defaults only.
    ///
    /// - Returns: the ids as written, by the ids of the model, for the cues'
    ///   `region` settings.
    mutating func writeRegions(_ regions: [Region]) -> [String: String] {
        var written: [String: String] = [:]
        let defaults = Region(id: "")
        for region in regions {
            let id = region.id.replacingWhitespaceAndArrows()
            guard !id.isEmpty else {
                losses.record(.regions)
                warn("dropped-region", "a region without an id is left out: WebVTT cues refer to regions by id")
                continue
            }
            if id != region.id {
                warn("altered-region-id", "region id '\(region.id)' written as '\(id)': an id cannot hold whitespace or '-->'")
            }
            written[region.id] = id
            var settings = ["id:" + id]
            if region.width != defaults.width { settings.append("width:" + percentage(region.width)) }
            if region.lines != defaults.lines { settings.append("lines:" + String(max(0, region.lines))) }
            if region.regionAnchorX != defaults.regionAnchorX || region.regionAnchorY != defaults.regionAnchorY {
                settings.append("regionanchor:" + percentage(region.regionAnchorX) + "," + percentage(region.regionAnchorY))
            }
            if region.viewportAnchorX != defaults.viewportAnchorX || region.viewportAnchorY != defaults.viewportAnchorY {
                settings.append("viewportanchor:" + percentage(region.viewportAnchorX) + "," + percentage(region.viewportAnchorY))
            }
            if region.scroll == .up { settings.append("scroll:up") }
            append("REGION")
            newline()
            append(settings.joined(separator: " "))
            newline()
            newline()
        }
        return written
    }

    /// A `STYLE` block. Blank lines would end the block early and `-->` would
    /// start a cue, so blank lines are left out and `-->` is written `--\>`,
    /// which CSS reads the same inside a string.
    mutating func writeStyleSheet(_ sheet: String, index: Int) {
        let lines = sheet.lineBroken()
        guard !lines.allSatisfy(\.isEmpty) else { return }
        if lines.contains(where: \.isEmpty) || sheet.contains("-->") {
            warn("altered-style-sheet", "style sheet \(index + 1): blank lines left out and '-->' written as '--\\>', which a STYLE block cannot hold")
        }
        append("STYLE")
        newline()
        for text in lines where !text.isEmpty {
            append(text.replacingOccurrences("-->", with: "--\\>"))
            newline()
        }
        newline()
    }

    // MARK: Comments

    /// A `NOTE` block, without blank lines or `-->`, which would end it.
    mutating func writeComment(_ text: String, index: Int) {
        let lines = text.lineBroken()
        var kept = lines.enumerated().filter { $0.offset == 0 || !$0.element.isEmpty }.map(\.element)
        if kept.count != lines.count || text.contains("-->") {
            warn("altered-comment", "comment \(index + 1): blank lines left out and '-->' written as '-- >', which a NOTE block cannot hold")
            kept = kept.map { $0.replacingArrows() }
        }
        let body = kept.joined(separator: "\n")
        append(body.isEmpty ? "NOTE" : "NOTE " + body)
        line += kept.count - 1
        newline()
        newline()
    }

    // MARK: Cues

    /// A cue block: the id line, the timing line with the settings, the text.
    mutating func writeCue(_ cue: Cue, number: Int, regionIDs: [String: String], lastTime: MediaTime) {
        if !cue.id.isEmpty {
            var id = cue.id
            if id.breaksWebVTTLine {
                id = id.replacingLineBreaks().replacingArrows()
                warn("altered-cue-id", "cue \(number): id written as '\(id)': an id cannot hold line breaks or '-->'", at: cue.location)
            }
            append(id)
            newline()
        }
        let formatter = TimestampFormatter(fractionSeparator: ".")
        let end = cue.end ?? lastTime
        if cue.end == nil {
            losses.record(.openEndedCues)
            warn("open-ended-cue", "cue \(number) has no end; it ends at \(formatter.string(lastTime)), the end of the document", at: cue.location)
        }
        formatter.append(cue.start, to: &bytes)
        bytes.append(contentsOf: " --> ".utf8)
        formatter.append(end, to: &bytes)
        appendSettings(cue.settings, cue: number, regionIDs: regionIDs, at: cue.location)
        newline()
        let textStart = bytes.count
        line += WebVTTCueText.appendPayload(cue.content, to: &bytes)
        if bytes.count > textStart { newline() }
        newline()
    }

    /// Appends the settings, each after a space. Converted documents (TTML
    /// above all) give cue after cue the same settings, so the text of the
    /// last ones is kept and reused when they wrote without a warning.
    private mutating func appendSettings(_ s: CueSettings, cue number: Int, regionIDs: [String: String], at location: SourceLocation?) {
        if let last = lastSettings, last.settings == s {
            bytes.append(contentsOf: last.text)
            return
        }
        let warnings = diagnostics.count
        let start = bytes.count
        for setting in settings(s, cue: number, regionIDs: regionIDs, at: location) {
            bytes.append(0x20)
            append(setting)
        }
        lastSettings = diagnostics.count == warnings ? (s, Array(bytes[start...])) : nil
    }

    /// The cue settings that differ from the defaults, `region` last since
    /// `line`, `size` and `vertical` take a cue out of its region.
    private mutating func settings(_ s: CueSettings, cue number: Int, regionIDs: [String: String], at location: SourceLocation?) -> [String] {
        var out: [String] = []
        if s.vertical != .horizontal { out.append("vertical:" + s.vertical.rawValue) }
        let lineAlign = s.lineAlign == .start ? "" : "," + s.lineAlign.rawValue
        switch s.line {
        case .auto:
            if s.lineAlign != .start { dropPosition("its line alignment without a line", cue: number, at: location) }
        case .number(let value) where value.isFinite:
            out.append("line:" + WebVTTNumber.format(value) + lineAlign)
        case .percentage(let value) where value.isFinite:
            out.append("line:" + percentage(value) + lineAlign)
        case .number, .percentage:
            dropPosition("a line that is not a finite number", cue: number, at: location)
        }
        if let position = s.position, position.isFinite {
            out.append("position:" + percentage(position) + (s.positionAlign == .auto ? "" : "," + s.positionAlign.rawValue))
        } else if s.position != nil || s.positionAlign != .auto {
            dropPosition("its position alignment without a position", cue: number, at: location)
        }
        if s.size != 100 { out.append("size:" + percentage(s.size)) }
        if s.align != .center { out.append("align:" + s.align.rawValue) }
        if let region = s.region {
            if let id = regionIDs[region] {
                out.append("region:" + id)
            } else {
                losses.record(.regions)
                warn("dropped-region", "cue \(number): region '\(region)' is not defined; the cue is written without it", at: location)
            }
        }
        return out
    }

    private mutating func dropPosition(_ what: String, cue number: Int, at location: SourceLocation?) {
        losses.record(.positions)
        warn("dropped-setting", "cue \(number): \(what) cannot be written in WebVTT", at: location)
    }

    /// A percentage clamped to the 0...100 that WebVTT allows, with its `%`.
    private func percentage(_ value: Double) -> String {
        WebVTTNumber.format(value.isFinite ? min(100, max(0, value)) : 0) + "%"
    }
}

extension String {
    /// `true` when the text holds a line break or `-->`, which a one-line
    /// WebVTT field cannot.
    fileprivate var breaksWebVTTLine: Bool {
        var dashes = 0
        for byte in utf8 {
            if byte == 0x0A || byte == 0x0D || (byte == UInt8(ascii: ">") && dashes >= 2) { return true }
            dashes = byte == UInt8(ascii: "-") ? dashes + 1 : 0
        }
        return false
    }

    /// The text split at LF, CR and CRLF.
    fileprivate func lineBroken() -> [String] {
        split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).map(String.init)
    }

    /// Every `old` replaced by `new`.
    fileprivate func replacingOccurrences(_ old: String, with new: String) -> String {
        guard contains(old) else { return self }
        return split(separator: old, omittingEmptySubsequences: false).joined(separator: new)
    }

    /// `-->` written as `-- >`, where WebVTT cannot hold it.
    fileprivate func replacingArrows() -> String {
        var text = self
        while text.contains("-->") { text = text.replacingOccurrences("-->", with: "-- >") }
        return text
    }

    /// Line breaks written as spaces.
    fileprivate func replacingLineBreaks() -> String {
        String(map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : $0 })
    }

    /// Whitespace written as `_` and `-->` as `--_>`, for a region id.
    fileprivate func replacingWhitespaceAndArrows() -> String {
        String(map { $0.isASCII && $0.asciiValue?.isASCIIWhitespace == true ? "_" : $0 }).replacingOccurrences("-->", with: "--_>")
    }
}
