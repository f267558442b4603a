/// Picks an HTML page's headline: an `<h1>` outside navigation (a logo in an
/// `<h1>` is a link), preferring one that agrees with `og:title` or
/// `<title>`, then the last one before the story; failing that `og:title`;
/// failing that the `<title>` without the site name beside it.
enum HeadlineChooser {
    static func choose(page: HTMLPageReader.Page, bodyStart: Int?) -> String? {
        let headings = page.topHeadings.filter { index in
            let block = page.blocks[index]
            return block.hints.isDisjoint(with: [.furniture, .media]) && block.linkDensity <= 0.5
                && BlockShape(block.text).words >= 2
        }
        // The site's name is no headline: compare with the title's longest part only,
        // so a logo in an `<h1>` does not agree with `Story | Site Name`.
        let titles = [page.metaTitle, page.documentTitle.map(withoutSiteName)].compactMap { $0 }.map(folded)
        if let agreeing = headings.first(where: { index in
            let heading = folded(page.blocks[index].text)
            return titles.contains { $0.contains(heading) || heading.contains($0) }
        }) {
            return page.blocks[agreeing].text
        }
        if let bodyStart, let before = headings.last(where: { $0 < bodyStart }) { return page.blocks[before].text }
        if let first = headings.first { return page.blocks[first].text }
        if let meta = page.metaTitle { return meta }
        return page.documentTitle.map(withoutSiteName)
    }

    /// Case-folded, so `<title>` in title case still agrees with the `<h1>`.
    private static func folded(_ text: String) -> String { text.lowercased() }

    /// `Story headline | Site` → `Story headline`: the longest of the parts
    /// a title separator (`|`, `-`, `–`, `—`, `::`) divides it into.
    static func withoutSiteName(_ title: String) -> String {
        var parts = [title]
        for separator in [" | ", " - ", " \u{2013} ", " \u{2014} ", " :: ", " \u{00B7} "] {
            parts = parts.flatMap { $0.split(separator: separator).map(String.init) }
        }
        return parts.max { $0.utf8.count < $1.utf8.count } ?? title
    }
}
