/// Writes XML as UTF-8 bytes: start and end tags, attributes and text,
/// escaped so any string reads back unchanged.
///
/// Indentation is only added where the caller asks for a line break, so
/// mixed content (text with inline elements) is written exactly, with no
/// whitespace a reader would take for content.
struct XMLOutput {
    /// The document so far.
    private(set) var bytes: [UInt8] = []

    /// Starts a document, with an XML declaration unless `declaration` is
    /// false (for a fragment to be joined to another output).
    init(declaration: Bool = true) {
        if declaration { append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") }
    }

    /// Appends a start tag (`selfClosing`: an empty-element tag).
    ///
    /// - Parameters:
    ///   - name: the qualified name (`tt`, `tts:color` is an attribute, `ttm:agent` an element).
    ///   - attributes: names and values, in order; values are escaped.
    ///   - selfClosing: write `<name/>`.
    mutating func start(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], selfClosing: Bool = false) {
        start(name, attributes: Array(attributes), selfClosing: selfClosing)
    }

    /// ``start(_:_:selfClosing:)`` with the attributes as an array.
    mutating func start(_ name: String, attributes: [(key: String, value: String)], selfClosing: Bool = false) {
        bytes.append(UInt8(ascii: "<"))
        append(name)
        for (key, value) in attributes {
            bytes.append(0x20)
            append(key)
            append("=\"")
            appendEscaped(value, inAttribute: true)
            bytes.append(UInt8(ascii: "\""))
        }
        append(selfClosing ? "/>" : ">")
    }

    /// Appends an end tag.
    mutating func end(_ name: String) {
        append("</")
        append(name)
        bytes.append(UInt8(ascii: ">"))
    }

    /// Appends character data, escaping `&`, `<` and `>`.
    mutating func text(_ value: String) {
        appendEscaped(value, inAttribute: false)
    }

    /// Appends a line break and `depth` levels of two-space indentation.
    mutating func newline(indent depth: Int) {
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: 2 * depth))
    }

    private mutating func append(_ raw: String) {
        bytes.append(contentsOf: raw.utf8)
    }

    /// Escapes markup characters; in attributes also quotes and the
    /// whitespace characters an XML parser would normalise to spaces.
    private mutating func appendEscaped(_ value: String, inAttribute: Bool) {
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "&"): append("&amp;")
            case UInt8(ascii: "<"): append("&lt;")
            case UInt8(ascii: ">"): append("&gt;")
            case UInt8(ascii: "\"") where inAttribute: append("&quot;")
            case 0x09 where inAttribute: append("&#9;")
            case 0x0A where inAttribute: append("&#10;")
            case 0x0D: append("&#13;")
            case 0x00..<0x20 where byte != 0x09 && byte != 0x0A:
                // Not allowed in XML 1.0 at all, even as a reference.
                append("\u{FFFD}")
            default: bytes.append(byte)
            }
        }
    }
}
