import Captions
import Testing

/// Small builders shared by the SRT tests.
enum SRT {
    /// Reads SRT text with the SRT reader.
    static func read(_ text: String, file: String = "test.srt") throws -> ReadResult {
        try SRTReader().read(Array(text.utf8), file: file)
    }

    /// Reads one cue whose text lines are `cueText`, and returns it.
    static func cue(_ cueText: String) throws -> Cue {
        let result = try read("1\n00:00:01,000 --> 00:00:02,000\n\(cueText)\n")
        return try #require(result.document.cues.first)
    }

    /// Writes a document with the SRT writer and returns the text.
    static func write(_ document: CaptionDocument, lineEnding: SRTWriter.LineEnding = .lf) -> WriteResult {
        SRTWriter(lineEnding: lineEnding).write(document)
    }

    /// A span node, for expectations.
    static func span(_ kind: CueSpan.Kind, _ children: CueNode..., classes: [String] = [], annotation: String? = nil) -> CueNode {
        .span(CueSpan(kind: kind, classes: classes, annotation: annotation, children: children))
    }

    /// A time of whole milliseconds, for expectations.
    static func ms(_ milliseconds: Int64) -> MediaTime { MediaTime(milliseconds: milliseconds) }

    /// The diagnostics' codes and line numbers, in order.
    static func codesAndLines(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.code)@\($0.location.line)" }
    }
}

