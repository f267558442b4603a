internal import CLibXML2

/// libxml2 wants one `xmlInitParser()` before parsing from several threads;
/// a global `let` runs it once, lazily and thread-safely.
private let htmlParserReady: Void = { xmlInitParser() }()

/// Reads an HTML page with libxml2's forgiving HTML parser and turns it into
/// ``PageBlock``s plus the page's title candidates, then frees the C tree.
///
/// Untrusted pages are safe by construction: the options are RECOVER,
/// NOERROR, NOWARNING and NONET only (no entity substitution, no DTD
/// loading), nothing external is fetched, entity references are never
/// expanded, and the tree is walked with a loop over parent/sibling links
/// (no recursion), keeping structure for at most ``maxStructureDepth`` levels.
enum HTMLPageReader {
    /// What the page gave.
    struct Page: Sendable {
        var blocks: [PageBlock]
        /// Indices of the `<h1>` blocks.
        var topHeadings: [Int]
        /// `og:title` or `twitter:title`.
        var metaTitle: String?
        /// The `<title>`.
        var documentTitle: String?
        var diagnostics: [Diagnostic]
    }

    private static let options = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)

    /// Elements deeper than this add no structure of their own: their text
    /// still counts, as part of the block they sit in.
    static let maxStructureDepth = 200

    static func read(_ bytes: [UInt8], file: String?) throws(CaptionError) -> Page {
        _ = htmlParserReady
        let start = SourceLocation(file: file, line: 1)
        let (input, encoding) = prepare(bytes)
        guard input.count < Int(Int32.max) else {
            throw CaptionError(.invalidInput, "the page is larger than 2 GB", at: start)
        }
        guard let context = htmlNewParserCtxt() else {
            throw CaptionError(.invalidInput, "libxml2 could not create an HTML parser", at: start)
        }
        defer { htmlFreeParserCtxt(context) }
        let document: htmlDocPtr? = input.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                htmlCtxtReadMemory(context, $0.baseAddress, Int32($0.count), file ?? "page.html", encoding, options)
            }
        }
        guard let document else {
            throw CaptionError(.invalidInput, "the page could not be parsed as HTML", at: start)
        }
        defer { xmlFreeDoc(document) }

        var walker = HTMLTreeWalker(file: file)
        walker.walk(document)
        var page = Page(blocks: walker.blocks, topHeadings: walker.topHeadings, metaTitle: walker.metaTitle,
                        documentTitle: walker.documentTitle, diagnostics: [])
        // libxml2 halts (and disables its callbacks) on a fatal error such as
        // nesting past its depth limit; what came before was kept, the rest is lost.
        if context.pointee.disableSAX != 0 {
            var location = start
            var reason = "the parser stopped"
            if let error = xmlCtxtGetLastError(UnsafeMutableRawPointer(context)) {
                location.line = max(1, Int(error.pointee.line))
                if let message = error.pointee.message {
                    reason = String(cString: message).trimmingSpaces()
                }
            }
            page.diagnostics.append(Diagnostic(
                .warning, code: "page-truncated", "the page could not be read to its end (\(reason)); the rest is left out",
                at: location))
        }
        return page
    }

    /// Chooses what libxml2 decodes: a page that declares its charset (a
    /// `<meta>` or an XML declaration) is passed as is with no encoding, so
    /// the declaration decides; otherwise libxml2 would assume Latin-1, so the
    /// bytes are decoded here (BOM, UTF-8, else Windows-1252) and passed as UTF-8.
    static func prepare(_ bytes: [UInt8]) -> (bytes: [UInt8], encoding: String?) {
        let decoded = TextEncoding.decode(bytes)
        if !decoded.hadByteOrderMark, declaresCharset(bytes) { return (bytes, nil) }
        return (decoded.utf8, "UTF-8")
    }

    /// `true` when the first 4 KB hold a `<meta … charset…>` or `<?xml … encoding=…?>`.
    static func declaresCharset(_ bytes: [UInt8]) -> Bool {
        let head = Array(bytes.prefix(4096).map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 })
        var i = 0
        while let tag = head.firstRange(of: Array("<".utf8), in: i..<head.count) {
            let nameStart = tag.upperBound
            let end = head.firstRange(of: Array(">".utf8), in: nameStart..<head.count)?.lowerBound ?? head.count
            let inside = head[nameStart..<end]
            if inside.starts(with: "meta".utf8), inside.firstRange(of: Array("charset".utf8)) != nil { return true }
            if inside.starts(with: "?xml".utf8), inside.firstRange(of: Array("encoding".utf8)) != nil { return true }
            i = max(end, nameStart)
        }
        return false
    }
}

extension Array where Element == UInt8 {
    /// The first occurrence of `needle` inside `range`.
    fileprivate func firstRange(of needle: [UInt8], in range: Range<Int>) -> Range<Int>? {
        guard !needle.isEmpty, range.count >= needle.count else { return nil }
        for i in range.lowerBound...(range.upperBound - needle.count) where self[i] == needle[0] {
            if self[i..<i + needle.count].elementsEqual(needle) { return i..<i + needle.count }
        }
        return nil
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        ArticleText.normalize(self)
    }
}
