/// Reads TTML: TTML1, TTML2, IMSC1/1.1 text profile and the older DFXP drafts.
///
/// The document is parsed by libxml2's SAX2 interface (see ``XMLSAXParser``
/// for the security measures: no DOCTYPE, no entities, no network) and the
/// caption model is built as the events arrive. Times are exact
/// (``MediaTime``): clock times, frames and sub-frames, ticks, and the
/// `smpte` time base with drop-frame counting.
///
/// The result keeps each `<p>` in ``CaptionDocument/paragraphs`` and the
/// flattened timeline in ``CaptionDocument/cues``: for each region, one cue
/// per interval in which the region's text is constant, positioned where the
/// region is.
public struct TTMLReader: CaptionReading {
    /// Creates a reader.
    public init() {}

    /// Reads a TTML document.
    ///
    /// - Parameters:
    ///   - bytes: the document in UTF-8 or UTF-16 (a BOM or the XML declaration says which).
    ///   - file: the name used in diagnostics.
    /// - Returns: the document and the warnings the reader recovered from.
    /// - Throws: ``CaptionError`` (`invalidInput`) when the bytes are not
    ///   well-formed XML, have a `<!DOCTYPE>`, or have no TTML `<tt>` root.
    public func read(_ bytes: [UInt8], file: String?) throws(CaptionError) -> ReadResult {
        let handler = TTMLParseHandler(file: file, expectedSize: bytes.count)
        let xmlWarnings = try XMLSAXParser.parse(bytes, file: file, handler: handler)
        let builder = handler.builder
        var timeline = TTMLTimeline(builder)
        let document = timeline.document()
        return ReadResult(document: document, diagnostics: xmlWarnings + builder.diagnostics.finished())
    }
}
