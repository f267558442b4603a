internal import CLibXML2

/// Walks a parsed HTML tree in document order and collects its text into
/// blocks, one per paragraph-like element, each carrying what its ancestors
/// say (navigation, player, `<article>`…) and how much of it is link text.
///
/// The walk is a loop over `children`/`next`/`parent` links, so a page nested
/// 100,000 levels deep costs no stack; the ancestor context is a stack kept
/// for at most ``HTMLPageReader/maxStructureDepth`` levels.
struct HTMLTreeWalker {
    private struct Frame {
        var hints: PageBlock.Hints
        /// The innermost block element's kind, for text flushed at this level.
        var kind: PageBlock.Kind
        var inLink: Bool
        var isBlock: Bool
        var articleElement: Int?
        /// Text to add when the element closes (the closing mark of a `<q>`).
        var closing: String?
    }

    let file: String?
    private(set) var blocks: [PageBlock] = []
    private(set) var topHeadings: [Int] = []
    private(set) var metaTitle: String?
    private(set) var documentTitle: String?

    private var frames: [Frame] = []
    private var buffer: [UInt8] = []
    private var linkBytes = 0
    private var bufferLine: Int?
    /// A `<br>` with no text after it yet: a second one ends the paragraph.
    private var pendingBreak = false
    /// `<article>` elements met so far.
    private var articleElements = 0

    init(file: String?) {
        self.file = file
    }

    mutating func walk(_ document: htmlDocPtr) {
        var current = document.pointee.children
        var depth = 0
        while let node = current {
            var descend = false
            switch node.pointee.type {
            case XML_ELEMENT_NODE:
                descend = enter(node, depth: depth)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                appendText(node)
            default:
                break  // comments, DTDs, processing instructions; entity references are never expanded
            }
            if descend, let child = node.pointee.children {
                depth += 1
                current = child
                continue
            }
            if descend { exit(node, depth: depth) }
            // Next sibling, or climb until an ancestor has one.
            var climbing = node
            current = nil
            while true {
                if let next = climbing.pointee.next {
                    current = next
                    break
                }
                guard depth > 0, let parent = climbing.pointee.parent else { break }
                depth -= 1
                exit(parent, depth: depth)
                climbing = parent
            }
        }
        flush()
    }

    // MARK: Elements

    /// Handles an element's start; returns whether to walk its children.
    private mutating func enter(_ node: xmlNodePtr, depth: Int) -> Bool {
        let name = elementName(node)
        if HTMLVocabulary.skipped.contains(name) { return false }
        switch name {
        case "title":
            if documentTitle == nil { documentTitle = nonEmpty(ArticleText.normalize(childText(node))) }
            return false
        case "meta":
            readMeta(node)
            return false
        case "br":
            if pendingBreak { flush() } else { buffer.append(0x0A) }
            pendingBreak = true
            return false
        case "img", "hr", "wbr", "input", "link", "base":
            return false
        default:
            break
        }
        let attributes = HTMLAttributes(node)
        if attributes.isHidden { return false }

        let parent = frames.last ?? Frame(hints: [], kind: .other, inLink: false, isBlock: true, articleElement: nil, closing: nil)
        guard depth <= HTMLPageReader.maxStructureDepth else {
            return true  // deep enough: treat as inline, keep no frame
        }
        let isBlock = HTMLVocabulary.isBlock(name)
        if isBlock { flush() }
        var frame = parent
        frame.isBlock = isBlock
        frame.closing = nil
        frame.hints.formUnion(HTMLVocabulary.hints(element: name, attributes: attributes, inside: parent.hints))
        if isBlock, let kind = HTMLVocabulary.kind(name) { frame.kind = kind }
        if name == "a", attributes.has("href") { frame.inLink = true }
        if name == "article" {
            frame.articleElement = articleElements
            articleElements += 1
        }
        if name == "q" {
            // Inline quotations are drawn with quote marks by browsers; add them so the quote finder sees them.
            buffer.append(contentsOf: "\u{201C}".utf8)
            frame.closing = "\u{201D}"
        }
        frames.append(frame)
        return true
    }

    private mutating func exit(_ node: xmlNodePtr, depth: Int) {
        guard node.pointee.type == XML_ELEMENT_NODE, depth <= HTMLPageReader.maxStructureDepth,
              let frame = frames.last else { return }
        if let closing = frame.closing { buffer.append(contentsOf: closing.utf8) }
        if frame.isBlock {
            let isTopHeading = frame.kind == .heading(level: 1)
            flush()
            if isTopHeading, let last = blocks.indices.last, blocks[last].kind == .heading(level: 1),
               topHeadings.last != last {
                topHeadings.append(last)
            }
        }
        frames.removeLast()
    }

    private mutating func readMeta(_ node: xmlNodePtr) {
        let attributes = HTMLAttributes(node)
        let key = (attributes.value("property") ?? attributes.value("name") ?? "").lowercased()
        guard key == "og:title" || key == "twitter:title", metaTitle == nil,
              let content = attributes.value("content") else { return }
        metaTitle = nonEmpty(ArticleText.normalize(content))
    }

    // MARK: Text

    private mutating func appendText(_ node: xmlNodePtr) {
        guard let content = node.pointee.content else { return }
        let length = Int(xmlStrlen(content))
        guard length > 0 else { return }
        let text = UnsafeBufferPointer(start: content, count: length)
        let visible = text.reduce(0) { $0 + ($1 <= 0x20 ? 0 : 1) }
        if visible > 0 {
            pendingBreak = false
            if bufferLine == nil { bufferLine = lineNumber(node) }
        }
        buffer.append(contentsOf: text)
        if frames.last?.inLink == true { linkBytes += visible }
    }

    private mutating func flush() {
        defer {
            buffer.removeAll(keepingCapacity: true)
            linkBytes = 0
            bufferLine = nil
        }
        let text = ArticleText.normalize(buffer, 0..<buffer.count, decodingReferences: false)
        guard !text.isEmpty else { return }
        let frame = frames.last
        blocks.append(PageBlock(
            text: String(decoding: text, as: UTF8.self), kind: frame?.kind ?? .other, hints: frame?.hints ?? [],
            articleElement: frame?.articleElement, linkBytes: linkBytes,
            location: SourceLocation(file: file, line: bufferLine ?? 1)))
    }

    // MARK: libxml2 access

    private func elementName(_ node: xmlNodePtr) -> String {
        guard let name = node.pointee.name else { return "" }
        return String(cString: name).lowercased()
    }

    /// The text of an element's direct text children (enough for `<title>`).
    private func childText(_ node: xmlNodePtr) -> String {
        textOfNodes(from: node.pointee.children)
    }

    private func lineNumber(_ node: xmlNodePtr) -> Int {
        let line = Int(xmlGetLineNo(node))
        if line > 0 { return line }
        if let parent = node.pointee.parent, case let parentLine = Int(xmlGetLineNo(parent)), parentLine > 0 { return parentLine }
        return 1
    }

    private func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }
}

/// The attributes of one element, read from libxml2's attribute list without
/// `xmlGetProp` (which would go through entity-expanding helpers).
struct HTMLAttributes {
    private var values: [String: String] = [:]

    init(_ node: xmlNodePtr) {
        var attribute = node.pointee.properties
        while let current = attribute {
            if let name = current.pointee.name {
                values[String(cString: name).lowercased()] = textOfNodes(from: current.pointee.children)
            }
            attribute = current.pointee.next
        }
    }

    func value(_ name: String) -> String? { values[name] }
    func has(_ name: String) -> Bool { values[name] != nil }

    /// `hidden`, or an inline style that hides the element.
    var isHidden: Bool {
        if has("hidden") { return true }
        guard let style = values["style"]?.lowercased().filter({ $0 != " " }) else { return false }
        return style.contains("display:none") || style.contains("visibility:hidden")
    }
}

/// The text of `first` and its following siblings that are text nodes. Only
/// text nodes are read: entity references are never expanded.
private func textOfNodes(from first: xmlNodePtr?) -> String {
    var bytes: [UInt8] = []
    var node = first
    while let current = node {
        if current.pointee.type == XML_TEXT_NODE, let content = current.pointee.content {
            bytes.append(contentsOf: UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
        }
        node = current.pointee.next
    }
    return String(decoding: bytes, as: UTF8.self)
}
