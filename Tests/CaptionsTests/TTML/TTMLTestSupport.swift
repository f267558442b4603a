import Testing
@testable import Captions

/// Builds TTML documents for tests: the usual namespaces on `<tt>`, and the
/// given parameters, head and body.
enum TTMLSample {
    static let namespaces = """
        xmlns="http://www.w3.org/ns/ttml" xmlns:tts="http://www.w3.org/ns/ttml#styling" \
        xmlns:ttp="http://www.w3.org/ns/ttml#parameter" xmlns:ttm="http://www.w3.org/ns/ttml#metadata"
        """

    static func document(parameters: String = "", head: String = "", body: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <tt \(namespaces) xml:lang="en" \(parameters)>
        <head>\(head)</head>
        <body>\(body)</body>
        </tt>
        """
    }

    /// Reads TTML given inline.
    static func read(_ text: String, file: String = "t.ttml") throws -> ReadResult {
        try TTMLReader().read(Array(text.utf8), file: file)
    }

    /// Reads a document made by ``document(parameters:head:body:)``.
    static func read(parameters: String = "", head: String = "", body: String) throws -> CaptionDocument {
        try read(document(parameters: parameters, head: head, body: body)).document
    }

    /// Reads a fixture from `Fixtures/ttml`.
    static func fixture(_ name: String) throws -> ReadResult {
        try TTMLReader().read(try FixtureFiles.bytes("ttml/" + name), file: name)
    }
}

/// An exact time from its decimal text, so expectations read as written: `seconds("1.48")`.
func seconds(_ text: String) -> MediaTime {
    let parts = text.split(separator: ".")
    let whole = Int64(parts[0])!
    guard parts.count == 2 else { return MediaTime(seconds: whole) }
    var denominator: Int64 = 1
    for _ in parts[1] { denominator *= 10 }
    return MediaTime(numerator: whole * denominator + Int64(parts[1])!, denominator: denominator)
}

extension Cue {
    /// The cue text as WebVTT cue text (what `captions inspect` prints).
    var markup: String { WebVTTCueText.serialize(content) }
}

/// A cue's times and text, for compact expectations.
struct TimedText: Equatable, CustomStringConvertible {
    var start: MediaTime
    var end: MediaTime?
    var text: String

    init(_ start: MediaTime, _ end: MediaTime?, _ text: String) {
        self.start = start
        self.end = end
        self.text = text
    }

    init(_ cue: Cue) {
        self.init(cue.start, cue.end, cue.markup)
    }

    var description: String { "[\(start), \(end.map(\.description) ?? "nil")) \(text.debugDescription)" }
}

extension Array where Element == Cue {
    var timed: [TimedText] { map(TimedText.init) }
}

/// Cue settings for a positioned cue: a line percentage, and a box from
/// `position` (line-left) `size` wide.
func placement(
    line: Double, _ lineAlign: CueSettings.LineAlign = .start, position: Double, size: Double,
    positionAlign: CueSettings.PositionAlign = .lineLeft, align: CueSettings.TextAlign = .center
) -> CueSettings {
    var settings = CueSettings()
    settings.line = .percentage(line)
    settings.lineAlign = lineAlign
    settings.position = position
    settings.positionAlign = positionAlign
    settings.size = size
    settings.align = align
    return settings
}
