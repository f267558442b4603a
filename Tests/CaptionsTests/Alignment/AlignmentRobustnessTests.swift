import Captions
import Testing

/// Alignment takes whatever articles and captions contain: random text made
/// of the characters that steer it (brackets, dots, dashes, digits, currency,
/// apostrophes, music notes, markup-like text) must never trap.
@Suite("Alignment robustness")
struct AlignmentRobustnessTests {
    /// A SplitMix64 stream, so the test is the same on every run.
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    static let pieces = [
        "we", "will", "not", "never", "the", "harbour", "two", "per", "cent", "2%", "£4.5m", "1990s", "twenty", "one",
        "hundred", "and", "a", "half", "million", "point", "oh", "[", "]", "(", ")", "...", "…", "-", "—", "'s", "n't",
        "don’t", "I'm", "♪", "[applause]", ">>", "NAME:", "-", "um", "you", "know", "e-mail", "9/11", "$", "0.5", "1st",
        "Zelenskyy", "zelneskyy", "ß", "é", "東京", "🙂", "\u{0301}", "\u{200B}", ",", ".", "?", "\"", "&", "%", "no.", "10",
    ]

    static func text(_ random: inout Random, words: Int) -> String {
        (0..<words).map { _ in
            var word = pieces[random.next(pieces.count)]
            if random.next(4) == 0 { word += pieces[random.next(pieces.count)] }
            return word
        }.joined(separator: random.next(5) == 0 ? "\n" : " ")
    }

    @Test func randomQuotesAgainstRandomCaptionsNeverTrap() {
        var random = Random(state: 7)
        for round in 0..<20 {
            var cues: [Cue] = []
            for c in 0..<40 {
                let start = Double(c) * 2
                let text = Self.text(&random, words: 1 + random.next(12))
                let end: Double? = random.next(10) == 0 ? nil : start + 0.01 + Double(random.next(400)) / 100
                cues.append(CueMarkup.cue(start, end, random.next(3) == 0 ? "<v Speaker \(round)>\(text)</v>" : text))
            }
            let words = CaptionWords(CueMarkup.document(cues))
            let aligner = QuoteAligner(videos: [words])
            let quotes = (0..<15).map { _ in
                let text = Self.text(&random, words: random.next(25))
                return Quotation(text: text, parts: [text], paragraphIndex: 0, paragraphIndices: [0], range: 0..<text.utf8.count, speaker: "Speaker \(round)")
            }
            let results = aligner.align(quotes)
            #expect(results.count == quotes.count)
            for result in results {
                #expect(result.score >= 0 && result.score <= 1)
                if let chosen = result.chosen {
                    #expect(chosen.start <= chosen.end)
                    #expect(words.words.indices.contains(chosen.words.lowerBound))
                }
            }
            let report = AlignmentReport(videos: [.init(file: "random.vtt", document: CueMarkup.document(cues), words: words)], article: nil, results: results)
            _ = report.json().serialized()
            _ = report.html()
            // The metadata track reads back with one cue per quote found, whatever the text.
            let track = try? CaptionDocument.read(Array(report.webVTT().utf8), format: .webvtt).document
            #expect(track?.cues.count == results.filter { $0.chosen != nil }.count)
            _ = report.csv(frameRate: FrameRate(numerator: 30000, denominator: 1001))
        }
    }
}
