/// Writes documents as TTML in the IMSC1 text profile, which ``TTMLReader``
/// reads back to the same cues.
///
/// Each cue becomes a `<p>` with its times and a region. The head declares:
/// - the speakers (`<v>`) as `ttm:agent`s with their `ttm:name`, which the
///   voice spans then reference with `ttm:agent` (and a voice's class as `ttm:role`);
/// - one style each for italic, bold, underline, every text colour (colour
///   classes from ``CaptionDocument/classColors``, the style sheets, or
///   WebVTT's default colour classes) and every text alignment;
/// - one region for each cue position (see ``TTMLRegionBox/init(settings:rows:)``).
///
/// Times are clock times (`00:01:02.500`) unless a frame rate is given, in
/// which case they are frame time codes (`00:01:02:12`) with
/// `ttp:frameRate` and `ttp:frameRateMultiplier`. What TTML cannot carry
/// (inline timestamps, classes that are not colours, comments, style sheets
/// beyond text colours, region scrolling) is tallied in ``WriteResult/losses``.
public struct TTMLWriter: CaptionWriting {
    /// The frame rate of frame time codes, or `nil` for clock times.
    public var frameRate: FrameRate?

    /// Creates a writer.
    ///
    /// - Parameter frameRate: write times as `HH:MM:SS:FF` frame time codes at
    ///   this rate (for example 25, or 30000/1001 with drop-frame labels), or
    ///   `nil` for clock times with milliseconds.
    public init(frameRate: FrameRate? = nil) {
        self.frameRate = frameRate
    }

    /// Encodes a document as TTML.
    ///
    /// - Parameter document: the document, from any format.
    /// - Returns: UTF-8 bytes, the conversion losses and warnings.
    /// - Complexity: O(n) in the size of the document.
    public func write(_ document: CaptionDocument) -> WriteResult {
        var output = TTMLOutput(document: document, times: TTMLTimeFormatter(frameRate: frameRate))
        return output.write()
    }
}

/// One TTML document being written.
private struct TTMLOutput {
    let document: CaptionDocument
    let times: TTMLTimeFormatter
    /// The colour of each class, from the document and its style sheets.
    let classColors: [String: String]
    var losses = ConversionLosses()
    var diagnostics: [Diagnostic] = []

    /// Every `xml:id` given out, so none is given twice.
    private var identifiers = Set<String>()
    private var regions: [(id: String, box: TTMLRegionBox)] = []
    private var regionIndex: [TTMLRegionBox: String] = [:]
    private var agents: [(id: String, name: String)] = []
    private var agentIndex: [String: String] = [:]
    private var styles: [(id: String, attribute: String, value: String)] = []
    private var styleIndex: [String: String] = [:]
    private var usesRuby = false

    init(document: CaptionDocument, times: TTMLTimeFormatter) {
        self.document = document
        self.times = times
        classColors = ColorClasses.colors(inStyleSheets: document.styleSheets).merging(document.classColors) { $1 }
    }

    mutating func write() -> WriteResult {
        // The body first: writing it finds the regions, speakers and styles the head declares.
        var body = XMLOutput(declaration: false)
        body.start("body")
        body.newline(indent: 2)
        body.start("div")
        for cue in document.cues {
            body.newline(indent: 3)
            writeParagraph(cue, to: &body)
        }
        body.newline(indent: 2)
        body.end("div")
        body.newline(indent: 1)
        body.end("body")
        recordDocumentLosses()

        var xml = XMLOutput()
        var root: [(key: String, value: String)] = [
            ("xmlns", TTMLNamespace.ttmlURI),
            ("xmlns:ttp", TTMLNamespace.parameterURI),
            ("xmlns:tts", TTMLNamespace.stylingURI),
            ("xmlns:ttm", TTMLNamespace.metadataURI),
        ]
        if !times.usesSMPTETimeBase {
            // IMSC1 keeps to the media time base; ruby needs IMSC 1.1.
            root.append(usesRuby
                ? ("ttp:contentProfiles", "http://www.w3.org/ns/ttml/profile/imsc1.1/text")
                : ("ttp:profile", "http://www.w3.org/ns/ttml/profile/imsc1/text"))
        }
        root += times.parameters
        root.append(("xml:lang", document.language ?? ""))
        xml.start("tt", attributes: root)
        xml.newline(indent: 1)
        writeHead(to: &xml)
        xml.newline(indent: 1)
        var tail = XMLOutput(declaration: false)
        tail.newline(indent: 0)
        tail.end("tt")
        tail.newline(indent: 0)
        return WriteResult(bytes: xml.bytes + body.bytes + tail.bytes, losses: losses, diagnostics: diagnostics)
    }

    // MARK: Head

    private mutating func writeHead(to xml: inout XMLOutput) {
        xml.start("head")
        if !agents.isEmpty {
            xml.newline(indent: 2)
            xml.start("metadata")
            for agent in agents {
                xml.newline(indent: 3)
                xml.start("ttm:agent", ["xml:id": agent.id, "type": "character"])
                xml.start("ttm:name", ["type": "full"])
                xml.text(agent.name)
                xml.end("ttm:name")
                xml.end("ttm:agent")
            }
            xml.newline(indent: 2)
            xml.end("metadata")
        }
        if !styles.isEmpty {
            xml.newline(indent: 2)
            xml.start("styling")
            for style in styles {
                xml.newline(indent: 3)
                xml.start("style", attributes: [("xml:id", style.id), (style.attribute, style.value)], selfClosing: true)
            }
            xml.newline(indent: 2)
            xml.end("styling")
        }
        xml.newline(indent: 2)
        xml.start("layout")
        for region in regions {
            xml.newline(indent: 3)
            var attributes: [(key: String, value: String)] = [
                ("xml:id", region.id),
                ("tts:origin", TTMLOutput.percentages(region.box.x, region.box.y)),
                ("tts:extent", TTMLOutput.percentages(region.box.width, region.box.height)),
                ("tts:displayAlign", region.box.displayAlign.rawValue),
            ]
            switch region.box.writingMode {
            case .horizontal: break
            case .rightToLeft: attributes.append(("tts:writingMode", "tbrl"))
            case .leftToRight: attributes.append(("tts:writingMode", "tblr"))
            }
            xml.start("region", attributes: attributes, selfClosing: true)
        }
        xml.newline(indent: 2)
        xml.end("layout")
        xml.newline(indent: 1)
        xml.end("head")
    }

    private static func percentages(_ a: Double, _ b: Double) -> String {
        "\(WebVTTNumber.format(TTMLRegionBox.rounded(a)))% \(WebVTTNumber.format(TTMLRegionBox.rounded(b)))%"
    }

    // MARK: Paragraphs

    private mutating func writeParagraph(_ cue: Cue, to xml: inout XMLOutput) {
        var attributes: [(key: String, value: String)] = []
        if !cue.id.isEmpty { attributes.append(("xml:id", cueIdentifier(cue.id))) }
        attributes.append(("begin", times.string(cue.start)))
        if let end = cue.end { attributes.append(("end", times.string(end))) }
        attributes.append(("region", region(for: cue)))
        attributes.append(("style", style("textAlign", cue.settings.align.rawValue, id: "align-" + cue.settings.align.rawValue)))
        xml.start("p", attributes: attributes)
        writeContent(cue.content, to: &xml)
        xml.end("p")
    }

    /// A valid, unused `xml:id` (an XML name) made from a cue identifier.
    private mutating func cueIdentifier(_ id: String) -> String {
        var name = String(String.UnicodeScalarView(id.unicodeScalars.map { TTMLOutput.isNameCharacter($0) ? $0 : "_" }))
        if let first = name.unicodeScalars.first, !(first.properties.isAlphabetic || first == "_") { name = "_" + name }
        if name != id { losses.record(.cueIdentifiers) }
        return unique(name)
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_" || scalar == "-" || scalar == "."
    }

    private mutating func unique(_ base: String) -> String {
        var name = base
        var suffix = 2
        while identifiers.contains(name) {
            name = "\(base)-\(suffix)"
            suffix += 1
        }
        identifiers.insert(name)
        return name
    }

    /// The region for a cue's position, declared on first use.
    private mutating func region(for cue: Cue) -> String {
        let settings = cue.settings
        var box = TTMLRegionBox(settings: settings)
        if case .number = settings.line { losses.record(.positions) }
        if let name = settings.region, settings.line == .auto, settings.size == 100, settings.vertical == .horizontal,
           let region = document.regions.first(where: { $0.id == name }) {
            // Inside a WebVTT region: the region's box, lines filling from the bottom.
            box = TTMLRegionBox(vttRegion: region)
            if region.scroll == .up { losses.record(.regions) }
        }
        if let id = regionIndex[box] { return id }
        let id = unique(box.isFullFrameAtBottom ? "bottom" : "region\(regions.count + 1)")
        regions.append((id, box))
        regionIndex[box] = id
        return id
    }

    /// The identifier of a head style setting one property, declared on first use.
    private mutating func style(_ property: String, _ value: String, id: String) -> String {
        let key = property + "=" + value
        if let id = styleIndex[key] { return id }
        let name = unique(id)
        styles.append((name, "tts:" + property, value))
        styleIndex[key] = name
        return name
    }

    private mutating func agent(named name: String) -> String {
        if let id = agentIndex[name] { return id }
        let base = String(String.UnicodeScalarView(name.unicodeScalars.map { TTMLOutput.isNameCharacter($0) ? $0 : "_" }))
        let id = unique("speaker-" + base)
        agents.append((id, name))
        agentIndex[name] = id
        return id
    }

    // MARK: Content

    /// Writes cue text as TTML inline content, without recursion so that
    /// deeply nested markup cannot exhaust the stack.
    private mutating func writeContent(_ nodes: [CueNode], to xml: inout XMLOutput) {
        enum Step {
            case node(CueNode)
            case close(String)
            case rubyBase([CueNode])
        }
        var steps: [Step] = nodes.reversed().map(Step.node)
        while let step = steps.popLast() {
            switch step {
            case .close(let name):
                xml.end(name)
            case .rubyBase(let base):
                xml.start("span", ["tts:ruby": "base"])
                steps.append(.close("span"))
                steps += base.reversed().map(Step.node)
            case .node(.text(let text)):
                writeText(text, to: &xml)
            case .node(.timestamp):
                losses.record(.inlineTimestamps)
            case .node(.span(let span)):
                let attributes = spanAttributes(span)
                if span.kind == .ruby {
                    usesRuby = true
                    xml.start("span", attributes: attributes + [("tts:ruby", "container")])
                    steps.append(.close("span"))
                    // Base text runs between annotations; TTML wraps each run in a base span.
                    var groups: [Step] = []
                    var base: [CueNode] = []
                    for child in span.children {
                        if case .span(let inner) = child, inner.kind == .rubyText {
                            if !base.isEmpty { groups.append(.rubyBase(base)) }
                            base = []
                            groups.append(.node(child))
                        } else {
                            base.append(child)
                        }
                    }
                    if !base.isEmpty { groups.append(.rubyBase(base)) }
                    steps += groups.reversed()
                } else if attributes.isEmpty && span.kind != .rubyText {
                    steps += span.children.reversed().map(Step.node)
                } else {
                    var all = attributes
                    if span.kind == .rubyText { all.append(("tts:ruby", "text")) }
                    xml.start("span", attributes: all)
                    steps.append(.close("span"))
                    steps += span.children.reversed().map(Step.node)
                }
            }
        }
    }

    private func writeText(_ text: String, to xml: inout XMLOutput) {
        var first = true
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !first { xml.start("br", selfClosing: true) }
            first = false
            if !line.isEmpty { xml.text(String(line)) }
        }
    }

    /// The attributes a span becomes: styles for italic, bold, underline and
    /// colour classes, `ttm:agent` and `ttm:role` for a voice, `xml:lang`.
    private mutating func spanAttributes(_ span: CueSpan) -> [(key: String, value: String)] {
        var attributes: [(key: String, value: String)] = []
        var styleIDs: [String] = []
        switch span.kind {
        case .italic: styleIDs.append(style("fontStyle", "italic", id: "italic"))
        case .bold: styleIDs.append(style("fontWeight", "bold", id: "bold"))
        case .underline: styleIDs.append(style("textDecoration", "underline", id: "underline"))
        case .voice:
            if let name = span.annotation, !name.isEmpty { attributes.append(("ttm:agent", agent(named: name))) }
        case .language:
            attributes.append(("xml:lang", span.annotation ?? ""))
        case .class, .ruby, .rubyText:
            break
        }
        var classes = span.classes[...]
        if span.kind == .voice, let role = classes.first, ColorClasses.color(ofClass: role, in: classColors) == nil {
            attributes.append(("ttm:role", TTMLOutput.role(role)))
            classes = classes.dropFirst()
        }
        for name in classes {
            if let css = ColorClasses.color(ofClass: name, in: classColors), let color = TTMLColor(parsing: css) {
                styleIDs.append(style("color", color.hex, id: name))
            } else {
                losses.record(.classes)
            }
        }
        if !styleIDs.isEmpty { attributes.insert(("style", styleIDs.joined(separator: " ")), at: 0) }
        return attributes
    }

    /// A `ttm:role` value for a class: TTML's own roles as they are, any
    /// other as an `x-` extension role.
    private static func role(_ name: String) -> String {
        let roles: Set<String> = [
            "action", "caption", "description", "dialog", "expletive", "kinesic", "lyrics", "music",
            "narration", "quality", "sound", "source", "suppressed", "reproduction", "thought", "title", "transcription",
        ]
        return roles.contains(name) || name.hasPrefix("x-") ? name : "x-" + name
    }

    // MARK: Losses

    private mutating func recordDocumentLosses() {
        losses.record(.comments, count: document.comments.count)
        // Style sheets reach TTML only as text colours.
        for sheet in document.styleSheets {
            let rules = sheet.utf8.filter { $0 == UInt8(ascii: "{") }.count
            if rules > ColorClasses.colors(inStyleSheets: [sheet]).count { losses.record(.styleSheets) }
        }
    }
}

extension TTMLRegionBox {
    /// The box of a WebVTT region, whose lines fill it from the bottom: its
    /// anchor point placed on the video, `lines` rows of 6% of the video
    /// height each (WebVTT's region line height).
    init(vttRegion region: Region) {
        self.init(settings: CueSettings())
        width = region.width
        height = min(100, Double(region.lines) * 6)
        x = region.viewportAnchorX - region.regionAnchorX * width / 100
        y = region.viewportAnchorY - region.regionAnchorY * height / 100
        displayAlign = .after
    }
}
