/// Finds the story body among a page's blocks by structure and text density,
/// not by any one site's wording.
///
/// Each block gets a score: prose (a sentence with enough words and few links)
/// scores by its length, and more inside `<article>`/`<main>`; labels, menu
/// entries, link lists, cut-off teasers and social posts score below zero.
/// The body is the contiguous run of blocks with the highest total (the
/// maximum-sum run), so short furniture between paragraphs (a player notice,
/// a "more on this" label) is bridged while a related-links block after the
/// story is not. Inside the run only the prose blocks are kept.
enum BodySelector {
    /// The chosen body.
    struct Selection: Sendable, Hashable {
        /// Indices of the body blocks, in page order.
        var body: [Int]
        /// Index of the block the winning run starts at, or `nil` when there is no body.
        var runStart: Int?
    }

    static func select(_ blocks: [PageBlock]) -> Selection {
        let shapes = blocks.map { BlockShape($0.text) }
        var sequence = blocks.indices.filter { i in
            blocks[i].hints.isDisjoint(with: [.furniture, .media, .header])
        }
        // A page that marks its body (`itemprop=articleBody`) has said where the story is.
        let marked = sequence.filter { blocks[$0].hints.contains(.articleBody) && shapes[$0].isProse }
        if !marked.isEmpty {
            sequence = sequence.filter { blocks[$0].hints.contains(.articleBody) }
        }
        // Markup hints can be wrong (a content wrapper called "with-sidebar"); if
        // they leave no prose at all, judge every block on its text alone.
        if !sequence.contains(where: { shapes[$0].isProse }) {
            sequence = Array(blocks.indices)
        }

        var best = (sum: 0.0, start: -1, end: -1)
        var running = 0.0
        var runStart = 0
        for (position, index) in sequence.enumerated() {
            let score = self.score(blocks[index], shapes[index])
            if running <= 0 {
                running = score
                runStart = position
            } else {
                running += score
            }
            if running > best.sum { best = (running, runStart, position) }
        }
        guard best.start >= 0 else { return Selection(body: [], runStart: nil) }
        let run = sequence[best.start...best.end]
        let body = withinOneArticle(run.filter { isBodyText(blocks[$0], shapes[$0]) }, blocks, shapes)
        return Selection(body: body, runStart: run.first)
    }

    /// A story is one `<article>`: when the run takes in several (teaser cards
    /// after the story), keep the one with the most words, and drop text outside
    /// any article that comes before or after it.
    private static func withinOneArticle(_ body: [Int], _ blocks: [PageBlock], _ shapes: [BlockShape]) -> [Int] {
        var words: [Int: Int] = [:]
        for index in body {
            if let article = blocks[index].articleElement { words[article, default: 0] += shapes[index].words }
        }
        guard words.count > 1, let main = words.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else { return body }
        let inMain = body.filter { blocks[$0].articleElement == main }
        guard let first = inMain.first, let last = inMain.last else { return body }
        return body.filter { index in
            let article = blocks[index].articleElement
            return article == main || (article == nil && index > first && index < last)
        }
    }

    /// The headline of a page without markup: the nearest line before the body
    /// that reads like a title (several words, not a sentence ending in `.`).
    static func headline(in blocks: [PageBlock], before runStart: Int?) -> Int? {
        guard let runStart else { return nil }
        let window = max(0, runStart - 8)..<runStart
        var fallback: Int?
        for index in window.reversed() {
            let text = blocks[index].text
            let shape = BlockShape(text)
            guard !shape.isTruncated, !shape.isSocialPost, blocks[index].linkDensity <= 0.5,
                  !text.hasSuffix("."), shape.words <= 40 else { continue }
            if shape.words >= 5 { return index }
            if shape.words >= 3, fallback == nil { fallback = index }
        }
        return fallback
    }

    static func score(_ block: PageBlock, _ shape: BlockShape) -> Double {
        if shape.isTruncated || shape.isSocialPost { return -15 }
        let density = block.linkDensity
        let words = Double(shape.words)
        if density > 0.5 { return -(5 + min(words, 40) / 4) }
        if case .heading = block.kind { return -(4 + min(words, 40) / 2) }
        guard shape.isProse else { return -(4 + min(words, 40) / 2) }
        var score = (min(words, 80) - 3) * (1 - density)
        if block.hints.contains(.story) { score *= 1.5 }
        return score
    }

    private static func isBodyText(_ block: PageBlock, _ shape: BlockShape) -> Bool {
        if case .heading = block.kind { return false }
        return shape.isProse && block.linkDensity <= 0.5 && shape.words >= 2
    }
}
