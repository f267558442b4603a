/// The XML namespaces a TTML reader tells apart.
///
/// TTML1 and TTML2 share `http://www.w3.org/ns/ttml` and its `#styling`,
/// `#parameter` and `#metadata` companions. Documents written against the 2006
/// DFXP drafts use `http://www.w3.org/2006/10/ttaf1` (or `2006/04`) and
/// `#style`/`#styling`, `#parameter`, `#metadata` after it; they are read the
/// same way, since their vocabulary is the same.
enum TTMLNamespace: Sendable, Hashable {
    /// Elements of the TTML vocabulary (`tt`, `body`, `p`, …).
    case content
    /// `tts:` style attributes.
    case styling
    /// `ttp:` parameter attributes.
    case parameter
    /// `ttm:` metadata elements and attributes.
    case metadata
    /// `xml:` attributes (`xml:id`, `xml:lang`, `xml:space`).
    case xml
    /// Any other namespace: foreign vocabulary, ignored.
    case foreign

    static let ttmlURI = "http://www.w3.org/ns/ttml"
    static let stylingURI = "http://www.w3.org/ns/ttml#styling"
    static let parameterURI = "http://www.w3.org/ns/ttml#parameter"
    static let metadataURI = "http://www.w3.org/ns/ttml#metadata"
    static let xmlURI = "http://www.w3.org/XML/1998/namespace"

    /// Classifies a namespace URI.
    init(uri: String) {
        switch uri {
        case TTMLNamespace.ttmlURI, "http://www.w3.org/2006/10/ttaf1", "http://www.w3.org/2006/04/ttaf1":
            self = .content
        case TTMLNamespace.stylingURI, "http://www.w3.org/2006/10/ttaf1#styling", "http://www.w3.org/2006/04/ttaf1#styling":
            self = .styling
        case TTMLNamespace.parameterURI, "http://www.w3.org/2006/10/ttaf1#parameter", "http://www.w3.org/2006/04/ttaf1#parameter":
            self = .parameter
        case TTMLNamespace.metadataURI, "http://www.w3.org/2006/10/ttaf1#metadata", "http://www.w3.org/2006/04/ttaf1#metadata":
            self = .metadata
        case TTMLNamespace.xmlURI:
            self = .xml
        default:
            self = .foreign
        }
    }
}

/// Classifies namespace URIs as a parse meets them.
///
/// libxml2 interns namespace URIs, so one document hands over the same few
/// pointers again and again; remembering them keeps the per-element cost to a
/// pointer comparison instead of a string comparison.
struct TTMLNamespaceCache {
    private var known: [(pointer: UnsafePointer<UInt8>, namespace: TTMLNamespace)] = []

    /// The namespace of `uri`; `nil` (no namespace) is `.foreign` for elements.
    mutating func classify(_ uri: XMLName?) -> TTMLNamespace? {
        guard let uri else { return nil }
        for entry in known where entry.pointer == uri.pointer {
            return entry.namespace
        }
        let namespace = TTMLNamespace(uri: uri.string)
        // A pathological document could declare thousands of namespaces; only
        // the first few are worth remembering.
        if known.count < 32 { known.append((uri.pointer, namespace)) }
        return namespace
    }
}
