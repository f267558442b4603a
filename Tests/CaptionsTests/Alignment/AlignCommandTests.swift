import Captions
import Foundation
import Testing

/// `captions align` run as a user runs it, on the harbour briefing: one
/// scripted speech captioned four ways (see Fixtures/alignment/make-harbour.py),
/// and an article quoting it.
@Suite("captions align")
struct AlignCommandTests {
    static let folder = FixtureFiles.fixtures.appendingPathComponent("alignment")
    static var article: String { folder.appendingPathComponent("harbour-article.html").path }
    static func captions(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// The article's quotes in order, with their verdict and the true times
    /// of the quoted words in the speech (from harbour-words.tsv).
    static let expected: [(status: String, start: Double?, end: Double?)] = [
        ("matched", 5.845, 9.85),     // "We will rebuild the harbour..." (after the restart "We will,")
        ("matched", 11.68, 18.205),   // "cost £4.5 million, and roughly 2% ..."
        ("matched", 18.905, 23.26),   // "I've never said..."
        ("matched", 24.89, 28.335),   // "Back in the 1990s we lost 20 boats"
        ("matched", 34.815, 38.375),  // "told us he is grateful for the support"
        ("unmatched", nil, nil),      // "The council will pay for the new harbour walls next year"
        ("partial", 42.13, 43.995),   // "We will close the school ... on Monday": the "not" was dropped
        ("matched", 44.695, 48.325),  // "It is a well-known fact..."
    ]

    private func run(_ arguments: [String]) throws -> (status: Int32, json: [String: Any], stderr: String) {
        let result = try CommandRunner.run(["align"] + arguments)
        let object = try? JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        return (result.status, object ?? [:], result.standardError)
    }

    @Test(arguments: ["harbour.vtt", "harbour-auto.vtt", "harbour.srt", "harbour.ttml"])
    func everyQuoteGetsItsVerdictAndTimesInEveryCaptionStyle(file: String) throws {
        let (status, json, _) = try run(["--article", Self.article, "--captions", Self.captions(file)])
        #expect(status == 0)
        let quotes = try #require(json["quotes"] as? [[String: Any]])
        try #require(quotes.count == Self.expected.count)
        for (quote, expected) in zip(quotes, Self.expected) {
            let text = quote["text"] as? String ?? ""
            #expect(quote["status"] as? String == expected.status, "\(file): \(text)")
            if let start = expected.start, let end = expected.end {
                let foundStart = try #require(quote["start"] as? Double, "\(file): \(text)")
                let foundEnd = try #require(quote["end"] as? Double, "\(file): \(text)")
                #expect(abs(foundStart - start) <= 0.5, "\(file): \(text) starts at \(foundStart), said at \(start)")
                #expect(abs(foundEnd - end) <= 0.5, "\(file): \(text) ends at \(foundEnd), said until \(end)")
            } else {
                #expect(quote["start"] is NSNull && quote["end"] is NSNull && quote["captionText"] is NSNull)
            }
        }
    }

    @Test func theContractFieldsComeFirst() throws {
        let result = try CommandRunner.run(["align", "--article", Self.article, "--captions", Self.captions("harbour.vtt")])
        // Ordered keys cannot be read back through JSONSerialization: check the text.
        let firstQuote = try #require(result.standardOutput.range(of: "\"text\"").map { String(result.standardOutput[$0.lowerBound...]) })
        let keys = ["\"text\"", "\"speaker\"", "\"status\"", "\"score\"", "\"start\"", "\"end\"", "\"captionText\""]
        let positions = keys.compactMap { firstQuote.range(of: $0)?.lowerBound }
        #expect(positions.count == keys.count)
        #expect(positions == positions.sorted())
    }

    @Test func speakersFromTheArticleAndTheCaptionsAreBothReported() throws {
        let (_, json, _) = try run(["--article", Self.article, "--captions", Self.captions("harbour.srt")])
        let quotes = try #require(json["quotes"] as? [[String: Any]])
        #expect(quotes[0]["speaker"] as? String == "Ana Lopez")
        #expect(quotes[0]["captionSpeaker"] as? String == "MAYOR LOPEZ")
        #expect(quotes[0]["speakerAgreement"] as? String == "agrees")
    }

    @Test func aMisattributedQuoteIsFlagged() throws {
        let (_, json, _) = try run(["--quote", "did President Zelenskyy's visit change the plan", "--captions", Self.captions("harbour.ttml")])
        let quote = try #require((json["quotes"] as? [[String: Any]])?.first)
        #expect(quote["status"] as? String == "matched")
        #expect(quote["captionSpeaker"] as? String == "Tom Baker")
        // No speaker given with --quote: nothing to disagree with.
        #expect(quote["speakerAgreement"] as? String == "unknown")
    }

    @Test func cuesAndParagraphsAreMarkedWithTheirQuotes() throws {
        let (_, json, _) = try run(["--article", Self.article, "--captions", Self.captions("harbour.vtt")])
        let cues = try #require(json["cues"] as? [[String: Any]])
        let quotes = try #require(json["quotes"] as? [[String: Any]])
        let firstCues = try #require(quotes[0]["cues"] as? [Int])
        for index in firstCues {
            #expect((cues[index]["quotes"] as? [Int])?.contains(0) == true)
        }
        #expect(cues.allSatisfy { $0["id"] is String && $0["start"] is Double && $0["text"] is String })
        let paragraphs = try #require((json["article"] as? [String: Any])?["paragraphs"] as? [[String: Any]])
        let paragraph = try #require(quotes[0]["paragraph"] as? Int)
        #expect((paragraphs[paragraph]["quotes"] as? [Int])?.contains(0) == true)
    }

    @Test func quotesCanBeGivenWithoutAnArticle() throws {
        let (status, json, _) = try run([
            "--captions", Self.captions("harbour-auto.vtt"),
            "--quote", "Good morning … thank you for coming",
            "--quote", "The mayor resigned this morning",
        ])
        #expect(status == 0)
        let quotes = try #require(json["quotes"] as? [[String: Any]])
        #expect(quotes.map { $0["status"] as? String } == ["matched", "unmatched"])
        #expect(quotes[0]["paragraph"] is NSNull)
        #expect(json["article"] is NSNull)
    }

    @Test func eachQuoteSaysWhichVideoItIsIn() throws {
        let dir = try FixtureFiles.temporaryDirectory()
        let other = dir.appendingPathComponent("weather.vtt")
        try Data("WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nRain will move in from the west tonight.\n".utf8).write(to: other)
        let (_, json, _) = try run([
            "--captions", other.path, "--captions", Self.captions("harbour.vtt"),
            "--quote", "we lost 20 boats", "--quote", "Rain will move in from the west tonight",
        ])
        let quotes = try #require(json["quotes"] as? [[String: Any]])
        #expect(quotes.map { $0["video"] as? Int } == [1, 0])
        #expect((quotes[1]["videoFile"] as? String)?.hasSuffix("weather.vtt") == true)
    }

    @Test func anOffsetShiftsEveryReportedTime() throws {
        let arguments = ["--captions", Self.captions("harbour.vtt"), "--quote", "we lost twenty boats"]
        let plain = try #require(((try run(arguments)).json["quotes"] as? [[String: Any]])?.first?["start"] as? Double)
        let shifted = try #require(((try run(arguments + ["--offset", "00:10:00:00"])).json["quotes"] as? [[String: Any]])?.first?["start"] as? Double)
        #expect(abs(shifted - plain - 600) < 0.001)
    }

    @Test func theWebVTTTrackHasOneCuePerFoundQuote() throws {
        let result = try CommandRunner.run(["align", "--article", Self.article, "--captions", Self.captions("harbour.vtt"), "--format", "vtt"])
        #expect(result.status == 0)
        let track = try CaptionDocument.read(Array(result.standardOutput.utf8), format: .webvtt).document
        // Seven quotes are matched or partial.
        #expect(track.cues.count == 7)
        #expect(track.cues.map(\.start) == track.cues.map(\.start).sorted())
        let first = try #require(track.cues.first)
        #expect(first.id == "quote-1")
        let payload = try JSONSerialization.jsonObject(with: Data(first.plainText.utf8)) as? [String: Any]
        #expect(payload?["status"] as? String == "matched")
        #expect(payload?["speaker"] as? String == "Ana Lopez")
    }

    @Test func csvMarkersUseTimecodeAtTheFrameRate() throws {
        let result = try CommandRunner.run([
            "align", "--captions", Self.captions("harbour-auto.vtt"), "--quote", "we lost 20 boats", "--format", "csv", "--fps", "25",
        ])
        let rows = result.standardOutput.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.first == "Marker,In,Out,Duration,Status,Score,Speaker,Caption Speaker,Video,Quote,Spoken")
        // "we" is said from 26.865 s (its timestamp): frame 671 at 25 fps, 00:00:26:21.
        let fields = rows[1].split(separator: ",", omittingEmptySubsequences: false)
        #expect(fields[0] == "Quote 1")
        #expect(fields[1] == "00:00:26:21")
        #expect(fields[4] == "matched")
    }

    @Test func theReviewPageLinksEachQuoteToItsMoment() throws {
        let result = try CommandRunner.run([
            "align", "--article", Self.article, "--captions", Self.captions("harbour.vtt"), "--format", "html",
            "--media", "https://example.org/briefing.mp4",
        ])
        #expect(result.standardOutput.hasPrefix("<!DOCTYPE html>"))
        #expect(result.standardOutput.contains("href=\"https://example.org/briefing.mp4#t=18.905,23.26\""))
        #expect(result.standardOutput.contains("<ins class=\"omitted\" title=\"filler\">uh,</ins>"))
        #expect(result.standardOutput.contains("<li class=\"quote unmatched\""))
    }

    @Test func theFormatFollowsTheOutputExtension() throws {
        let dir = try FixtureFiles.temporaryDirectory()
        let out = dir.appendingPathComponent("markers.csv")
        let result = try CommandRunner.run(["align", "--captions", Self.captions("harbour.vtt"), "--quote", "we lost 20 boats", "-o", out.path])
        #expect(result.status == 0)
        #expect(try String(contentsOf: out, encoding: .utf8).hasPrefix("Marker,In,Out"))
        let again = try CommandRunner.run(["align", "--captions", Self.captions("harbour.vtt"), "--quote", "x y z", "-o", out.path])
        #expect(again.status == 73)
    }

    @Test func badInvocationsExitWithTheContractsCodes() throws {
        #expect(try CommandRunner.run(["align", "--captions", Self.captions("harbour.vtt")]).status == 64)
        #expect(try CommandRunner.run(["align", "--quote", "x"]).status == 64)
        #expect(try CommandRunner.run(["align", "--captions", "/nonexistent.vtt", "--quote", "x"]).status == 66)
        #expect(try CommandRunner.run(["align", "--captions", Self.captions("harbour.vtt"), "--article", "/nonexistent.html"]).status == 66)
        let empty = try CommandRunner.run(["align", "--captions", "-", "--quote", "x"], input: Data("WEBVTT\n".utf8))
        #expect(empty.status == 65)
        #expect(empty.standardError.hasPrefix("-:1:1: error: "))
    }
}
