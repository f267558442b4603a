import Foundation
import Testing
@testable import Captions

@Suite("Article reader on hostile pages")
struct HostileHTMLTests {
    private let story = """
    <article><p>The council confirmed on Friday that the old swimming baths will reopen next spring after repairs.</p>
    <p>Work on the roof and the boilers is expected to cost about four million pounds over two years.</p></article>
    """

    @Test(.timeLimit(.minutes(1)))
    func survivesOneHundredThousandNestedDivs() throws {
        let depth = 100_000
        let page = "<html><body>" + story + String(repeating: "<div>", count: depth) + "<p>Buried text that nobody should wait for.</p>"
            + String(repeating: "</div>", count: depth) + "</body></html>"
        let article = try ArticleReader().read(Array(page.utf8), file: "deep.html")
        #expect(article.paragraphs.map(\.text) == [
            "The council confirmed on Friday that the old swimming baths will reopen next spring after repairs.",
            "Work on the roof and the boilers is expected to cost about four million pounds over two years.",
        ])
        // libxml2 stops at its nesting limit; the reader says the rest was not read.
        let warning = try #require(article.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.code == "page-truncated")
        #expect(warning.location.file == "deep.html")
    }

    @Test(.timeLimit(.minutes(1)))
    func survivesDeeplyNestedInlineMarkup() throws {
        let depth = 100_000
        let page = story + "<p>" + String(repeating: "<b><i>", count: depth) + "Deep words in a sentence that goes on for a while."
            + String(repeating: "</i></b>", count: depth) + "</p>"
        let article = try ArticleReader().read(Array(page.utf8))
        #expect(article.paragraphs.count == 2)
        #expect(article.diagnostics.map(\.code) == ["page-truncated"])
    }

    @Test func neverLoadsExternalEntitiesOrResources() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("captions-secret-\(UInt32.random(in: 0...UInt32.max)).txt")
        try Data("TOP-SECRET-MARKER".utf8).write(to: secret)
        defer { try? FileManager.default.removeItem(at: secret) }
        let page = """
        <!DOCTYPE html [
          <!ENTITY xxe SYSTEM "\(secret.absoluteString)">
          <!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote;
        ]>
        <html><head>
        <link rel="stylesheet" href="\(secret.absoluteString)">
        <title>&xxe;</title>
        </head><body>
        <article>
        <p>The harbour master said the new pontoon &xxe; would be finished before the summer season begins.</p>
        <p>Boat owners have been asked to move their moorings by the end of the month while the work goes on.</p>
        <img src="\(secret.absoluteString)"><iframe src="\(secret.absoluteString)"></iframe>
        <object data="\(secret.absoluteString)"></object>
        </article>
        </body></html>
        """
        let article = try ArticleReader().read(Array(page.utf8), file: "xxe.html")
        let everything = ([article.headline ?? ""] + article.paragraphs.map(\.text)).joined(separator: "\n")
        #expect(!everything.contains("TOP-SECRET-MARKER"))
        #expect(article.paragraphs.contains { $0.text.hasPrefix("The harbour master said the new pontoon") })
    }

    @Test func ignoresBinaryGarbageWithoutCrashing() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let bytes = (0..<2048).map { _ in UInt8.random(in: 0...255, using: &generator) }
            // Either a clear error or an article: never a crash.
            _ = try? ArticleReader().read([UInt8]("<html><body><p>".utf8) + bytes)
            _ = try? ArticleReader().read(bytes)
        }
    }
}
