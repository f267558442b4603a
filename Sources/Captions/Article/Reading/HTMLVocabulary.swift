/// What HTML elements and their `class`, `id`, `role` and `itemprop`
/// attributes say about the text inside them.
///
/// The class words are the generic names page templates give their parts
/// (`nav`, `share`, `related`, `cookie`, `player`…), matched as whole words or
/// word prefixes of the attribute (`site-header__nav`, `sharebar`), never any
/// one site's wording. As in Readability, a furniture word loses to a strong
/// story word on the same element (`content-with-sidebar` is not furniture).
enum HTMLVocabulary {
    /// Elements whose content is never story text.
    static let skipped: Set<String> = [
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
        "select", "option", "button", "textarea", "audio", "video", "picture", "source", "track", "map",
    ]

    private static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
        "td", "tfoot", "th", "thead", "tr", "ul", "caption", "legend",
    ]

    /// Block elements start a new block; inline ones add to the current one.
    /// Custom elements (`<story-body>`, with a hyphen) are page components, so blocks.
    static func isBlock(_ name: String) -> Bool {
        blockElements.contains(name) || name.contains("-")
    }

    static func kind(_ name: String) -> PageBlock.Kind? {
        switch name {
        case "p", "blockquote": .paragraph
        case "h1": .heading(level: 1)
        case "h2": .heading(level: 2)
        case "h3": .heading(level: 3)
        case "h4": .heading(level: 4)
        case "h5": .heading(level: 5)
        case "h6": .heading(level: 6)
        case "li", "dd", "dt": .listItem
        default: .other
        }
    }

    private static let furnitureWords: [String] = [
        "nav", "menu", "masthead", "footer", "sidebar", "aside", "share", "sharing", "social", "related", "recommend",
        "promo", "advert", "ad", "ads", "sponsor", "banner", "cookie", "consent", "gdpr", "newsletter", "subscri",
        "signup", "comment", "breadcrumb", "widget", "teaser", "trending", "popular", "mostread", "most-read",
        "outbrain", "taboola", "tags", "tweet", "twitter", "follow", "byline", "author", "dateline", "toolbar",
        "login", "search", "modal", "popup", "paywall", "more", "pull", "pullquote", "topbar", "card",
    ]
    private static let mediaWords: [String] = [
        "video", "player", "media", "embed", "gallery", "carousel", "slideshow", "figure", "caption", "photo", "image",
    ]
    private static let storyWords: Set<String> = [
        "article", "story", "body", "content", "entry", "main", "post", "text", "prose", "commentary", "maincontent",
        "articlebody", "storybody",
    ]
    /// Story words strong enough to clear a furniture word on the same element.
    private static let overridingWords: Set<String> = ["article", "story", "body", "content", "main", "articlebody", "storybody"]
    /// Words that start like a furniture word but name something else.
    private static let falseFriends: Set<String> = ["commentary", "shared", "searchable", "moreover", "cardinal"]

    /// The hints an element adds for the text inside it.
    static func hints(element name: String, attributes: HTMLAttributes, inside parent: PageBlock.Hints) -> PageBlock.Hints {
        var hints: PageBlock.Hints = []
        switch name {
        case "nav", "footer", "aside", "form", "menu", "dialog": hints.insert(.furniture)
        case "header": hints.insert(.header)
        case "figure", "figcaption": hints.insert(.media)
        case "article", "main": hints.insert(.story)
        default: break
        }
        switch attributes.value("role")?.lowercased() {
        case "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar":
            hints.insert(.furniture)
        case "main", "article":
            hints.insert(.story)
        default: break
        }
        if let itemprop = attributes.value("itemprop")?.lowercased(), itemprop.contains("articlebody") {
            hints.formUnion([.articleBody, .story])
        }
        let words = classWords(attributes)
        if words.contains(where: storyWords.contains) { hints.insert(.story) }
        let cleared = words.contains(where: overridingWords.contains)
        if !cleared, words.contains(where: { word in matches(word, furnitureWords) }) { hints.insert(.furniture) }
        if !cleared, words.contains(where: { word in matches(word, mediaWords) }) { hints.insert(.media) }
        return hints
    }

    /// The words of `class` and `id`, split at anything that is not a letter or digit.
    private static func classWords(_ attributes: HTMLAttributes) -> [String] {
        let value = [attributes.value("class"), attributes.value("id")].compactMap { $0 }.joined(separator: " ")
        guard !value.isEmpty else { return [] }
        return value.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// A class word names a part when it is one of `parts` or starts with one
    /// (`sharebar`, `navigation`); two-letter parts (`ad`) must match whole.
    private static func matches(_ word: String, _ parts: [String]) -> Bool {
        parts.contains { part in word == part || (part.count > 2 && word.hasPrefix(part) && !falseFriends.contains(word)) }
    }
}
