import Captions
import Foundation
import Testing

/// Markup written to attack the reader rather than to caption a video:
/// entities and resources pointing at the network or at local files, huge
/// attributes and deep nesting. Nothing external is ever loaded and every
/// input gets a result or a clear error in bounded time.
@Suite("Hostile markup")
struct HostileMarkupTests {
    static let story = """
        <article><p>The harbour master said the new pontoon would be finished before the summer season begins in May.</p>
        <p>Boat owners have been asked to move their moorings by the end of the month while the work goes on.</p></article>
        """

    /// Runs a read, failing the test when it takes over a minute: a linear
    /// reader needs a few seconds here in a debug build on a busy machine,
    /// a quadratic one hours.
    static func reading<T>(_ body: () throws -> T) rethrows -> T {
        let clock = ContinuousClock()
        let start = clock.now
        defer { #expect(clock.now - start < .seconds(60)) }
        return try body()
    }

    // MARK: HTML articles

    @Test func anHTMLPageNeverFetchesEntitiesDTDsOrResourcesFromTheNetwork() throws {
        let trap = try TrapListener()
        let page = """
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "\(trap.url("page.dtd"))" [
              <!ENTITY remote SYSTEM "\(trap.url("entity.txt"))">
              <!ENTITY % parameter SYSTEM "\(trap.url("parameter.dtd"))"> %parameter;
            ]>
            <html><head><link rel="stylesheet" href="\(trap.url("style.css"))">
            <script src="\(trap.url("script.js"))"></script><base href="\(trap.url(""))"></head>
            <body>\(Self.story)<p>&remote;</p>
            <img src="\(trap.url("photo.jpg"))"><iframe src="\(trap.url("frame.html"))"></iframe>
            <xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="\(trap.url("include.xml"))"/>
            </body></html>
            """
        let article = try Self.reading { try ArticleReader().read(Array(page.utf8), file: "trap.html") }
        #expect(trap.connectionCount() == 0)
        #expect(article.paragraphs.first?.text.hasPrefix("The harbour master said") == true)
    }

    @Test func aHugeHTMLAttributeIsBounded() throws {
        let value = String(repeating: "a", count: 8_000_000)
        let page = "<!DOCTYPE html><html><body><div class=\"\(value)\" data-x=\"\(value)\">" + Self.story + "</div></body></html>"
        let article = try Self.reading { try ArticleReader().read(Array(page.utf8), file: "attribute.html") }
        #expect(article.paragraphs.count == 2)
    }

    @Test func anHTMLPageOfOneHugeTextNodeIsReadInBoundedTime() throws {
        let sentence = "The tide came in faster than the forecast said it would, and the quay flooded. "
        let page = "<!DOCTYPE html><html><body><article><p>" + String(repeating: sentence, count: 50_000) + "</p></article></body></html>"
        let article = try Self.reading { try ArticleReader().read(Array(page.utf8), file: "long.html") }
        #expect(article.paragraphs.count == 1)
        #expect(article.paragraphs.first?.text.utf8.count == sentence.utf8.count * 50_000 - 1)
    }

    @Test func anHTMLPageWithAHundredThousandEmptyElementsIsReadInBoundedTime() throws {
        let page = "<!DOCTYPE html><html><body>" + Self.story + String(repeating: "<span></span>", count: 100_000) + "</body></html>"
        let article = try Self.reading { try ArticleReader().read(Array(page.utf8), file: "many.html") }
        #expect(article.paragraphs.count == 2)
    }
}
