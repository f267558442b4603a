import Foundation
import Testing

@Suite("captions transcript")
struct TranscriptCommandTests {
    private typealias Fixtures = TranscriptFixtures

    @Test func writesPlainTextToStandardOutputByDefault() throws {
        let result = try CommandRunner.run(["transcript", Fixtures.path("interview.srt")])
        #expect(result.status == 0)
        #expect(result.standardError.isEmpty)
        #expect(result.standardOutput == """
            Ana Lima: Thank you for coming in, Mr. Reyes. How long have you lived on Harbour Street?

            Tom Reyes: Thirty years. My father built the house in 1962, before the wall.

            Sorry. It is hard to talk about.

            Ana Lima: Take your time.

            """)
    }

    @Test func readsStandardInputAndTakesTheFormatFromTheOutputName() throws {
        let dir = try FixtureFiles.temporaryDirectory()
        let out = dir.appendingPathComponent("interview.md")
        let input = try Data(contentsOf: URL(fileURLWithPath: Fixtures.path("interview.vtt")))
        let result = try CommandRunner.run(["transcript", "-", "-o", out.path, "--title", "Living by the wall", "--timestamps"], input: input)
        #expect(result.status == 0)
        let markdown = try String(contentsOf: out, encoding: .utf8)
        #expect(markdown.hasPrefix("# Living by the wall\n\n- Duration: 0:18\n- Speakers: Ana Lima, Tom Reyes\n\n\\[00:00:01] **Ana Lima:** Thank you"))
        // Nothing is left beside the output.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["interview.md"])
    }

    @Test func writesHTMLWithTheLanguageGivenAndDescriptionsMergedIn() throws {
        let result = try CommandRunner.run([
            "transcript", Fixtures.path("interview.srt"), "--format", "html", "--lang", "en-GB",
            "--descriptions", Fixtures.path("interview-descriptions.vtt"), "--media", "https://example.org/i.mp4",
        ])
        #expect(result.status == 0)
        #expect(result.standardError.isEmpty)
        let page = try #require(HTMLNode.parse(result.standardOutput))
        #expect(page["lang"] == "en-GB")
        #expect(page.elements(named: "p").filter { $0.hasClass("description") }.count == 3)
        #expect(page.elements(named: "a").first { $0.hasClass("time") }?["href"] == "https://example.org/i.mp4#t=0")
    }

    @Test func warnsWhenThePageLanguageIsUnknown() throws {
        let result = try CommandRunner.run(["transcript", Fixtures.path("interview.srt"), "--format", "html"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("<html lang=\"und\">"))
        #expect(result.standardError.contains("interview.srt:1:1: warning: the captions do not say their language"))
    }

    @Test func writesJSONWithTheSentenceBreaksItUsed() throws {
        let result = try CommandRunner.run(["transcript", Fixtures.path("asr-youtube.vtt"), "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(object["sentenceBreaks"] as? String == "pauses")
        #expect(object["repeatedWords"] as? Int == 30)
        let paragraphs = try #require(object["paragraphs"] as? [[String: Any]])
        #expect(paragraphs.map { $0["text"] as? String } == ["So the water came up fast. We left at midnight and I took the dog.", "I'm just glad everyone got out."])
    }

    @Test func rollUpAndSentenceOptionsChangeTheReading() throws {
        let kept = try CommandRunner.run(["transcript", Fixtures.path("rollup-news.srt"), "--roll-up", "never"])
        #expect(kept.status == 0)
        #expect(kept.standardOutput.components(separatedBy: "FLOODWATER").count - 1 == 2)
        let asWritten = try CommandRunner.run(["transcript", Fixtures.path("asr-youtube.vtt"), "--sentences", "punctuation"])
        #expect(asWritten.standardOutput.hasPrefix("so the water came up fast we left at midnight and i took the dog\n\n"))
        let shortPauses = try CommandRunner.run(["transcript", Fixtures.path("interview.vtt"), "--paragraph-pause", "0.15"])
        #expect(shortPauses.standardOutput.contains("\n\nHow long have you lived on Harbour Street?\n\n"))
    }

    @Test func refusesToReplaceAnOutputWithoutForce() throws {
        let dir = try FixtureFiles.temporaryDirectory()
        let out = dir.appendingPathComponent("t.txt")
        try Data("keep me".utf8).write(to: out)
        let refused = try CommandRunner.run(["transcript", Fixtures.path("interview.vtt"), "-o", out.path])
        #expect(refused.status == 73)
        #expect(try String(contentsOf: out, encoding: .utf8) == "keep me")
        let forced = try CommandRunner.run(["transcript", Fixtures.path("interview.vtt"), "-o", out.path, "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOf: out, encoding: .utf8).hasPrefix("Ana Lima: Thank you"))
    }

    @Test func badInputAndOptionsExitWithTheContractStatus() throws {
        let empty = try CommandRunner.run(["transcript", "-"], input: Data("WEBVTT\n\nNOTE nothing here\n".utf8))
        #expect(empty.status == 65)
        #expect(empty.standardError.hasPrefix("-:1:1: error: no cues"))
        let missing = try CommandRunner.run(["transcript", "/nonexistent/in.vtt"])
        #expect(missing.status == 66)
        let missingDescriptions = try CommandRunner.run(["transcript", Fixtures.path("interview.vtt"), "--descriptions", "/nonexistent/d.vtt"])
        #expect(missingDescriptions.status == 66)
        let badLanguage = try CommandRunner.run(["transcript", Fixtures.path("interview.vtt"), "--lang", "en GB"])
        #expect(badLanguage.status == 64)
        let badFormat = try CommandRunner.run(["transcript", Fixtures.path("interview.vtt"), "--format", "pdf"])
        #expect(badFormat.status == 64)
        let badPause = try CommandRunner.run(["transcript", Fixtures.path("interview.vtt"), "--paragraph-pause", "-1"])
        #expect(badPause.status == 64)
    }
}
