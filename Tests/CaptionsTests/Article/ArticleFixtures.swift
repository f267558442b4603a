import Foundation
@testable import Captions

/// The article fixtures in Fixtures/article, and articles built from text for quote tests.
enum ArticleFixtures {
    static func bytes(_ name: String) throws -> [UInt8] {
        let url = Bundle.module.bundleURL.appendingPathComponent("Fixtures/article/\(name)")
        return Array(try Data(contentsOf: url))
    }

    static func article(_ name: String) throws -> Article {
        try ArticleReader().read(try bytes(name), file: name)
    }

    /// An article whose paragraphs are `paragraphs`, as the reader would give them.
    static func story(headline: String? = nil, _ paragraphs: String...) -> Article {
        Article(headline: headline, paragraphs: paragraphs.map { Article.Paragraph(text: $0) })
    }

    static func quotations(headline: String? = nil, _ paragraphs: String...) -> [Quotation] {
        let article = Article(headline: headline, paragraphs: paragraphs.map { Article.Paragraph(text: $0) })
        return QuoteExtractor().quotations(in: article)
    }
}
