import Captions
import Testing

/// Text that a writer must escape so its own reader reads the cue back as
/// written, found by the round-trip fuzzer.
@Suite("Round-trip escapes")
struct RoundTripEscapeTests {
    static func cue(_ text: String) -> CaptionDocument {
        CaptionDocument(cues: [
            Cue(start: MediaTime(seconds: 1), end: MediaTime(seconds: 2), content: [.text(text)]),
            Cue(start: MediaTime(seconds: 3), end: MediaTime(seconds: 4), content: [.text("Next")]),
        ])
    }

    /// The SRT reader takes `->`, `- >` and `-->` between two times for a
    /// timing line; the writer must not let cue text form one.
    @Test(arguments: ["0:0:7,5 -> 0:00:09,05", "00:00:05,000 --> 00:00:06,000", "1:00 - > 2:00 X1:40"])
    func aTextLineThatLooksLikeSRTTimesStaysTextInTheCue(_ line: String) throws {
        let written = SRTWriter().write(Self.cue("Before\n" + line + "\nAfter"))
        let read = try SRTReader().read(written.bytes, file: "t.srt")
        #expect(read.document.cues.map(\.plainText) == ["Before\n" + line + "\nAfter", "Next"])
        #expect(read.diagnostics.isEmpty)
    }

    /// A CR in cue text ends a line for the reader, so the writer ends the
    /// line there too; two in a row would otherwise be a blank line.
    @Test func carriageReturnsInSRTTextBecomeLineBreaks() throws {
        let written = SRTWriter().write(Self.cue("one\rtwo\r\rthree\r\nfour"))
        #expect(written.text == "1\n00:00:01,000 --> 00:00:02,000\none\ntwo\nthree\nfour\n\n2\n00:00:03,000 --> 00:00:04,000\nNext\n\n")
    }
}
