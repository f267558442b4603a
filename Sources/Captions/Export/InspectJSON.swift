extension CaptionDocument {
    /// The document as the `captions inspect` JSON: property names follow the
    /// HTML `VTTCue` and `VTTRegion` interfaces, times are seconds rounded to
    /// the millisecond, and cue text is WebVTT cue text.
    public var inspectJSON: JSONValue {
        .object(inspectMembers(cues: .array(cues.map(Self.inspectJSON(for:)))))
    }

    /// The ``inspectJSON`` text as UTF-8, pretty-printed, written one cue at a
    /// time: the JSON values of a large document's cues never exist all at
    /// once, nor a second copy of the text, so the memory is the document
    /// and its text.
    public var inspectJSONBytes: [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "{")]
        for (index, (key, value)) in inspectMembers(cues: .array([])).enumerated() {
            out.append(contentsOf: (index == 0 ? "\n  \"" : ",\n  \"").utf8)
            out.append(contentsOf: key.utf8)
            out.append(contentsOf: "\": ".utf8)
            guard key == "cues", !cues.isEmpty else {
                Self.append(value.serialized(indentLevel: 1), to: &out)
                continue
            }
            out.append(UInt8(ascii: "["))
            for (position, cue) in cues.enumerated() {
                out.append(contentsOf: (position == 0 ? "\n    " : ",\n    ").utf8)
                Self.append(Self.inspectJSON(for: cue).serialized(indentLevel: 2), to: &out)
            }
            out.append(contentsOf: "\n  ]".utf8)
        }
        out.append(contentsOf: "\n}".utf8)
        return out
    }

    /// Appends a string's UTF-8 in one copy (appending its `utf8` view goes byte by byte).
    private static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { out.append(contentsOf: $0) }
    }

    /// The top-level members, in the contract's order (keys need no escaping).
    private func inspectMembers(cues: JSONValue) -> [(String, JSONValue)] {
        [
            ("format", .string(format.map(Self.inspectFormatName) ?? "webvtt")),
            ("cues", cues),
            ("regions", .array(regions.map(Self.inspectJSON(for:)))),
            ("stylesheets", .array(styleSheets.map(JSONValue.string))),
        ]
    }

    private static func inspectFormatName(_ format: CaptionFormat) -> String {
        switch format {
        case .srt: "srt"
        case .webvtt: "webvtt"
        case .ttml: "ttml"
        }
    }

    static func inspectJSON(for cue: Cue) -> JSONValue {
        let s = cue.settings
        let line: JSONValue
        switch s.line {
        case .auto: line = "auto"
        case .number(let n), .percentage(let n): line = .number(n)
        }
        return .object([
            ("id", .string(cue.id)),
            ("startTime", .seconds(cue.start)),
            ("endTime", .seconds(cue.end)),
            ("text", .string(WebVTTCueText.serialize(cue.content))),
            ("vertical", .string(s.vertical.rawValue)),
            ("snapToLines", .bool(s.snapToLines)),
            ("line", line),
            ("lineAlign", .string(s.lineAlign.rawValue)),
            ("position", s.position.map(JSONValue.number) ?? "auto"),
            ("positionAlign", .string(s.positionAlign.rawValue)),
            ("size", .number(s.size)),
            ("align", .string(s.align.rawValue)),
            ("region", .optional(s.region)),
        ])
    }

    static func inspectJSON(for region: Region) -> JSONValue {
        .object([
            ("id", .string(region.id)),
            ("width", .number(region.width)),
            ("lines", .number(Double(region.lines))),
            ("regionAnchorX", .number(region.regionAnchorX)),
            ("regionAnchorY", .number(region.regionAnchorY)),
            ("viewportAnchorX", .number(region.viewportAnchorX)),
            ("viewportAnchorY", .number(region.viewportAnchorY)),
            ("scroll", .string(region.scroll.rawValue)),
        ])
    }
}
