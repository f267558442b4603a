import Testing
@testable import Captions

/// SplitMix64: a small seeded generator, so every run builds the same files.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Builds messy but plausible WebVTT files from a seed: valid and invalid
/// settings, markup that nests, closes wrongly or is unknown, character
/// references, NOTE, STYLE and REGION blocks in and out of place, stray
/// arrows and blank lines.
struct WebVTTFileGenerator {
    var random: SeededGenerator

    private mutating func pick<T>(_ options: [T]) -> T {
        options[Int.random(in: 0..<options.count, using: &random)]
    }

    private mutating func chance(_ percent: Int) -> Bool {
        Int.random(in: 0..<100, using: &random) < percent
    }

    private mutating func timestamp() -> String {
        let hours = pick([0, 0, 0, 1, 12, 99, 100, 123_456])
        let text = String(format2: Int.random(in: 0...59, using: &random)) + ":" + String(format2: Int.random(in: 0...59, using: &random))
            + "." + String(Int.random(in: 1000...1999, using: &random)).dropFirst()
        return hours == 0 && chance(50) ? text : String(format2: hours) + ":" + text
    }

    private mutating func settings() -> String {
        let pool = [
            "align:start", "align:end", "align:left", "align:right", "align:middle", "vertical:rl", "vertical:lr",
            "line:0", "line:-1", "line:-0", "line:3.25,end", "line:50%", "line:50%,center", "line:10%,middle",
            "line:1e2", "position:10%", "position:0%,line-left", "position:100%,line-right", "position:5%,auto",
            "size:50%", "size:100%", "size:33.333%", "size:101%", "region:r1", "region:r2", "region:none",
            "bogus", "x:y", ":", "line:", "line:00099", "position:1.50%",
        ]
        return (0..<Int.random(in: 0...4, using: &random)).map { _ in pick(pool) }.joined(separator: pick([" ", "  ", "\t"]))
    }

    private mutating func cueText() -> String {
        let pool = [
            "Hello", " world", "ünïcödé", "漢字", "&amp;", "&lt;", "&gt;", "&nbsp;", "&notit;", "&notin;", "&#10;", "&#13;",
            "&#x1F600;", "&bogus;", "&", "<b>", "</b>", "<i.x>", "</i>", "<u>", "</u>", "<c.a.b>", "</c>", "<v Bob>",
            "<v.loud  Ann  Lee >", "</v>", "<ruby>", "<rt>", "</rt>", "</ruby>", "<lang fr>", "</lang>",
            "<00:00:01.000>", "<1:2>", "<font>", "</b >", "<", ">", "\n", "\n", " -- ", "--&gt;", "\u{0}", "a.b", "<v>",
            "<c..>", "<v &amp;&lt;>",
        ]
        return (0..<Int.random(in: 0...12, using: &random)).map { _ in pick(pool) }.joined()
    }

    mutating func file() -> String {
        var out = "WEBVTT" + pick(["", " - title", "\tx", " "]) + "\n"
        if chance(50) { out += pick(["Kind: captions\n", "Language: en-GB\n", "Lang: fr\nLanguage: de\n", "X-Thing: 1\nLanguage:\n"]) }
        out += "\n"
        for _ in 0..<Int.random(in: 0...3, using: &random) {
            switch Int.random(in: 0..<4, using: &random) {
            case 0: out += "REGION\nid:" + pick(["r1", "r2", "r1"]) + " " + pick(["width:40%", "lines:2", "scroll:up", "regionanchor:10%,90%", "viewportanchor:0.5%,99.5%", "width:x"]) + "\n\n"
            case 1: out += "STYLE\n::cue { color: " + pick(["red", "lime"]) + " }\n/* c */\n\n"
            case 2: out += "NOTE " + pick(["header note", "two\nlines", ""]) + "\n\n"
            default: out += "REGION\nwidth:10%\n\n"
            }
        }
        for k in 0..<Int.random(in: 0...25, using: &random) {
            if chance(15) { out += pick(["NOTE a\nb", "NOTE", "STYLE\n::cue {}", "REGION\nid:late", "stray text", "-->", "NOTE\tx"]) + "\n\n" }
            if chance(60) { out += pick(["\(k)", "id \(k)", " ", "NOTE", "a:b", "-- >"]) + "\n" }
            out += timestamp() + pick([" --> ", "-->", " \t--> "]) + timestamp()
            let s = settings()
            if !s.isEmpty { out += " " + s }
            out += "\n"
            let text = cueText()
            if !text.isEmpty { out += text + "\n" }
            out += pick(["\n", "\n\n", "\n"])
        }
        return out
    }
}

extension String {
    /// At least two digits.
    fileprivate init(format2 value: Int) {
        self = value < 10 ? "0\(value)" : "\(value)"
    }
}

@Suite("WebVTT round trip")
struct WebVTTRoundTripTests {
    @Test(arguments: 0..<300)
    func readWriteReadGivesAnEqualDocument(seed: Int) throws {
        var generator = WebVTTFileGenerator(random: SeededGenerator(seed: UInt64(seed)))
        let file = generator.file()
        let first = try WebVTTReader().read(Array(file.utf8), file: "generated-\(seed).vtt").document
        let written = WebVTTWriter().write(first)
        #expect(written.diagnostics.isEmpty, "\(written.diagnostics)")
        #expect(written.losses.isEmpty)
        let second = try WebVTTReader().read(written.bytes, file: nil)
        #expect(second.document.ignoringSourceLocations == first.ignoringSourceLocations, "file:\n\(file)\nwritten:\n\(written.text)")
        // Only what the content itself carries over may be warned about again.
        #expect(second.diagnostics.allSatisfy { $0.code == "end-before-start" }, "\(second.diagnostics)")
        // Writing is stable: the second document writes the same bytes.
        #expect(WebVTTWriter().write(second.document).bytes == written.bytes)
    }

    @Test func generatedFilesCoverTheInterestingParts() throws {
        // Guards the generator itself: across the seeds, the documents hold
        // every kind of thing the round trip is meant to exercise.
        var kinds = Set<CueSpan.Kind>()
        var sawRegionReference = false, sawComment = false, sawStyleSheet = false, sawTimestamp = false, sawLanguage = false
        for seed in 0..<300 {
            var generator = WebVTTFileGenerator(random: SeededGenerator(seed: UInt64(seed)))
            let doc = try WebVTTReader().read(Array(generator.file().utf8), file: nil).document
            var stack = doc.cues.flatMap(\.content)
            while let node = stack.popLast() {
                switch node {
                case .span(let span): kinds.insert(span.kind); stack += span.children
                case .timestamp: sawTimestamp = true
                case .text: break
                }
            }
            sawRegionReference = sawRegionReference || doc.cues.contains { $0.settings.region != nil }
            sawComment = sawComment || !doc.comments.isEmpty
            sawStyleSheet = sawStyleSheet || !doc.styleSheets.isEmpty
            sawLanguage = sawLanguage || doc.language != nil
        }
        #expect(kinds == Set(CueSpan.Kind.allCases))
        #expect(sawRegionReference && sawComment && sawStyleSheet && sawTimestamp && sawLanguage)
    }
}
