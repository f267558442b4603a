import Foundation
import Testing
@testable import Captions

/// The editing commands run as a user runs them on Fixtures/editing/news.vtt:
/// cues at 1–4 s (region, voice, inline timestamps at 2 and 3 s), 5–8 s
/// (line 10%, italics) and 9–12.5 s (a class span), with a region, a style
/// sheet and a NOTE. Times are worked by hand.
@Suite("Editing commands")
struct EditingCommandTests {
    static var folder: URL { FixtureFiles.fixtures.appendingPathComponent("editing") }

    func run(_ arguments: [String]) throws -> CommandResult {
        try CommandRunner.run(arguments, currentDirectory: Self.folder)
    }

    func document(_ text: String) throws -> CaptionDocument {
        try CaptionDocument.read(Array(text.utf8), file: "output").document
    }

    func times(_ document: CaptionDocument) -> [[Int64?]] {
        document.cues.map { [$0.start.roundedMilliseconds, $0.end?.roundedMilliseconds] }
    }

    func timestamps(_ nodes: [CueNode]) -> [Int64] {
        nodes.flatMap { node -> [Int64] in
            switch node {
            case .timestamp(let time): [time.roundedMilliseconds]
            case .span(let span): timestamps(span.children)
            case .text: []
            }
        }
    }

    @Test func shiftKeepsRegionsStylesVoicesAndComments() throws {
        let result = try run(["shift", "news.vtt", "--by", "0.5"])
        #expect(result.status == 0)
        let shifted = try document(result.standardOutput)
        #expect(times(shifted) == [[1500, 4500], [5500, 8500], [9500, 13000]])
        #expect(timestamps(shifted.cues[0].content) == [2500, 3500])
        #expect(shifted.cues[0].settings.region == "lower" && shifted.cues[0].settings.align == .left)
        #expect(shifted.cues[0].content.voices == ["Anchor"])
        #expect(shifted.cues[1].settings.line == .percentage(10))
        #expect(shifted.regions.map(\.id) == ["lower"])
        #expect(shifted.styleSheets == ["::cue(.loud) { color: yellow }"])
        #expect(shifted.comments.map(\.text) == ["checked by the news desk"])
    }

    @Test func shiftReadsTTMLAndWritesAnyFormat() throws {
        let result = try CommandRunner.run(["shift", "clean.ttml", "--by", "00:00:00:12", "--fps", "24", "--to", "srt"],
                                           currentDirectory: FixtureFiles.fixtures.appendingPathComponent("quality"))
        #expect(result.status == 0)
        // Twelve frames at 24 fps is half a second.
        #expect(times(try document(result.standardOutput)) == [[1500, 5500], [7500, 10500], [12500, 16000]])
    }

    @Test func negativeShiftWarnsAboutCutCues() throws {
        let result = try run(["shift", "news.vtt", "--by", "-2"])
        #expect(result.status == 0)
        #expect(result.standardError == "news.vtt:16:1: warning: cue 1 would start at -1 s; cut to start at 0\n")
        let shifted = try document(result.standardOutput)
        // 1–4 s becomes 0–2 s; the word at 2 s (now 0) is dropped, the one at 3 s is at 1 s.
        #expect(times(shifted) == [[0, 2000], [3000, 6000], [7000, 10500]])
        #expect(timestamps(shifted.cues[0].content) == [1000])
    }

    @Test func shiftingThereAndBackGivesTheSameFile() throws {
        let dir = try FixtureFiles.temporaryDirectory()
        let there = dir.appendingPathComponent("there.vtt").path
        #expect(try run(["shift", "news.vtt", "--by", "00:01:01.001", "-o", there]).status == 0)
        let back = try run(["shift", there, "--by", "-61.001"])
        let direct = try run(["convert", "news.vtt", "--to", "vtt"])
        #expect(back.standardOutput == direct.standardOutput)
        #expect(back.standardError.isEmpty)
    }

    @Test func trimClipsAtBothEdgesAndRebases() throws {
        let result = try run(["trim", "news.vtt", "--from", "00:00:02.000", "--to", "10", "--rebase"])
        #expect(result.status == 0)
        let trimmed = try document(result.standardOutput)
        #expect(times(trimmed) == [[0, 2000], [3000, 6000], [7000, 8000]])
        // The word timed at the new start is gone; the one at 3 s is 1 s in.
        #expect(timestamps(trimmed.cues[0].content) == [1000])
        #expect(trimmed.cues[2].plainText == "Heavy rain has closed roads.")
    }

    @Test func trimTakesSMPTETimecodeAtTheGivenRate() throws {
        // 00:00:04:12 at 25 fps is 4.48 s; 00:00:09:00 is 9 s. Only the middle
        // cue is inside; SRT says its top position as {\an8}.
        let result = try run(["trim", "news.vtt", "--from", "00:00:04:12", "--to", "00:00:09:00", "--fps", "25", "--output-format", "srt"])
        #expect(result.standardOutput == """
            1
            00:00:05,000 --> 00:00:08,000
            {\\an8}<i>Our top story tonight.</i>


            """)
    }

    @Test func trimRejectsAnEndBeforeTheStart() throws {
        #expect(try run(["trim", "news.vtt", "--from", "10", "--to", "5"]).status == 64)
    }

    @Test func speedChangeToFilmRateIsFrameExact() throws {
        let result = try run(["retime", "news.vtt", "--from-fps", "25", "--to-fps", "24000/1001", "--to", "srt"])
        #expect(result.status == 0)
        let retimed = try document(result.standardOutput)
        // t × 1001/960: 1 → 1.04271, 4 → 4.17083, 5 → 5.21354, 8 → 8.34167, 9 → 9.38438, 12.5 → 13.03385.
        #expect(times(retimed) == [[1043, 4171], [5214, 8342], [9384, 13034]])
    }

    @Test func twoPointSyncStretchesBetweenThePoints() throws {
        // 00:00:01:00 ↦ 2 s and 00:00:09:00 ↦ 18 s: twice as long, no offset.
        let result = try run(["retime", "news.vtt", "--map", "00:00:01:00=2", "--map", "00:00:09:00=18", "--fps", "25"])
        let retimed = try document(result.standardOutput)
        #expect(times(retimed) == [[2000, 8000], [10000, 16000], [18000, 25000]])
        #expect(timestamps(retimed.cues[0].content) == [4000, 6000])
        #expect(try run(["retime", "news.vtt", "--map", "1=2"]).status == 64)
        #expect(try run(["retime", "news.vtt", "--map", "1=5", "--map", "2=3"]).status == 64)
    }

    @Test func mergeInterleavesATranslationTrack() throws {
        let result = try run(["merge", "news.vtt", "translation.vtt"])
        #expect(result.status == 0)
        let merged = try document(result.standardOutput)
        #expect(times(merged) == [[1000, 4000], [1000, 4000], [5000, 8000], [5500, 8000], [9000, 12500]])
        #expect(merged.cues.map(\.id) == ["intro", "intro-2", "", "", ""])
        #expect(merged.cues[1].settings.line == .number(0))
        #expect(merged.language == "en")
        #expect(result.standardError.contains("info: 1 cue identifier of the second file renamed"))
    }

    @Test func splitWritesNumberedPartsWithCuesCrossingACutInBoth() throws {
        let dir = try FixtureFiles.temporaryDirectory()
        let pattern = dir.appendingPathComponent("part.srt").path
        let result = try run(["split", "news.vtt", "--at", "4.5", "10", "-o", pattern])
        #expect(result.status == 0)
        func part(_ n: Int) throws -> CaptionDocument {
            try CaptionDocument.read([UInt8](try Data(contentsOf: dir.appendingPathComponent("part-\(n).srt"))), file: "part").document
        }
        #expect(times(try part(1)) == [[1000, 4000]])
        #expect(times(try part(2)) == [[5000, 8000], [9000, 10000]])
        #expect(times(try part(3)) == [[10000, 12500]])
        // Nothing is written when one part exists already.
        let again = try run(["split", "news.vtt", "--at", "4.5", "10", "-o", pattern])
        #expect(again.status == 73)
    }

    @Test func splitIntoAFolderNamesPartsAfterTheInputAndCanRebase() throws {
        let dir = try FixtureFiles.temporaryDirectory()
        let result = try run(["split", "news.vtt", "--at", "10", "--rebase", "--output-dir", dir.path])
        #expect(result.status == 0)
        let second = try CaptionDocument.read([UInt8](try Data(contentsOf: dir.appendingPathComponent("news-2.vtt"))), file: "part").document
        #expect(times(second) == [[0, 2500]])
        #expect(try run(["split", "news.vtt", "--at", "10"]).status == 64)
    }

    @Test func editsKeepAnExistingOutputWithoutForce() throws {
        let dir = try FixtureFiles.temporaryDirectory()
        let out = dir.appendingPathComponent("out.vtt")
        try Data("keep me".utf8).write(to: out)
        #expect(try run(["shift", "news.vtt", "--by", "1", "-o", out.path]).status == 73)
        #expect(try String(contentsOf: out, encoding: .utf8) == "keep me")
        #expect(try run(["shift", "news.vtt", "--by", "1", "-o", out.path, "--force"]).status == 0)
        #expect(try run(["shift", "missing.vtt", "--by", "1"]).status == 66)
    }
}
