/// Builds a TTML document's paragraphs as libxml2's SAX events arrive.
///
/// Time is resolved on the fly (TTML1 §10.4, after SMIL): an element's begin
/// is known when it opens (its parent's begin in a `par` container, the end of
/// its previous sibling in a `seq` one, plus its `begin` offset); its end is
/// known when it closes (explicit `end`/`dur`, or the implicit duration its
/// children give it). Closing an element clips what it contains to its
/// interval, so when the document ends every run of text carries the exact
/// interval in which it is active.
struct TTMLDocumentBuilder {
    /// The deepest element nesting accepted; libxml2 itself stops at 256.
    static let maximumDepth = 200

    let file: String?
    private(set) var diagnostics: TTMLDiagnostics
    private(set) var parameters = TTMLTimingParameters()
    private(set) var layout = TTMLLayoutContext()
    private(set) var definitions = TTMLDefinitions()
    /// `xml:lang` on `<tt>`, when not empty.
    private(set) var language: String?
    /// Every run of text and line break, paragraph by paragraph.
    private(set) var runs: [TTMLRun] = []
    /// The UTF-8 text of all runs, one after the other (see ``TTMLRun/textRange()``).
    private(set) var textBytes: [UInt8] = []
    /// Every `<p>` that holds runs, in document order.
    private(set) var paragraphs: [TTMLParagraph] = []
    /// `tts:visibility`/`tts:display` of content elements, for `<set>`.
    private(set) var records: [TTMLElementRecord] = []
    /// `true` once any `<set>` animates visibility or display.
    private(set) var hasAnimations = false
    /// Speaker names, role names and language tags that runs refer to by index.
    private(set) var voices = TTMLNameTable()
    private(set) var roles = TTMLNameTable()
    private(set) var languages = TTMLNameTable()

    private var stack: [OpenElement] = []
    private var namespaces = TTMLNamespaceCache()
    private var text: [UInt8] = []
    /// How deep inside a subtree that is skipped (metadata, foreign vocabulary).
    private var skipDepth = 0
    private var headIsResolved = false
    private var rubyContainers: Int32 = 0
    private var agentCache: [String: Int32] = [:]
    /// The last `region`, `style` and `ttm:agent` values of content and what they resolved to.
    private var lastRegion = TTMLRepeatedValue<Int>()
    private var lastStyleReference = TTMLRepeatedValue<TTMLStyle>()
    private var lastAgent = TTMLRepeatedValue<Int32>()
    /// The text of the `ttm:name` being read.
    private var pendingName: [UInt8] = []

    /// Creates a builder.
    ///
    /// - Parameters:
    ///   - file: the name used in diagnostics.
    ///   - expectedSize: the document's size in bytes, to size storage up front.
    init(file: String?, expectedSize: Int = 0) {
        self.file = file
        self.diagnostics = TTMLDiagnostics(file: file)
        // Typical IMSC spends about 50 bytes of markup per run and 150 per paragraph.
        runs.reserveCapacity(expectedSize / 50)
        records.reserveCapacity(expectedSize / 60)
        paragraphs.reserveCapacity(expectedSize / 150)
        // The text is part of the document, so rarely more bytes than it; pages
        // reserved and never used cost nothing, a regrowth copies all text so far.
        textBytes.reserveCapacity(expectedSize)
    }

    // MARK: Element kinds

    fileprivate enum Kind {
        case tt, head, headMetadata, agent, agentName, styling, style, initial, layout, region, regionStyle
        case body, div, p, span, br, set
    }

    /// The state of an element that has started and not yet ended.
    fileprivate struct OpenElement {
        var kind: Kind
        // Timing, all in absolute media time.
        /// When the element begins; `nil` when it never does (after an indefinite `seq` sibling).
        var begin: MediaTime?
        /// What `begin` and `end` attributes are offsets from.
        var reference: MediaTime?
        var explicitBegin: MediaTime?
        var explicitEnd: MediaTime?
        var explicitDuration: MediaTime?
        var isSequential = false
        var hasTimedChild = false
        /// The latest end of the children so far (`par`); meaningless once a child is indefinite.
        var latestChildEnd: MediaTime?
        var hasIndefiniteChild = false
        /// Where the next child of a `seq` container is placed; `nil` after an indefinite child.
        var cursor: MediaTime?
        // Content: the computed inherited styles are in `markup`, `textAlign` and `hidden`.
        var textAlign: CueSettings.TextAlign?
        var hidden: Bool?
        var displayNone = false
        var association = TTMLRegionAssociation.unassociated
        var markup = TTMLMarkup()
        var preservesSpace = false
        /// Text inside is not shown (ruby delimiters).
        var dropsText = false
        var record: Int32 = -1
        var firstRun = 0
        var paragraphID = ""
        var position = XMLPosition(line: 1, column: 1)
        // Head.
        var identifier = ""
        var setHidden: Bool?
        var setDisplayNone: Bool?

        init(kind: Kind) {
            self.kind = kind
        }
    }

    // MARK: Events

    mutating func startElement(_ element: XMLElementStart, at position: XMLPosition) throws(CaptionError) {
        flushText()
        if skipDepth > 0 {
            skipDepth += 1
            return
        }
        guard stack.count < TTMLDocumentBuilder.maximumDepth else {
            throw CaptionError(.invalidInput, "elements are nested more than \(TTMLDocumentBuilder.maximumDepth) deep", at: position.location(in: file))
        }
        let namespace = namespaces.classify(element.namespace)
        guard let parentKind = stack.last?.kind else {
            guard namespace == .content, element.localName.equals("tt") else {
                let name = element.localName.string
                throw CaptionError(
                    .invalidInput,
                    "the root element is <\(name)>, not TTML's <tt> in the namespace \(TTMLNamespace.ttmlURI)",
                    at: position.location(in: file))
            }
            openRoot(element, at: position)
            return
        }
        guard let kind = childKind(of: parentKind, name: element.localName, namespace: namespace) else {
            skipDepth = 1
            return
        }
        switch kind {
        case .body, .div, .p, .span, .br:
            if !headIsResolved { resolveHead() }
            openContent(kind, element, at: position)
        case .set:
            openSet(element, at: position)
        case .region where parentKind != .layout:
            if !headIsResolved { resolveHead() }
            openInlineRegion(element, at: position)
        case .region:
            openRegion(element, at: position)
        case .style, .regionStyle, .initial:
            openStyle(kind, element, at: position)
        case .agent:
            var open = OpenElement(kind: .agent)
            open.identifier = attribute(element, namespace: .xml, "id") ?? ""
            stack.append(open)
        case .agentName:
            var open = OpenElement(kind: .agentName)
            open.identifier = attribute(element, namespace: nil, "type") ?? ""
            stack.append(open)
        case .head, .headMetadata, .styling, .layout, .tt:
            stack.append(OpenElement(kind: kind))
        }
    }

    mutating func endElement(localName: XMLName, namespace: XMLName?, at position: XMLPosition) throws(CaptionError) {
        flushText()
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        guard let top = stack.indices.last else { return }
        defer { stack.removeLast() }
        switch stack[top].kind {
        case .head:
            resolveHead()
        case .agentName:
            if top > 0, stack[top - 1].kind == .agent, !stack[top - 1].identifier.isEmpty {
                let agent = stack[top - 1].identifier
                let name = String(decoding: pendingName, as: UTF8.self).split(whereSeparator: \.isXMLWhitespace).joined(separator: " ")
                definitions.agents[agent, default: TTMLAgent(id: agent)].names.append((stack[top].identifier, name))
            }
            pendingName.removeAll()
        case .agent:
            let id = stack[top].identifier
            if !id.isEmpty, definitions.agents[id] == nil { definitions.agents[id] = TTMLAgent(id: id) }
        case .body, .div, .p, .span, .br, .set, .region:
            closeTimed(top)
        case .tt, .headMetadata, .styling, .layout, .style, .regionStyle, .initial:
            break
        }
    }

    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) throws(CaptionError) {
        guard skipDepth == 0, let current = stack.last else { return }
        switch current.kind {
        case .p, .span:
            if current.begin != nil, !current.dropsText { text.append(contentsOf: bytes) }
        case .agentName:
            pendingName.append(contentsOf: bytes)
        default:
            break
        }
    }

    // MARK: Structure

    /// What a child element is, given its parent; `nil` skips its subtree
    /// (metadata, foreign vocabulary, elements out of place).
    private func childKind(of parent: Kind, name: XMLName, namespace: TTMLNamespace?) -> Kind? {
        if namespace == .metadata {
            switch parent {
            case .head, .headMetadata: return name.equals("agent") ? .agent : nil
            case .agent: return name.equals("name") ? .agentName : nil
            default: return nil
            }
        }
        guard namespace == .content else { return nil }
        switch parent {
        case .tt:
            if name.equals("head") { return .head }
            if name.equals("body") { return .body }
        case .head:
            if name.equals("styling") { return .styling }
            if name.equals("layout") { return .layout }
            if name.equals("metadata") { return .headMetadata }
        case .headMetadata:
            return nil
        case .styling:
            if name.equals("style") { return .style }
            if name.equals("initial") { return .initial }
        case .layout:
            if name.equals("region") { return .region }
        case .region:
            if name.equals("style") { return .regionStyle }
            if name.equals("set") { return .set }
        case .body, .div:
            if name.equals("div") { return .div }
            // <p> directly in <body> is not TTML1, but seen in the wild.
            if name.equals("p") { return .p }
            if name.equals("set") { return .set }
            if name.equals("region") { return .region }
        case .p, .span:
            if name.equals("span") { return .span }
            if name.equals("br") { return .br }
            if name.equals("set") { return .set }
            if name.equals("region") { return .region }
        case .agent, .agentName, .style, .regionStyle, .initial, .br, .set:
            return nil
        }
        return nil
    }

    private mutating func attribute(_ element: XMLElementStart, namespace wanted: TTMLNamespace?, _ name: StaticString) -> String? {
        for attribute in element.attributes where attribute.localName.equals(name) {
            if namespaces.classify(attribute.namespace) == wanted { return attribute.value }
        }
        return nil
    }

    // MARK: The root

    private mutating func openRoot(_ element: XMLElementStart, at position: XMLPosition) {
        var root = OpenElement(kind: .tt)
        root.begin = .zero
        root.reference = .zero
        root.cursor = .zero
        for attribute in element.attributes {
            switch namespaces.classify(attribute.namespace) {
            case .parameter:
                readParameter(attribute.localName.string, attribute.value, at: position)
            case .styling where attribute.localName.equals("extent"):
                let value = attribute.value
                if let pair = TTMLLengthPair(parsing: value), pair.horizontal.unit == .pixels, pair.vertical.unit == .pixels,
                   pair.horizontal.value > 0, pair.vertical.value > 0 {
                    layout.rootPixels = (pair.horizontal.value, pair.vertical.value)
                } else if value.trimmingXMLWhitespace != "auto" {
                    diagnostics.warn("ttml-style", "tts:extent on <tt> must be two pixel lengths; \"\(value)\" is ignored", at: position)
                }
            case .xml where attribute.localName.equals("lang"):
                let value = attribute.value.trimmingXMLWhitespace
                language = value.isEmpty ? nil : value
            case .xml where attribute.localName.equals("space"):
                root.preservesSpace = attribute.value.trimmingXMLWhitespace == "preserve"
            default:
                break
            }
        }
        if let note = parameters.approximation {
            diagnostics.warn("ttml-time-base", note + "; times may not match the media", at: position)
        }
        stack.append(root)
    }

    /// Reads one `ttp:` parameter of `<tt>` (TTML1 §6.2), keeping the default
    /// (with a warning) when the value is out of range or malformed.
    private mutating func readParameter(_ name: String, _ value: String, at position: XMLPosition) {
        let token = value.trimmingXMLWhitespace
        func positive(_ text: Substring, upTo limit: Int64) -> Int64? {
            guard let n = Int64(text), n > 0, n <= limit else { return nil }
            return n
        }
        var valid = true
        switch name {
        case "timeBase":
            if let base = TTMLTimingParameters.TimeBase(rawValue: token) { parameters.timeBase = base } else { valid = false }
        case "frameRate":
            if let rate = positive(Substring(token), upTo: 10_000) {
                parameters.frameRate = rate
                parameters.frameRateIsSpecified = true
            } else { valid = false }
        case "frameRateMultiplier":
            let parts = token.split(whereSeparator: \.isXMLWhitespace)
            if parts.count == 2, let n = positive(parts[0], upTo: 1_000_000), let d = positive(parts[1], upTo: 1_000_000) {
                parameters.frameRateMultiplier = MediaTime(numerator: n, denominator: d)
            } else { valid = false }
        case "subFrameRate":
            if let rate = positive(Substring(token), upTo: 1000) { parameters.subFrameRate = rate } else { valid = false }
        case "tickRate":
            if let rate = positive(Substring(token), upTo: 1_000_000_000_000) { parameters.specifiedTickRate = rate } else { valid = false }
        case "dropMode":
            if let mode = TTMLTimingParameters.DropMode(rawValue: token) { parameters.dropMode = mode } else { valid = false }
        case "markerMode":
            if token == "continuous" || token == "discontinuous" {
                parameters.markersAreDiscontinuous = token == "discontinuous"
            } else { valid = false }
        case "cellResolution":
            let parts = token.split(whereSeparator: \.isXMLWhitespace)
            if parts.count == 2, let c = positive(parts[0], upTo: 10_000), let r = positive(parts[1], upTo: 10_000) {
                layout.cellColumns = Double(c)
                layout.cellRows = Double(r)
            } else { valid = false }
        default:
            break
        }
        if !valid {
            diagnostics.warn("ttml-parameter", "ttp:\(name)=\"\(value)\" is not a valid value; the default applies", at: position)
        }
    }

    // MARK: Head

    /// The `xml:id`, `style` references and `tts:` attributes of a `<style>`
    /// or `<region>` element.
    private mutating func readDefinition(_ element: XMLElementStart, at position: XMLPosition) -> (id: String, definition: TTMLStyleDefinition) {
        var definition = TTMLStyleDefinition(references: [], own: TTMLStyle())
        var id = ""
        for attribute in element.attributes {
            switch namespaces.classify(attribute.namespace) {
            case nil where attribute.localName.equals("style"):
                definition.references = attribute.value.split(whereSeparator: \.isXMLWhitespace).map(String.init)
            case .xml where attribute.localName.equals("id"):
                id = attribute.value.trimmingXMLWhitespace
            case .styling:
                readStyle(attribute, into: &definition.own, at: position)
            default:
                break
            }
        }
        return (id, definition)
    }

    private mutating func openStyle(_ kind: Kind, _ element: XMLElementStart, at position: XMLPosition) {
        let (id, definition) = readDefinition(element, at: position)
        switch kind {
        case .style:
            if id.isEmpty {
                diagnostics.warn("ttml-style", "a <style> without xml:id cannot be referenced; it is ignored", at: position)
            } else {
                if definitions.styles[id] == nil { definitions.styleOrder.append(id) }
                definitions.styles[id] = definition
            }
        case .regionStyle:
            if let index = currentRegionIndex { definitions.regions[index].nested.append(definition) }
        case .initial:
            definitions.initial = definitions.initial.overridden(by: definition.own)
        default:
            break
        }
        stack.append(OpenElement(kind: kind))
    }

    /// The region being defined, while inside `<region>`.
    private var currentRegionIndex: Int? {
        guard let region = stack.last, region.kind == .region else { return nil }
        return definitions.regionIndex[region.identifier]
    }

    private mutating func openRegion(_ element: XMLElementStart, at position: XMLPosition) {
        var open = openTimedElement(.region, element, parent: 0, at: position)
        let (id, definition) = readDefinition(element, at: position)
        var region = TTMLRegionDefinition(id: id, references: definition.references, own: definition.own)
        if region.id.isEmpty || definitions.regionIndex[region.id] != nil {
            diagnostics.warn("ttml-region", region.id.isEmpty ? "a <region> without xml:id cannot be used; it is ignored" : "region \"\(region.id)\" is defined twice; the second is ignored", at: position)
            skipDepth = 1
            return
        }
        region.begin = open.begin ?? .zero
        open.identifier = region.id
        definitions.regionIndex[region.id] = definitions.regions.count
        definitions.regions.append(region)
        stack.append(open)
    }

    /// A TTML2 inline `<region>` inside content: it defines an anonymous
    /// region with which its parent element is associated.
    private mutating func openInlineRegion(_ element: XMLElementStart, at position: XMLPosition) {
        let (id, definition) = readDefinition(element, at: position)
        var region = TTMLRegionDefinition(id: id, references: definition.references, own: definition.own)
        if region.id.isEmpty || definitions.regionIndex[region.id] != nil {
            region.id = "inline-region-\(definitions.regions.count + 1)"
        }
        region.computed = definitions.computedStyle(of: region)
        let index = definitions.regions.count
        definitions.regionIndex[region.id] = index
        definitions.regions.append(region)
        let parent = stack.count - 1
        if stack[parent].association == .unassociated {
            stack[parent].association = .region(index)
        }
        skipDepth = 1
    }

    /// Resolves referential styling once everything `<head>` defines is known.
    private mutating func resolveHead() {
        guard !headIsResolved else { return }
        headIsResolved = true
        definitions.resolveStyles()
        for id in definitions.cyclic {
            diagnostics.warn("ttml-style", "style \"\(id)\" references itself through its style chain; the cycle is broken there", at: XMLPosition(line: 1, column: 1))
        }
        for index in definitions.regions.indices {
            definitions.regions[index].computed = definitions.computedStyle(of: definitions.regions[index])
        }
    }

    // MARK: Content

    private mutating func openContent(_ kind: Kind, _ element: XMLElementStart, at position: XMLPosition) {
        let parent = stack.count - 1
        var open = OpenElement(kind: kind)
        open.textAlign = stack[parent].textAlign
        open.hidden = stack[parent].hidden
        open.displayNone = stack[parent].displayNone
        open.association = stack[parent].association
        open.markup = stack[parent].markup
        open.preservesSpace = stack[parent].preservesSpace
        open.dropsText = stack[parent].dropsText
        open.position = position
        open.firstRun = runs.count

        var specified = TTMLStyle()
        var inline = TTMLStyle()
        var isStyled = false
        var regionName: String?
        var regionIndex: Int?
        for attribute in element.attributes {
            switch namespaces.classify(attribute.namespace) {
            case nil:
                if readTiming(attribute, into: &open, at: position) { continue }
                if attribute.localName.equals("style") {
                    specified = referencedStyle(attribute, at: position)
                    isStyled = true
                } else if attribute.localName.equals("region") {
                    if let index = lastRegion.lookup(attribute.rawValue) {
                        regionIndex = index
                    } else {
                        regionName = attribute.value.trimmingXMLWhitespace
                        regionIndex = regionName.flatMap { definitions.regionIndex[$0] }
                        if let regionIndex { lastRegion.remember(attribute.rawValue, as: regionIndex) }
                    }
                }
            case .styling:
                readStyle(attribute, into: &inline, at: position)
                isStyled = true
            case .xml:
                if attribute.localName.equals("id") {
                    open.paragraphID = attribute.value
                } else if attribute.localName.equals("lang") {
                    open.markup.language = languageIndex(attribute.value)
                } else if attribute.localName.equals("space") {
                    open.preservesSpace = attribute.value.trimmingXMLWhitespace == "preserve"
                }
            case .metadata:
                if attribute.localName.equals("agent") {
                    open.markup.voice = voiceIndex(attribute, at: position)
                } else if attribute.localName.equals("role") {
                    let role = attribute.value.trimmingXMLWhitespace
                    open.markup.role = role.isEmpty ? -1 : roles.index(of: role)
                }
            default:
                break
            }
        }
        place(&open, parent: parent)
        if isStyled {
            specified = specified.overridden(by: inline)
            // Inheritance (TTML1 §8.4.2.2): unspecified inherited properties keep the parent's values.
            open.markup.italic = specified.italic ?? open.markup.italic
            open.markup.bold = specified.bold ?? open.markup.bold
            open.markup.underline = specified.underline ?? open.markup.underline
            open.markup.color = specified.color ?? open.markup.color
            open.textAlign = specified.textAlign ?? open.textAlign
            open.hidden = specified.hidden ?? open.hidden
            if specified.displayNone == true { open.displayNone = true }
            switch specified.ruby {
            case .container?:
                rubyContainers += 1
                open.markup.rubyContainer = rubyContainers
            case .text?, .textContainer?:
                open.markup.isRubyText = true
            case .delimiter?:
                open.dropsText = true
            default:
                break
            }
        }
        if let regionIndex {
            open.association = open.association.narrowed(to: regionIndex)
        } else if let regionName {
            diagnostics.warn("ttml-region", "region \"\(regionName)\" is not defined; the reference is ignored", at: position)
        }
        open.record = Int32(records.count)
        records.append(TTMLElementRecord(parent: stack[parent].record, hidden: specified.hidden, displayNone: specified.displayNone))
        stack.append(open)
    }

    /// Reads a timing attribute (`begin`, `end`, `dur`, `timeContainer`)
    /// into `open`; `false` when the attribute is not one.
    private mutating func readTiming(_ attribute: XMLAttribute, into open: inout OpenElement, at position: XMLPosition) -> Bool {
        if attribute.localName.equals("begin") {
            open.explicitBegin = timeExpression(attribute, at: position)
        } else if attribute.localName.equals("end") {
            open.explicitEnd = timeExpression(attribute, at: position)
        } else if attribute.localName.equals("dur") {
            open.explicitDuration = timeExpression(attribute, at: position)
        } else if attribute.localName.equals("timeContainer") {
            switch attribute.value.trimmingXMLWhitespace {
            case "seq": open.isSequential = true
            case "par": open.isSequential = false
            default: diagnostics.warn("ttml-time", "timeContainer=\"\(attribute.value)\" is neither par nor seq; par applies", at: position)
            }
        } else {
            return false
        }
        return true
    }

    /// Places an element whose timing attributes are read in time: TTML1
    /// appendix N counts offsets from the parent's begin in a `par`
    /// container, from the previous sibling's end in a `seq` container.
    private func place(_ open: inout OpenElement, parent: Int) {
        open.reference = stack[parent].isSequential ? stack[parent].cursor : stack[parent].begin
        if let offset = open.explicitBegin {
            open.begin = open.reference.map { MediaTime.sum($0, offset) }
        } else {
            open.begin = open.reference
        }
        open.cursor = open.begin
    }

    /// An element with only timing to read (`<set>`, `<region>`), placed in time.
    private mutating func openTimedElement(_ kind: Kind, _ element: XMLElementStart, parent: Int, at position: XMLPosition) -> OpenElement {
        var open = OpenElement(kind: kind)
        for attribute in element.attributes where attribute.namespace == nil {
            _ = readTiming(attribute, into: &open, at: position)
        }
        place(&open, parent: parent)
        return open
    }

    private mutating func timeExpression(_ attribute: XMLAttribute, at position: XMLPosition) -> MediaTime? {
        do {
            let expression = try TTMLTimeExpression(attribute.rawValue, parameters: parameters)
            if expression.clampedFrames {
                diagnostics.warn("ttml-time", "\(attribute.localName.string)=\"\(attribute.value)\" counts more frames than ttp:frameRate \(parameters.frameRate); the last frame is used", at: position)
            }
            return expression.offset
        } catch {
            diagnostics.warn("ttml-time", "\(attribute.localName.string)=\"\(attribute.value)\" is not a TTML time expression; the attribute is ignored", at: position)
            return nil
        }
    }

    private mutating func openSet(_ element: XMLElementStart, at position: XMLPosition) {
        var open = openTimedElement(.set, element, parent: stack.count - 1, at: position)
        var style = TTMLStyle()
        for attribute in element.attributes where namespaces.classify(attribute.namespace) == .styling {
            readStyle(attribute, into: &style, at: position)
        }
        open.setHidden = style.hidden
        open.setDisplayNone = style.displayNone
        stack.append(open)
    }

    // MARK: Closing timed elements

    /// Ends a timed element: works out its end, tells its parent (whose
    /// implicit duration depends on its children), and clips its content.
    private mutating func closeTimed(_ index: Int) {
        let end = activeEnd(of: index)
        if index > 0 {
            stack[index - 1].childEnded(at: end, began: stack[index].begin != nil)
        }
        switch stack[index].kind {
        case .br:
            if let begin = stack[index].begin, !stack[index].dropsText {
                appendRun(text: false, for: index, begin: begin)
            }
            clipRuns(of: index, end: end)
        case .span, .div, .body:
            clipRuns(of: index, end: end)
        case .p:
            clipRuns(of: index, end: end)
            let firstRun = stack[index].firstRun
            if firstRun < runs.count {
                paragraphs.append(TTMLParagraph(
                    id: stack[index].paragraphID, location: stack[index].position.location(in: file), runs: firstRun..<runs.count,
                    association: stack[index].association, textAlign: stack[index].textAlign))
            }
        case .set:
            recordAnimation(of: index, end: end)
        case .region:
            if let region = definitions.regionIndex[stack[index].identifier] {
                definitions.regions[region].end = stack[index].begin == nil ? .zero : end
            }
        default:
            break
        }
    }

    /// The element's active end before its ancestors clip it (SMIL 10.4 as
    /// constrained by TTML1 §10.4): with both `dur` and `end` the earlier
    /// one; else whichever is given; else the implicit duration: for `br` and
    /// `set` indefinite in a `par` parent and zero in a `seq` one; for a `par`
    /// container the latest end of its children (`endsync="all"`), for a
    /// `seq` container the end of its last child, and zero without children.
    /// `nil` is indefinite.
    private func activeEnd(of index: Int) -> MediaTime? {
        // Fields are read in place: copying the whole open element costs more than the rest.
        guard let begin = stack[index].begin else { return nil }
        let fromEnd = stack[index].explicitEnd.flatMap { end in stack[index].reference.map { MediaTime.sum($0, end) } }
        let fromDuration = stack[index].explicitDuration.map { MediaTime.sum(begin, $0) }
        if let fromEnd, let fromDuration { return min(fromEnd, fromDuration) }
        if let explicit = fromEnd ?? fromDuration { return explicit }
        let parentIsSequential = index > 0 && stack[index - 1].isSequential
        let kind = stack[index].kind
        switch kind {
        case .br, .set, .region:
            return parentIsSequential && kind != .region ? begin : nil
        default:
            guard stack[index].hasTimedChild else { return begin }
            if stack[index].isSequential { return stack[index].cursor }
            return stack[index].hasIndefiniteChild ? nil : max(begin, stack[index].latestChildEnd ?? begin)
        }
    }

    /// Ends the runs an element holds at its end. Their begins need no
    /// clipping: offsets are never negative, so nothing begins before its
    /// parent; and an element that never begins holds no runs.
    private mutating func clipRuns(of index: Int, end: MediaTime?) {
        let firstRun = stack[index].firstRun
        guard firstRun < runs.count, let end else { return }
        for run in firstRun..<runs.count where runs[run].end.map({ end < $0 }) ?? true {
            runs[run].end = end
        }
    }

    private mutating func recordAnimation(of index: Int, end: MediaTime?) {
        let element = stack[index]
        guard index > 0, let begin = element.begin, element.setHidden != nil || element.setDisplayNone != nil else { return }
        if let end, end <= begin { return }
        let animation = TTMLAnimation(begin: begin, end: end, hidden: element.setHidden, displayNone: element.setDisplayNone)
        let parent = stack[index - 1]
        if parent.kind == .region {
            if let region = definitions.regionIndex[parent.identifier] {
                definitions.regions[region].animations.append(animation)
                hasAnimations = true
            }
        } else if parent.record >= 0 {
            records[Int(parent.record)].animations.append(animation)
            hasAnimations = true
        }
    }

    // MARK: Text

    /// Turns the text gathered since the last tag into a run: an anonymous
    /// span, active over its parent in a `par` container (which makes the
    /// parent's implicit duration indefinite) and of zero duration in a `seq`
    /// one, where it is never shown (TTML1 §10.4).
    private mutating func flushText() {
        guard !text.isEmpty else { return }
        defer { text.removeAll(keepingCapacity: true) }
        let index = stack.count - 1
        guard index >= 0, stack[index].kind == .p || stack[index].kind == .span, let begin = stack[index].begin else { return }
        stack[index].hasTimedChild = true
        guard !stack[index].isSequential else { return }
        stack[index].hasIndefiniteChild = true
        appendRun(text: true, for: index, begin: begin)
    }

    /// Adds a run for the element at `index` of the stack: the gathered text
    /// (whitespace collapsed unless `xml:space="preserve"`), or a line break.
    private mutating func appendRun(text isText: Bool, for index: Int, begin: MediaTime) {
        let start = textBytes.count
        var isBlank = true
        if isText {
            if stack[index].preservesSpace {
                textBytes.append(contentsOf: text)
                isBlank = !text.contains { !$0.isXMLWhitespace }
            } else {
                // xml:space="default" (TTML1 §7.2.3): each whitespace run becomes
                // one space (collapsed in place); spaces at line ends go when
                // lines are assembled.
                var count = 0
                var inSpace = false
                text.withUnsafeMutableBufferPointer { bytes in
                    for byte in bytes {
                        if byte.isXMLWhitespace {
                            if !inSpace {
                                bytes[count] = 0x20
                                count += 1
                            }
                            inSpace = true
                        } else {
                            bytes[count] = byte
                            count += 1
                            inSpace = false
                            isBlank = false
                        }
                    }
                }
                text.withUnsafeBufferPointer { textBytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[..<count])) }
            }
        }
        let element = stack[index]
        runs.append(TTMLRun(
            textStart: Int32(start), textLength: isText ? Int32(textBytes.count - start) : -1, isBlank: isBlank,
            begin: begin, end: nil, association: element.association, markup: element.markup,
            preservesSpace: element.preservesSpace, hidden: element.hidden, displayNone: element.displayNone,
            element: element.record))
    }

    // MARK: Attributes shared by several elements

    private mutating func readStyle(_ attribute: XMLAttribute, into style: inout TTMLStyle, at position: XMLPosition) {
        let name = attribute.localName.string
        let value = attribute.value
        if !style.read(name, value) {
            diagnostics.warn("ttml-style", "tts:\(name)=\"\(value)\" is not a valid value; it is ignored", at: position)
        }
    }

    private mutating func languageIndex(_ value: String) -> Int32 {
        let tag = value.trimmingXMLWhitespace
        if let language, tag.lowercased() == language.lowercased() { return -1 }
        if language == nil, tag.isEmpty { return -1 }
        return languages.index(of: tag)
    }

    /// The style set a `style` attribute references, with a warning for each
    /// identifier that names no style.
    private mutating func referencedStyle(_ attribute: XMLAttribute, at position: XMLPosition) -> TTMLStyle {
        if let style = lastStyleReference.lookup(attribute.rawValue) { return style }
        let (referenced, unknown) = definitions.combined(attribute: attribute.value)
        for id in unknown {
            diagnostics.warn("ttml-style", "style \"\(id)\" is not defined; the reference is ignored", at: position)
        }
        if unknown.isEmpty { lastStyleReference.remember(attribute.rawValue, as: referenced) }
        return referenced
    }

    /// ``voiceIndex(_:at:)`` of a `ttm:agent` attribute.
    private mutating func voiceIndex(_ attribute: XMLAttribute, at position: XMLPosition) -> Int32 {
        if let index = lastAgent.lookup(attribute.rawValue) { return index }
        let value = attribute.value
        let index = voiceIndex(value, at: position)
        // Only what the cache keeps: an undeclared agent past it warns each time.
        if agentCache[value] != nil { lastAgent.remember(attribute.rawValue, as: index) }
        return index
    }

    /// The speaker index for a `ttm:agent` value (IDREFS): the agents' names,
    /// joined when there are several.
    private mutating func voiceIndex(_ value: String, at position: XMLPosition) -> Int32 {
        if let cached = agentCache[value] { return cached }
        let ids = value.split(whereSeparator: \.isXMLWhitespace).map(String.init)
        var names: [String] = []
        for id in ids {
            if let agent = definitions.agents[id] {
                names.append(agent.displayName)
            } else {
                diagnostics.warn("ttml-agent", "agent \"\(id)\" is not declared in <head>; its identifier is used as the name", at: position)
                names.append(id)
            }
        }
        let index: Int32 = names.isEmpty ? -1 : voices.index(of: names.joined(separator: ", "))
        if agentCache.count < 4096 { agentCache[value] = index }
        return index
    }
}

/// Hands libxml2's events to a ``TTMLDocumentBuilder``; the builder is a
/// value, so its many field accesses need no run-time exclusivity checks.
final class TTMLParseHandler: XMLEventHandler {
    var builder: TTMLDocumentBuilder

    init(file: String?, expectedSize: Int) {
        builder = TTMLDocumentBuilder(file: file, expectedSize: expectedSize)
    }

    func startElement(_ element: XMLElementStart, at position: XMLPosition) throws(CaptionError) {
        try builder.startElement(element, at: position)
    }

    func endElement(localName: XMLName, namespace: XMLName?, at position: XMLPosition) throws(CaptionError) {
        try builder.endElement(localName: localName, namespace: namespace, at: position)
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) throws(CaptionError) {
        try builder.characters(text)
    }
}

extension TTMLDocumentBuilder.OpenElement {
    /// Folds a child's active end into this container's implicit duration.
    fileprivate mutating func childEnded(at end: MediaTime?, began: Bool) {
        hasTimedChild = true
        if isSequential {
            cursor = began ? end : nil
        } else if began {
            if let end {
                latestChildEnd = latestChildEnd.map { max($0, end) } ?? end
            } else {
                hasIndefiniteChild = true
            }
        }
    }
}

/// Strings that runs refer to by index, each stored once.
struct TTMLNameTable: Sendable {
    private(set) var names: [String] = []
    private var indices: [String: Int32] = [:]

    mutating func index(of name: String) -> Int32 {
        if let index = indices[name] { return index }
        let index = Int32(names.count)
        names.append(name)
        indices[name] = index
        return index
    }

    subscript(index: Int32) -> String? {
        index >= 0 && Int(index) < names.count ? names[Int(index)] : nil
    }
}

/// The reader's warnings, with repeats of one kind capped so a large broken
/// file reports each problem a few times and then how often it recurred.
struct TTMLDiagnostics: Sendable {
    static let perCode = 10
    let file: String?
    private(set) var list: [Diagnostic] = []
    private var counts: [String: Int] = [:]

    init(file: String?) {
        self.file = file
    }

    mutating func warn(_ code: String, _ message: String, at position: XMLPosition) {
        let count = counts[code, default: 0] + 1
        counts[code] = count
        if count <= TTMLDiagnostics.perCode {
            list.append(Diagnostic(.warning, code: code, message, at: position.location(in: file)))
        }
    }

    /// The warnings, with one closing note per kind that was capped.
    func finished() -> [Diagnostic] {
        var result = list
        for (code, count) in counts.sorted(by: { $0.key < $1.key }) where count > TTMLDiagnostics.perCode {
            result.append(Diagnostic(.warning, code: code, "\(count - TTMLDiagnostics.perCode) more warnings like the above (\(code))", at: SourceLocation(file: file, line: 1)))
        }
        return result
    }
}
