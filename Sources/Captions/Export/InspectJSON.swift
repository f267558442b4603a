extension CaptionDocument {
    /// The document as the `captions inspect` JSON: property names follow the
    /// HTML `VTTCue` and `VTTRegion` interfaces, times are seconds rounded to
    /// the millisecond, and cue text is WebVTT cue text.
    public var inspectJSON: JSONValue {
        .object([
            ("format", .string(format.map(Self.inspectFormatName) ?? "webvtt")),
            ("cues", .array(cues.map(Self.inspectJSON(for:)))),
            ("regions", .array(regions.map(Self.inspectJSON(for:)))),
            ("stylesheets", .array(styleSheets.map(JSONValue.string))),
        ])
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
