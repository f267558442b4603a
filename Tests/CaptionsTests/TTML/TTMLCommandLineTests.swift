import Foundation
import Testing

/// `captions` on TTML, run as a user runs it.
@Suite("TTML on the command line")
struct TTMLCommandLineTests {
    static func fixture(_ name: String) -> String {
        FixtureFiles.fixtures.appendingPathComponent("ttml/" + name).path
    }

    @Test func inspectPrintsTheFlattenedTimeline() throws {
        let result = try CommandRunner.run(["inspect", Self.fixture("paint-on.ttml")])
        #expect(result.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        #expect(json?["format"] as? String == "ttml")
        let cues = json?["cues"] as? [[String: Any]] ?? []
        #expect(cues.map { $0["startTime"] as? Double } == [0, 1, 2, 3, 4])
        #expect(cues.last?["text"] as? String == "Ladies and gentlemen\nwelcome home")
        #expect(cues.last?["line"] as? Double == 90)
    }

    @Test func aDoctypeExits65WithTheLineItIsOn() throws {
        let path = Self.fixture("billion-laughs.ttml")
        let result = try CommandRunner.run(["convert", path, "--to", "vtt"])
        #expect(result.status == 65)
        #expect(result.standardError.hasPrefix("\(path):2:"))
        #expect(result.standardError.contains(" error: the document has a <!DOCTYPE> declaration"))
        #expect(result.standardOutput.isEmpty)
    }

    @Test func convertWritesFrameTimeCodesAtTheGivenRate() throws {
        let input = Data("WEBVTT\n\n00:00:01.480 --> 00:00:02.000\nHello\n".utf8)
        let result = try CommandRunner.run(["convert", "-", "--from", "vtt", "--to", "ttml", "--frame-rate", "25"], input: input)
        #expect(result.status == 0)
        #expect(result.standardOutput.contains(#"ttp:frameRate="25""#))
        #expect(result.standardOutput.contains(#"begin="00:00:01:12" end="00:00:02:00""#))
    }

    @Test func aFrameRateForAnotherFormatIsAUsageError() throws {
        let result = try CommandRunner.run(["convert", Self.fixture("news.ttml"), "--to", "srt", "--frame-rate", "25"])
        #expect(result.status == 64)
        #expect(result.standardError.contains("--frame-rate applies to TTML output only"))
    }

    @Test func anUnreadableFrameRateIsAUsageError() throws {
        let result = try CommandRunner.run(["convert", Self.fixture("news.ttml"), "--to", "ttml", "--frame-rate", "fast"])
        #expect(result.status == 64)
    }

    @Test func convertingTTMLToWebVTTKeepsPositionsAndVoices() throws {
        let result = try CommandRunner.run(["convert", Self.fixture("news.ttml"), "--to", "vtt"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("""
            c1
            00:00:01.000 --> 00:00:03.480 line:90%,end position:10%,line-left size:80%
            <v Maria Lopez>Good evening.
            Here is the news.</v>
            """))
    }
}
