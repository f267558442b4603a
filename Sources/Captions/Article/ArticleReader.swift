/// Reads a news article from the page that embeds the video: an HTML page,
/// or the page's visible text saved as a plain text file.
///
/// The reader keeps the headline and the story's paragraphs in order and
/// leaves out site furniture (navigation, share and follow widgets, player
/// notices, related-story teasers, tweets, footers, scripts and styles). It
/// decides by structure and text density (see ``Article`` for the result):
/// link density, whether text reads as sentences, paragraph length,
/// `<article>`/`<main>`/`itemprop=articleBody` hints and the contiguous run
/// of dense paragraphs that makes up a story.
///
/// ```swift
/// let article = try ArticleReader().read(pageBytes, file: "story.html")
/// let quotes = QuoteExtractor().quotations(in: article)
/// ```
public struct ArticleReader: Sendable {
    /// Creates a reader.
    public init() {}

    /// Reads an article, deciding from the content whether it is HTML or text.
    ///
    /// Content counts as HTML when its first non-space character opens a tag
    /// (`<!DOCTYPE html>`, `<html>`, `<div>`…) or its start holds an `<html`,
    /// `<body` or `<p>` tag; anything else is read as text.
    ///
    /// - Parameters:
    ///   - bytes: the file's bytes, in any encoding the page declares (HTML) or
    ///     UTF-8/UTF-16/UTF-32 with a BOM, else UTF-8, else Windows-1252 (text).
    ///   - file: the file's name, for locations in errors and diagnostics.
    /// - Returns: the article.
    /// - Throws: ``CaptionError`` (`invalidInput`) when no story text is found.
    public func read(_ bytes: [UInt8], file: String? = nil) throws(CaptionError) -> Article {
        Self.looksLikeHTML(bytes) ? try readHTML(bytes, file: file) : try readText(bytes, file: file)
    }

    /// Reads an HTML page with libxml2's HTML parser (never loading anything
    /// external; entity references are not expanded).
    ///
    /// The headline is the page's `<h1>` (the one matching `og:title` or
    /// `<title>` when there are several), else `og:title`, else `<title>`
    /// without its site name.
    ///
    /// - Parameters:
    ///   - bytes: the page. A `<meta charset>` decides its encoding; without one
    ///     it is read as UTF-8 (Windows-1252 when it is not valid UTF-8).
    ///   - file: the file's name, for locations.
    /// - Returns: the article; ``Article/diagnostics`` warns when the page could
    ///   not be read to its end (nesting past libxml2's depth limit).
    /// - Throws: ``CaptionError`` (`invalidInput`) when the page has no story text.
    public func readHTML(_ bytes: [UInt8], file: String? = nil) throws(CaptionError) -> Article {
        let page = try HTMLPageReader.read(bytes, file: file)
        let selection = BodySelector.select(page.blocks)
        let body = selection.body.map { Article.Paragraph(text: page.blocks[$0].text, location: page.blocks[$0].location) }
        guard !body.isEmpty else {
            throw CaptionError(.invalidInput, "no story text found in the page", at: SourceLocation(file: file, line: 1))
        }
        let headline = HeadlineChooser.choose(page: page, bodyStart: selection.runStart)
        return Article(headline: headline, paragraphs: body, diagnostics: page.diagnostics)
    }

    /// Reads a page saved as plain text: blocks are separated by blank lines,
    /// and the headline is the title-like line just before the story.
    ///
    /// - Parameters:
    ///   - bytes: the text, decoded by BOM, else as UTF-8, else as Windows-1252;
    ///     HTML character references ending in `;` (`&nbsp;`, `&amp;`) are decoded.
    ///   - file: the file's name, for locations.
    /// - Returns: the article, each paragraph located at its first line and column.
    /// - Throws: ``CaptionError`` (`invalidInput`) when the text has no story paragraphs.
    public func readText(_ bytes: [UInt8], file: String? = nil) throws(CaptionError) -> Article {
        let blocks = TextPageReader.blocks(TextEncoding.decode(bytes).utf8, file: file)
        let selection = BodySelector.select(blocks)
        let body = selection.body.map { Article.Paragraph(text: blocks[$0].text, location: blocks[$0].location) }
        guard !body.isEmpty else {
            throw CaptionError(.invalidInput, "no story text found in the file", at: SourceLocation(file: file, line: 1))
        }
        let headline = BodySelector.headline(in: blocks, before: selection.runStart).map { blocks[$0].text }
        return Article(headline: headline, paragraphs: body)
    }

    /// `true` when `bytes` look like markup rather than text.
    static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        let head = TextEncoding.decode(Array(bytes.prefix(4096))).utf8
        var i = 0
        while i < head.count, head[i] == 0x20 || (0x09...0x0D).contains(head[i]) { i += 1 }
        if i + 1 < head.count, head[i] == UInt8(ascii: "<") {
            let next = head[i + 1] | 0x20
            if (0x61...0x7A).contains(next) || head[i + 1] == UInt8(ascii: "!") || head[i + 1] == UInt8(ascii: "?") { return true }
        }
        let lowered = String(decoding: head.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
        return lowered.contains("<html") || lowered.contains("<body") || lowered.contains("<p>")
    }
}

extension Article {
    /// Reads an article from an HTML page; see ``ArticleReader/readHTML(_:file:)``.
    ///
    /// - Parameters:
    ///   - bytes: the page.
    ///   - file: the file's name, for locations.
    /// - Throws: ``CaptionError`` when the page has no story text.
    public init(parsingHTML bytes: [UInt8], file: String? = nil) throws(CaptionError) {
        self = try ArticleReader().readHTML(bytes, file: file)
    }

    /// Reads an article from a page saved as text; see ``ArticleReader/readText(_:file:)``.
    ///
    /// - Parameters:
    ///   - bytes: the text.
    ///   - file: the file's name, for locations.
    /// - Throws: ``CaptionError`` when the text has no story paragraphs.
    public init(parsingText bytes: [UInt8], file: String? = nil) throws(CaptionError) {
        self = try ArticleReader().readText(bytes, file: file)
    }
}
