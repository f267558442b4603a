import Captions
import Foundation
import Testing

/// Inputs built to break a reader: one enormous line, a huge number of
/// empty cues, `-->` and NUL bytes in text, broken UTF-8, and markup nested
/// far deeper than any caption. Each gets a complete result or a clear
/// error, in time proportional to its size.
///
/// Sizes are chosen so each read takes a second or two in a debug build:
/// a reader with quadratic cost would take hours on them, so the suite's
/// time limit (a guard against hangs, not a speed assertion) still catches
/// one, while the suite stays fast. The full sizes the hardening issue names
/// (a 100 MB line, a million empty cues) are measured on the release build
/// in Docs/batches-and-hardening.md.
@Suite("Pathological input", .timeLimit(.minutes(2)))
struct PathologicalInputTests {
    /// Bytes in the single-line inputs.
    static let longLine = 4_000_000
    /// Cues in the many-cue inputs.
    static let manyCues = 200_000
    /// Reads `bytes` as `format`.
    static func read(_ bytes: [UInt8], as format: CaptionFormat) throws -> ReadResult {
        try format.reader.read(bytes, file: "hostile")
    }

    /// How deep spans nest in `nodes`, found without recursion.
    static func depth(_ nodes: [CueNode]) -> Int {
        var deepest = 0
        var stack = [(nodes, 1)]
        while let (level, depth) = stack.popLast() {
            for case .span(let span) in level {
                deepest = max(deepest, depth)
                stack.append((span.children, depth + 1))
            }
        }
        return deepest
    }

    // MARK: One enormous line

    @Test func aCueOfOneEnormousLineIsReadWhole() throws {
        let text = [UInt8](repeating: UInt8(ascii: "x"), count: Self.longLine)
        let srt = try Self.read(Array("1\n00:00:01,000 --> 00:00:02,000\n".utf8) + text + [0x0A], as: .srt)
        let vtt = try Self.read(Array("WEBVTT\n\n00:01.000 --> 00:02.000\n".utf8) + text + [0x0A], as: .webvtt)
        for document in [srt.document, vtt.document] {
            #expect(document.cues.count == 1)
            #expect(document.cues.first?.plainText.utf8.count == Self.longLine)
        }
    }

    @Test func anEnormousLineWithNoCueIsAClearError() throws {
        let line = [UInt8](repeating: UInt8(ascii: "y"), count: Self.longLine)
        for format in [CaptionFormat.srt, .webvtt] {
            #expect {
                _ = try Self.read(line, as: format)
            } throws: { error in
                let error = error as? CaptionError
                return error?.kind == .invalidInput && error?.location == SourceLocation(file: "hostile", line: 1, column: 1)
            }
        }
    }

    @Test func anEnormousWebVTTHeaderLineIsKept() throws {
        let title = [UInt8](repeating: UInt8(ascii: "t"), count: Self.longLine)
        let result = try Self.read(Array("WEBVTT ".utf8) + title + Array("\n\n00:01.000 --> 00:02.000\nHello\n".utf8), as: .webvtt)
        #expect(result.document.header.utf8.count == Self.longLine + 1)
        #expect(result.document.cues.map(\.plainText) == ["Hello"])
    }

    // MARK: A huge number of empty cues

    @Test func everyOneOfManyEmptySRTCuesIsKept() throws {
        var file: [UInt8] = []
        file.reserveCapacity(Self.manyCues * 34)
        for i in 1...Self.manyCues {
            file += Array("\(i)\n00:00:01,000 --> 00:00:02,000\n\n".utf8)
        }
        let result = try Self.read(file, as: .srt)
        #expect(result.document.cues.count == Self.manyCues)
        #expect(result.document.cues.allSatisfy { $0.content.isEmpty })
        #expect(result.document.cues.last?.id == "\(Self.manyCues)")
    }

    @Test func everyOneOfManyEmptyWebVTTCuesIsKept() throws {
        let cue = Array("00:01.000 --> 00:02.000\n\n".utf8)
        var file = Array("WEBVTT\n\n".utf8)
        file.reserveCapacity(file.count + Self.manyCues * cue.count)
        for _ in 0..<Self.manyCues { file += cue }
        let result = try Self.read(file, as: .webvtt)
        #expect(result.document.cues.count == Self.manyCues)
        #expect(result.document.cues.allSatisfy { $0.content.isEmpty })
    }

    @Test func manyBlankLinesAloneGiveAnEmptyDocument() throws {
        let blank = [UInt8](repeating: 0x0A, count: Self.longLine)
        #expect(try Self.read(blank, as: .srt).document.cues.isEmpty)
        #expect(try Self.read(Array("WEBVTT".utf8) + blank, as: .webvtt).document.cues.isEmpty)
    }

    // MARK: "-->" in cue text

    @Test func anArrowInSRTTextIsText() throws {
        let file = "1\n00:00:01,000 --> 00:00:02,000\nHe said --> go\n\n2\n00:00:03,000 --> 00:00:04,000\nNext\n"
        let cues = try Self.read(Array(file.utf8), as: .srt).document.cues
        #expect(cues.map(\.plainText) == ["He said --> go", "Next"])
    }

    /// WebVTT "collect a WebVTT block": a line with "-->" after the cue's
    /// first text line ends the cue and starts a new block, whose timings
    /// fail to parse, so that block is dropped (with a warning); the cues
    /// around it are kept.
    @Test func anArrowInWebVTTTextEndsTheCueAsTheSpecificationSays() throws {
        let file = "WEBVTT\n\n00:01.000 --> 00:02.000\nfirst\nA --> B\nlast\n\n00:03.000 --> 00:04.000\nNext\n"
        let result = try Self.read(Array(file.utf8), as: .webvtt)
        #expect(result.document.cues.map(\.plainText) == ["first", "Next"])
        #expect(result.diagnostics.contains { $0.severity == .warning && $0.location.line == 5 })
    }

    // MARK: NUL bytes

    @Test func nulBytesNeitherEndTheTextNorTheFile() throws {
        let srt = try Self.read(Array("1\n00:00:01,000 --> 00:00:02,000\nA\u{0}B\n\n2\n00:00:03,000 --> 00:00:04,000\nC\n".utf8), as: .srt)
        #expect(srt.document.cues.map(\.plainText) == ["A\u{0}B", "C"])
        // WebVTT preprocessing replaces NUL with U+FFFD.
        let vtt = try Self.read(Array("WEBVTT\n\n00:01.000 --> 00:02.000\nA\u{0}B\n\n00:03.000 --> 00:04.000\nC\n".utf8), as: .webvtt)
        #expect(vtt.document.cues.map(\.plainText) == ["A\u{FFFD}B", "C"])
    }

    @Test func aFileOfNulBytesIsAClearError() throws {
        let nul = [UInt8](repeating: 0, count: 1_000_000)
        for format in [CaptionFormat.srt, .webvtt] {
            #expect(throws: CaptionError.self) { _ = try Self.read(nul, as: format) }
        }
    }

    // MARK: Broken UTF-8

    /// One stray byte in a UTF-8 file costs one character, with a warning
    /// at its place, instead of turning the file's every accent into two
    /// wrong characters (a Windows-1252 reading would make "café" "cafÃ©").
    @Test func aStrayByteInUTF8TextBecomesOneReplacementCharacter() throws {
        let text: [UInt8] = Array("café ".utf8) + [0xFF] + Array(" naïve\n".utf8)
        let srt = try Self.read(Array("1\n00:00:01,000 --> 00:00:02,000\n".utf8) + text, as: .srt)
        let vtt = try Self.read(Array("WEBVTT\n\n00:01.000 --> 00:02.000\n".utf8) + text, as: .webvtt)
        #expect(srt.document.cues.map(\.plainText) == ["café \u{FFFD} naïve"])
        #expect(vtt.document.cues.map(\.plainText) == ["café \u{FFFD} naïve"])
        #expect(srt.diagnostics.map(\.description) == ["hostile:3:7: warning: replaced an invalid UTF-8 sequence with U+FFFD, starting here"])
        #expect(vtt.diagnostics.map(\.description) == ["hostile:4:7: warning: replaced an invalid UTF-8 sequence with U+FFFD, starting here"])
    }

    @Test func aTruncatedSequenceAtTheEndOfAFileIsReplaced() throws {
        // "é" is C3 A9; the file ends after its first byte.
        let result = try Self.read(Array("1\n00:00:01,000 --> 00:00:02,000\ncafé et caf".utf8) + [0xC3], as: .srt)
        #expect(result.document.cues.map(\.plainText) == ["café et caf\u{FFFD}"])
    }

    @Test func textWithNoUTF8SequenceIsStillReadAsWindows1252() throws {
        // "café – déjà" in Windows-1252: E9 for é, 96 for the en dash, E0 for à.
        let text: [UInt8] = Array("caf".utf8) + [0xE9, 0x20, 0x96, 0x20, 0x64, 0xE9, 0x6A, 0xE0, 0x0A]
        let result = try Self.read(Array("1\n00:00:01,000 --> 00:00:02,000\n".utf8) + text, as: .srt)
        #expect(result.document.cues.map(\.plainText) == ["café – déjà"])
    }

    @Test func brokenSequencesAfterAUTF8ByteOrderMarkAreReplaced() {
        let decoded = TextEncoding.decode([0xEF, 0xBB, 0xBF] + Array("ab\n".utf8) + [0xE9, 0x0A])
        #expect(decoded.utf8 == Array("ab\n\u{FFFD}\n".utf8))
        #expect(decoded.replacement?.count == 1)
        #expect(decoded.replacement?.line == 2)
        #expect(decoded.replacement?.column == 1)
    }

    // MARK: Deep nesting

    @Test func deeplyNestedWebVTTTagsAreBounded() throws {
        let levels = 100_000
        let text = String(repeating: "<b>", count: levels) + "deep" + String(repeating: "</b>", count: levels)
        let result = try Self.read(Array("WEBVTT\n\n00:01.000 --> 00:02.000\n\(text)\n".utf8), as: .webvtt)
        let cue = try #require(result.document.cues.first)
        #expect(cue.plainText == "deep")
        #expect(Self.depth(cue.content) <= 64)
        #expect(result.diagnostics.contains { $0.code == "nesting-too-deep" })
    }

    @Test func deeplyNestedSRTTagsAreBounded() throws {
        let levels = 100_000
        let text = String(repeating: "<i>", count: levels) + "deep" + String(repeating: "</i>", count: levels)
        let result = try Self.read(Array("1\n00:00:01,000 --> 00:00:02,000\n\(text)\n".utf8), as: .srt)
        let cue = try #require(result.document.cues.first)
        #expect(cue.plainText == "deep")
        #expect(Self.depth(cue.content) <= 32)
    }

    @Test func manyUnclosedWebVTTTagsAcrossManyCuesStayBounded() throws {
        var file = "WEBVTT\n\n"
        for i in 0..<1000 {
            file += "00:01.000 --> 00:02.000\n" + String(repeating: "<c.a><i><u>", count: 200) + "cue \(i)\n\n"
        }
        let cues = try Self.read(Array(file.utf8), as: .webvtt).document.cues
        #expect(cues.count == 1000)
        #expect(cues.allSatisfy { Self.depth($0.content) <= 64 })
        #expect(cues.last?.plainText == "cue 999")
    }
}

/// What a whole `captions convert` run costs on pathological files, measured
/// on the process itself: it stays within a small multiple of the input's size.
@Suite("Pathological input: cost of a run")
struct PathologicalRunCostTests {
    /// Megabytes every run needs whatever its input (runtime, libraries, buffers).
    static let baseline = 64 << 20

    static func convert(_ content: [UInt8], named name: String) throws -> (MeasuredRun, Int) {
        let dir = try FixtureFiles.temporaryDirectory()
        let input = dir.appendingPathComponent(name)
        try Data(content).write(to: input)
        let run = try MeasuredRun.captions(["convert", input.path, "--to", "vtt", "-o", dir.appendingPathComponent("out.vtt").path])
        return (run, content.count)
    }

    @Test func convertingOneEnormousLineNeedsMemoryInProportion() throws {
        let file = Array("1\n00:00:01,000 --> 00:00:02,000\n".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 4_000_000) + [0x0A]
        let (run, size) = try Self.convert(file, named: "line.srt")
        #expect(run.status == 0)
        #expect(run.peakMemory > 0, "the peak could not be measured")
        #expect(run.peakMemory < Self.baseline + 12 * size, "peak \(run.peakMemory >> 20) MB for \(size >> 20) MB")
    }

    @Test func convertingAHundredThousandEmptyCuesNeedsMemoryInProportion() throws {
        var file: [UInt8] = []
        for i in 1...100_000 { file += Array("\(i)\n00:00:01,000 --> 00:00:02,000\n\n".utf8) }
        let (run, size) = try Self.convert(file, named: "empty.srt")
        #expect(run.status == 0)
        #expect(run.peakMemory > 0, "the peak could not be measured")
        #expect(run.peakMemory < Self.baseline + 12 * size, "peak \(run.peakMemory >> 20) MB for \(size >> 20) MB")
    }

    /// `inspect` prints about 300 bytes of JSON per cue, ten times an empty
    /// cue's SRT; it writes them one cue at a time, so its memory is the
    /// document and the text, not a JSON tree of every cue besides.
    @Test func inspectingAHundredThousandEmptyCuesNeedsMemoryInProportionToItsOutput() throws {
        var file: [UInt8] = []
        for i in 1...100_000 { file += Array("\(i)\n00:00:01,000 --> 00:00:02,000\n\n".utf8) }
        let dir = try FixtureFiles.temporaryDirectory()
        let input = dir.appendingPathComponent("empty.srt"), output = dir.appendingPathComponent("empty.json")
        try Data(file).write(to: input)
        let run = try MeasuredRun.captions(["inspect", input.path, "-o", output.path])
        #expect(run.status == 0)
        let outputSize = try #require(try FileManager.default.attributesOfItem(atPath: output.path)[.size] as? Int)
        #expect(outputSize > 25_000_000)
        #expect(run.peakMemory > 0, "the peak could not be measured")
        #expect(run.peakMemory < Self.baseline + 12 * file.count + 3 * outputSize, "peak \(run.peakMemory >> 20) MB for \(outputSize >> 20) MB of JSON")
    }
}
