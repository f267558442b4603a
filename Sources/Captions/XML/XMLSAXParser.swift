import CLibXML2

/// A position in an XML document as libxml2 reports it: 1-based line and column.
struct XMLPosition: Sendable, Hashable {
    /// The line, starting at 1.
    var line: Int
    /// The column, starting at 1.
    var column: Int

    /// The position as a ``SourceLocation`` in `file`.
    func location(in file: String?) -> SourceLocation {
        SourceLocation(file: file, line: max(1, line), column: max(1, column))
    }
}

/// Receives the events of one streaming (SAX2) parse, in document order.
///
/// The element and attribute views passed to these methods point into
/// libxml2's buffers and are valid only during the call; copy what must be
/// kept. Throwing from any method stops the parse, and the error becomes the
/// result of ``XMLSAXParser/parse(_:file:handler:)``.
protocol XMLEventHandler: AnyObject {
    /// An element starts; `position` is just after its start tag.
    func startElement(_ element: XMLElementStart, at position: XMLPosition) throws(CaptionError)
    /// An element ends.
    func endElement(localName: XMLName, namespace: XMLName?, at position: XMLPosition) throws(CaptionError)
    /// Character data (text, CDATA sections, decoded character references),
    /// possibly in several pieces for one text node.
    func characters(_ text: UnsafeBufferPointer<UInt8>) throws(CaptionError)
}

/// A name or namespace URI from libxml2: NUL-terminated UTF-8 that libxml2 owns.
struct XMLName {
    let pointer: UnsafePointer<UInt8>

    /// The name's bytes, without the terminating NUL.
    var bytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: pointer, count: Int(xmlStrlen(pointer)))
    }

    /// The name as a Swift string.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// `true` when the name is exactly `literal` (ASCII).
    func equals(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        let other = literal.utf8Start
        for i in 0..<count where pointer[i] != other[i] {
            return false
        }
        return pointer[count] == 0
    }
}

/// One attribute of a start tag, as a view into libxml2's buffers.
struct XMLAttribute {
    /// The local name (`color` for `tts:color`).
    let localName: XMLName
    /// The namespace URI, or `nil` for an unprefixed attribute.
    let namespace: XMLName?
    /// The value exactly as libxml2 passes it (see ``value``).
    let rawValue: UnsafeBufferPointer<UInt8>

    /// The attribute value.
    ///
    /// Without entity substitution (which stays off for safety), libxml2 hands
    /// an ampersand in an attribute value back re-escaped as `&#38;`; this
    /// undoes exactly that, so `a &amp; b` reads as `a & b`.
    var value: String {
        guard rawValue.contains(UInt8(ascii: "&")) else { return String(decoding: rawValue, as: UTF8.self) }
        return String(decoding: XMLAttribute.unescapingAmpersands(rawValue), as: UTF8.self)
    }

    /// The value's bytes with libxml2's `&#38;` re-escaping undone.
    var valueBytes: [UInt8] {
        rawValue.contains(UInt8(ascii: "&")) ? XMLAttribute.unescapingAmpersands(rawValue) : Array(rawValue)
    }

    private static func unescapingAmpersands(_ raw: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let escape = Array("&#38;".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            if raw[i] == UInt8(ascii: "&"), i + escape.count <= raw.count,
               (0..<escape.count).allSatisfy({ raw[i + $0] == escape[$0] }) {
                out.append(UInt8(ascii: "&"))
                i += escape.count
            } else {
                out.append(raw[i])
                i += 1
            }
        }
        return out
    }
}

/// A start tag: the element's name, namespace and attributes.
struct XMLElementStart {
    /// The local name (`p` for `<tt:p>`).
    let localName: XMLName
    /// The namespace URI, or `nil` when the element is in no namespace.
    let namespace: XMLName?
    fileprivate let attributeCount: Int
    fileprivate let attributeData: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?

    /// The attributes in document order.
    var attributes: XMLAttributeList { XMLAttributeList(count: attributeCount, data: attributeData) }
}

/// The attributes of a start tag, in document order.
struct XMLAttributeList: RandomAccessCollection {
    fileprivate let count_: Int
    fileprivate let data: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?

    fileprivate init(count: Int, data: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        self.count_ = data == nil ? 0 : count
        self.data = data
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count_ }

    subscript(position: Int) -> XMLAttribute {
        // libxml2 passes five pointers per attribute: local name, prefix, URI, value start, value end.
        let base = data! + 5 * position
        let start = base[3]!
        return XMLAttribute(
            localName: XMLName(pointer: base[0]!),
            namespace: base[2].map(XMLName.init(pointer:)),
            rawValue: UnsafeBufferPointer(start: start, count: start.distance(to: base[4]!))
        )
    }
}

/// A safe streaming XML parser over libxml2's SAX2 interface.
///
/// Untrusted input is parsed with the network off (`XML_PARSE_NONET`), no
/// entity substitution, no DTD loading and no XInclude, and any document with
/// a `<!DOCTYPE>` is refused outright: a document type declaration is the only
/// way to declare entities, so refusing it closes off entity expansion
/// ("billion laughs") and external entities (XXE) alike. libxml2's own limits
/// on nesting depth (256) and text node size stay in force, since
/// `XML_PARSE_HUGE` is never set.
///
/// No Foundation `XMLParser` and no tree: SAX2 delivers events as libxml2
/// reads, which keeps parsing above 100 MB/s and memory flat.
enum XMLSAXParser {
    /// The libxml2 options every parse uses; nothing that loads or expands.
    private static let options = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue
            | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)

    /// Touched before every parse so `xmlInitParser` runs once, thread-safely.
    private static let libraryReady: Void = { xmlInitParser() }()

    /// Parses `bytes` as an XML document, delivering events to `handler`.
    ///
    /// The encoding is left to libxml2, which reads a byte order mark or the
    /// XML declaration, so UTF-16 documents parse as well as UTF-8 ones.
    ///
    /// - Parameters:
    ///   - bytes: the document.
    ///   - file: the name used in diagnostics.
    ///   - handler: receives the events.
    /// - Returns: warnings libxml2 reported and recovered from.
    /// - Throws: ``CaptionError`` (`invalidInput`) at the first well-formedness
    ///   error, at a `<!DOCTYPE>`, or with the error `handler` threw.
    @discardableResult
    static func parse(_ bytes: [UInt8], file: String?, handler: any XMLEventHandler) throws(CaptionError) -> [Diagnostic] {
        _ = libraryReady
        guard bytes.count < Int(Int32.max) else {
            throw CaptionError(.invalidInput, "the document is larger than 2 GB, the most libxml2 reads", at: SourceLocation(file: file, line: 1))
        }
        guard !bytes.isEmpty else {
            throw CaptionError(.invalidInput, "the document is empty", at: SourceLocation(file: file, line: 1))
        }
        let session = XMLParseSession(file: file, handler: handler)
        let outcome: Int32? = bytes.withUnsafeBufferPointer { buffer -> Int32? in
            guard let base = buffer.baseAddress else { return nil }
            let start = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
            guard let ctxt = xmlNewParserCtxt() else { return nil }
            defer { xmlFreeParserCtxt(ctxt) }
            session.install(in: ctxt)
            let unmanaged = Unmanaged.passRetained(session)
            ctxt.pointee._private = unmanaged.toOpaque()
            defer { unmanaged.release() }
            // No encoding: libxml2 reads the BOM or the XML declaration. The
            // options are applied after the handler is installed (NOCDATA and
            // NOERROR clear handler fields), and no tree is built: the handler
            // has no tree callbacks, so the result is always NULL.
            // libxml2 pulls the bytes through a read callback rather than
            // copying the whole document into its own buffer first, so a
            // large file is not held twice.
            var source = XMLByteSource(base: UnsafeRawPointer(start), count: buffer.count)
            let doc = withUnsafeMutablePointer(to: &source) { pointer in
                xmlCtxtReadIO(ctxt, { context, destination, length in
                    guard let context, let destination, length > 0 else { return 0 }
                    return context.assumingMemoryBound(to: XMLByteSource.self).pointee.read(into: destination, length: Int(length))
                }, nil, pointer, nil, nil, options)
            }
            if let doc { xmlFreeDoc(doc) }
            return ctxt.pointee.wellFormed
        }
        if let error = session.failure { throw error }
        guard let outcome else {
            throw CaptionError(.invalidInput, "libxml2 could not start parsing (out of memory)", at: SourceLocation(file: file, line: 1))
        }
        if outcome == 0 {
            throw CaptionError(.invalidInput, "the document is not well-formed XML", at: SourceLocation(file: file, line: 1))
        }
        return session.diagnostics
    }
}

/// The document's bytes, handed to libxml2 a buffer at a time.
private struct XMLByteSource {
    let base: UnsafeRawPointer
    let count: Int
    var offset = 0

    /// Copies up to `length` bytes to `destination`; returns how many (0 at the end).
    mutating func read(into destination: UnsafeMutablePointer<CChar>, length: Int) -> Int32 {
        let n = min(length, count - offset)
        guard n > 0 else { return 0 }
        UnsafeMutableRawPointer(destination).copyMemory(from: base + offset, byteCount: n)
        offset += n
        return Int32(n)
    }
}

/// The state of one parse, reached from libxml2's callbacks through the
/// parser context's `_private` pointer (no globals, so parses can run at once).
private final class XMLParseSession {
    let file: String?
    let handler: any XMLEventHandler
    var failure: CaptionError?
    var diagnostics: [Diagnostic] = []

    init(file: String?, handler: any XMLEventHandler) {
        self.file = file
        self.handler = handler
    }

    /// Runs `body` with the session of the context libxml2 passed to a
    /// callback, without retaining it (the parse holds it for its duration).
    static func with(_ context: UnsafeMutableRawPointer?, _ body: (XMLParseSession, xmlParserCtxtPtr) -> Void) {
        guard let context else { return }
        let ctxt = context.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let session = ctxt.pointee._private else { return }
        Unmanaged<XMLParseSession>.fromOpaque(session)._withUnsafeGuaranteedRef { body($0, ctxt) }
    }

    static func position(_ ctxt: xmlParserCtxtPtr) -> XMLPosition {
        XMLPosition(line: Int(xmlSAX2GetLineNumber(ctxt)), column: Int(xmlSAX2GetColumnNumber(ctxt)))
    }

    /// Records `error` as the result and stops libxml2.
    func stop(_ ctxt: xmlParserCtxtPtr, with error: CaptionError) {
        if failure == nil { failure = error }
        xmlStopParser(ctxt)
    }

    /// Points the context's SAX handler at this session's callbacks. The
    /// context keeps `userData == ctxt`, so each callback finds the context
    /// (for positions and stopping) and, through it, the session.
    func install(in ctxt: xmlParserCtxtPtr) {
        guard let sax = ctxt.pointee.sax else { return }
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { context, localName, _, uri, _, _, attributeCount, _, attributes in
            guard let localName else { return }
            XMLParseSession.with(context) { session, ctxt in
                let element = XMLElementStart(
                    localName: XMLName(pointer: localName),
                    namespace: uri.map(XMLName.init(pointer:)),
                    attributeCount: Int(attributeCount),
                    attributeData: attributes)
                do throws(CaptionError) {
                    try session.handler.startElement(element, at: XMLParseSession.position(ctxt))
                } catch {
                    session.stop(ctxt, with: error)
                }
            }
        }
        handler.endElementNs = { context, localName, _, uri in
            guard let localName else { return }
            XMLParseSession.with(context) { session, ctxt in
                do throws(CaptionError) {
                    try session.handler.endElement(
                        localName: XMLName(pointer: localName), namespace: uri.map(XMLName.init(pointer:)),
                        at: XMLParseSession.position(ctxt))
                } catch {
                    session.stop(ctxt, with: error)
                }
            }
        }
        let characters: charactersSAXFunc = { context, text, length in
            guard let text, length > 0 else { return }
            XMLParseSession.with(context) { session, ctxt in
                do throws(CaptionError) {
                    try session.handler.characters(UnsafeBufferPointer(start: text, count: Int(length)))
                } catch {
                    session.stop(ctxt, with: error)
                }
            }
        }
        handler.characters = characters
        handler.ignorableWhitespace = characters
        handler.internalSubset = { context, _, _, _ in
            XMLParseSession.with(context) { session, ctxt in
                session.stop(ctxt, with: CaptionError(
                    .invalidInput,
                    "the document has a <!DOCTYPE> declaration, which is refused: it can declare entities that expand without bound or read local files, and caption documents need none",
                    at: XMLParseSession.position(ctxt).location(in: session.file)))
            }
        }
        handler.serror = { context, error in
            guard let error else { return }
            XMLParseSession.with(context) { session, _ in session.record(error.pointee) }
        }
        sax.pointee = handler
    }

    /// Turns a libxml2 error into the parse's failure (fatal) or a warning.
    func record(_ error: xmlError) {
        var message = error.message.map { String(cString: $0) } ?? "XML error \(error.code)"
        while message.last == "\n" || message.last == " " { message.removeLast() }
        let location = XMLPosition(line: Int(error.line), column: Int(error.int2)).location(in: file)
        if error.level == XML_ERR_FATAL {
            if failure == nil { failure = CaptionError(.invalidInput, "not well-formed XML: \(message)", at: location) }
        } else {
            diagnostics.append(Diagnostic(.warning, code: "xml", message, at: location))
        }
    }
}
