/// Writes a transcript as JSON for other tools: the details, then the
/// paragraphs with their speaker and times, and their sentences with times
/// and their runs of speech and sound description. Times are seconds,
/// rounded to the millisecond.
///
/// ```json
/// {
///   "title": "Port Ellery floods",
///   "source": "port-ellery-floods.vtt",
///   "language": "en-GB",
///   "duration": 138.893,
///   "speakers": ["Helen Okafor", "Tom Reyes"],
///   "sentenceBreaks": "punctuation",
///   "repeatedWords": 0,
///   "paragraphs": [
///     {
///       "kind": "speech", "speaker": "Helen Okafor", "startsTurn": true,
///       "start": 4, "end": 28.573, "text": "Good evening. ...",
///       "sentences": [
///         { "start": 4, "end": 5.2, "text": "Good evening.",
///           "parts": [{ "text": "Good evening.", "sound": false }] }
///       ]
///     }
///   ]
/// }
/// ```
///
/// A part in another language than the captions' (`<lang fr>`) also has
/// `"language": "fr"`.
struct JSONTranscriptWriter {
    let transcript: Transcript
    let presentation: Transcript.Presentation

    func write() -> String {
        let paragraphs = transcript.paragraphs.map { paragraph -> JSONValue in
            .object([
                ("kind", .string(paragraph.kind.rawValue)),
                ("speaker", .optional(paragraph.speaker)),
                ("startsTurn", .bool(paragraph.startsTurn)),
                ("start", .seconds(paragraph.start)),
                ("end", .seconds(paragraph.end)),
                ("text", .string(paragraph.text)),
                ("sentences", .array(paragraph.sentences.map { sentence in
                    .object([
                        ("start", .seconds(sentence.start)),
                        ("end", .seconds(sentence.end)),
                        ("text", .string(sentence.text)),
                        ("parts", .array(sentence.parts.map { part in
                            .object([("text", .string(part.text)), ("sound", .bool(part.isSoundDescription))]
                                    + (part.language.map { [("language", JSONValue.string($0))] } ?? []))
                        })),
                    ])
                })),
            ])
        }
        let document: JSONValue = .object([
            ("title", .optional(presentation.title)),
            ("source", .optional(presentation.sourceName)),
            ("language", .optional(transcript.resolvedLanguage(presentation))),
            ("duration", .seconds(transcript.duration)),
            ("speakers", .array(transcript.speakers.map(JSONValue.string))),
            ("sentenceBreaks", .string(transcript.sentenceBreaks.rawValue)),
            ("repeatedWords", .number(Double(transcript.repeatedWordCount))),
            ("paragraphs", .array(paragraphs)),
        ])
        return document.serialized() + "\n"
    }
}
