/// One block of text on a page (a paragraph, heading, list item or a line of
/// a text file) with what its markup says about it. Both the HTML and the
/// text reader produce these; ``BodySelector`` decides which are the story.
struct PageBlock: Sendable, Hashable {
    /// What element the text sits in.
    enum Kind: Sendable, Hashable {
        case paragraph
        case heading(level: Int)
        case listItem
        /// Text in a container element (`div`, `td`, a text file's line).
        case other
    }

    /// What the block's ancestors say about it.
    struct Hints: OptionSet, Sendable, Hashable {
        let rawValue: UInt16
        /// Inside navigation, a footer, an aside, a form, a share bar, a cookie banner or a comments section.
        static let furniture = Hints(rawValue: 1 << 0)
        /// Inside a media player, figure or gallery (player notices, picture captions).
        static let media = Hints(rawValue: 1 << 1)
        /// Inside `<article>`, `<main>`, `role=main` or an element named as the story body.
        static let story = Hints(rawValue: 1 << 2)
        /// Inside `itemprop=articleBody`: the page says outright where the body is.
        static let articleBody = Hints(rawValue: 1 << 3)
        /// Inside a page or article `<header>`.
        static let header = Hints(rawValue: 1 << 4)
    }

    /// The normalised text.
    var text: String
    var kind: Kind
    var hints: Hints
    /// Which `<article>` element the block is in (innermost; numbered in page
    /// order), or `nil`. A page of teaser cards has many; the story is one.
    var articleElement: Int? = nil
    /// Visible (non-space) UTF-8 bytes of the text that sit inside links.
    var linkBytes: Int
    /// Where the block starts in the source.
    var location: SourceLocation

    /// The share of the visible text that is link text, 0...1.
    var linkDensity: Double {
        guard linkBytes > 0 else { return 0 }
        let visible = text.utf8.reduce(0) { $0 + ($1 == 0x20 ? 0 : 1) }
        return visible == 0 ? 0 : min(1, Double(linkBytes) / Double(visible))
    }
}
