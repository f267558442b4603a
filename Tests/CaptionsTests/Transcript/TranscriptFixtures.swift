import Captions
import Foundation

/// The transcript test fixtures, read the way the command line reads them.
enum TranscriptFixtures {
    static let folder = "transcript"

    /// The document in `Fixtures/transcript/NAME`, format sniffed.
    static func document(_ name: String) throws -> CaptionDocument {
        try CaptionDocument.read(FixtureFiles.bytes("\(folder)/\(name)"), format: nil, file: name).document
    }

    /// The transcript of a fixture.
    static func transcript(_ name: String, descriptions: String? = nil, options: Transcript.Options = .init()) throws -> Transcript {
        Transcript(try document(name), descriptions: try descriptions.map(document), options: options)
    }

    /// The plain text of a fixture's transcript.
    static func text(_ name: String, _ presentation: Transcript.Presentation = .init()) throws -> String {
        try transcript(name).rendered(as: .text, presentation: presentation).text
    }

    /// The path of a fixture, for the command line.
    static func path(_ name: String) -> String {
        FixtureFiles.fixtures.appendingPathComponent("\(folder)/\(name)").path
    }

    /// Seconds as a time, to the millisecond.
    static func time(_ seconds: Double) -> MediaTime {
        MediaTime(milliseconds: Int64((seconds * 1000).rounded()))
    }
}
