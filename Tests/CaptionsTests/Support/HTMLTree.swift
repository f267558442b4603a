import CLibXML2

/// A parsed HTML page as plain values, so tests can check the structure of
/// the HTML the library writes (headings, labels, attributes) as a browser
/// would see it, not as text.
///
/// Parsed with libxml2's HTML parser, which builds the tree a browser would
/// (unclosed `<p>`, void elements) and never touches the network.
indirect enum HTMLNode {
    case element(name: String, attributes: [String: String], children: [HTMLNode])
    case text(String)

    /// Parses a page; `nil` when libxml2 cannot make a tree of it at all.
    static func parse(_ html: String) -> HTMLNode? {
        let bytes = Array(html.utf8)
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOBLANKS.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { htmlReadMemory($0.baseAddress, Int32($0.count), "page.html", "UTF-8", options) }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return nil }
        return node(root)
    }

    private static func node(_ pointer: xmlNodePtr) -> HTMLNode {
        if pointer.pointee.type != XML_ELEMENT_NODE {
            return .text(pointer.pointee.content.map { String(cString: $0) } ?? "")
        }
        var attributes: [String: String] = [:]
        var property = pointer.pointee.properties
        while let current = property {
            let name = String(cString: current.pointee.name)
            attributes[name] = current.pointee.children?.pointee.content.map { String(cString: $0) } ?? ""
            property = current.pointee.next
        }
        var children: [HTMLNode] = []
        var child = pointer.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE || current.pointee.type == XML_TEXT_NODE {
                children.append(node(current))
            }
            child = current.pointee.next
        }
        return .element(name: String(cString: pointer.pointee.name), attributes: attributes, children: children)
    }

    /// The element's name, or `nil` for text.
    var name: String? {
        if case .element(let name, _, _) = self { return name }
        return nil
    }

    /// An attribute's value.
    subscript(attribute: String) -> String? {
        if case .element(_, let attributes, _) = self { return attributes[attribute] }
        return nil
    }

    /// The child nodes.
    var children: [HTMLNode] {
        if case .element(_, _, let children) = self { return children }
        return []
    }

    /// The child elements.
    var childElements: [HTMLNode] { children.filter { $0.name != nil } }

    /// All text inside, in document order.
    var text: String {
        switch self {
        case .text(let text): return text
        case .element(_, _, let children): return children.map(\.text).joined()
        }
    }

    /// Every element inside (this one included) with the name, in document order.
    func elements(named wanted: String) -> [HTMLNode] {
        var found: [HTMLNode] = name == wanted ? [self] : []
        for child in children { found += child.elements(named: wanted) }
        return found
    }

    /// Every element inside (this one included) that has the attribute.
    func elements(withAttribute attribute: String) -> [HTMLNode] {
        var found: [HTMLNode] = self[attribute] != nil ? [self] : []
        for child in children { found += child.elements(withAttribute: attribute) }
        return found
    }

    /// `true` when the element's `class` attribute lists the class.
    func hasClass(_ name: String) -> Bool {
        self["class"]?.split(separator: " ").contains { $0 == name } ?? false
    }
}
