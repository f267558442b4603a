/// Deterministic caption files for benchmarks: news-caption text with
/// accents, curly quotes, dashes and ellipses, one or two lines per cue, an
/// italic line now and then and a change of speaker every few cues. The same
/// size always gives the same bytes, so runs can be compared.
public enum CaptionSample {
    /// The file formats a sample can be written in.
    public enum Format: String, Sendable, CaseIterable {
        /// SubRip, with CRLF line ends (as most SRT files in the wild have)
        /// and `NAME:` speaker prefixes.
        case srt
        /// WebVTT, with LF line ends and `<v Name>` voice spans.
        case webVTT = "vtt"
        /// TTML in the IMSC1 text profile: the speakers as `ttm:agent`s in the
        /// head with an italic style and a bottom region; each cue a `<p>`
        /// with clock times, `<br/>` between lines and `ttm:agent` where the
        /// speaker changes.
        case ttml
    }

    /// A file of at least `size` bytes (it ends after the cue that reaches the size).
    ///
    /// - Parameters:
    ///   - format: SRT, WebVTT or TTML.
    ///   - size: the least number of bytes.
    /// - Returns: the file's bytes, UTF-8.
    public static func bytes(_ format: Format, atLeast size: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(size + 512)
        var random = SplitMix64(seed: 0x5EED_CAFE)
        let newline: [UInt8] = format == .srt ? [0x0D, 0x0A] : [0x0A]
        if format == .webVTT { out.append(contentsOf: Array("WEBVTT".utf8) + newline + newline) }
        if format == .ttml { out.append(contentsOf: ttmlHead.utf8) }
        var time: Int64 = 4_000
        var speaker = 0
        var number = 1
        while out.count < size {
            let start = time
            let end = start + 1_200 + Int64(random.next(below: 3_300))
            time = end + 40 + Int64(random.next(below: 360))
            let newSpeaker = number % 7 == 1
            if newSpeaker { speaker = (speaker + 1 + random.next(below: speakers.count - 1)) % speakers.count }

            if format == .ttml {
                out.append(contentsOf: "<p begin=\"".utf8)
                appendTimestamp(start, format, to: &out)
                out.append(contentsOf: "\" end=\"".utf8)
                appendTimestamp(end, format, to: &out)
                out.append(contentsOf: "\" region=\"bottom\"".utf8)
                if newSpeaker { out.append(contentsOf: " ttm:agent=\"speaker\(speaker)\"".utf8) }
                out.append(contentsOf: ">".utf8)
            } else {
                if format == .srt {
                    out.append(contentsOf: String(number).utf8)
                    out.append(contentsOf: newline)
                }
                appendTimestamp(start, format, to: &out)
                out.append(contentsOf: " --> ".utf8)
                appendTimestamp(end, format, to: &out)
                out.append(contentsOf: newline)
            }

            let lineCount = 1 + random.next(below: 2)
            for line in 0..<lineCount {
                let italic = line == lineCount - 1 && number % 12 == 0
                if line == 0, newSpeaker, format != .ttml {
                    out.append(contentsOf: (format == .srt ? "\(speakers[speaker].uppercased()): " : "<v \(speakers[speaker])>").utf8)
                }
                if line > 0, format == .ttml { out.append(contentsOf: "<br/>".utf8) }
                if italic { out.append(contentsOf: (format == .ttml ? "<span style=\"italic\">" : "<i>").utf8) }
                let wordCount = 4 + random.next(below: 5)
                for k in 0..<wordCount {
                    if k > 0 { out.append(0x20) }
                    out.append(contentsOf: words[random.next(below: words.count)])
                }
                out.append(contentsOf: punctuation[random.next(below: punctuation.count)])
                if italic { out.append(contentsOf: (format == .ttml ? "</span>" : "</i>").utf8) }
                if format != .ttml { out.append(contentsOf: newline) }
            }
            out.append(contentsOf: format == .ttml ? Array("</p>".utf8) + newline : newline)
            number += 1
        }
        if format == .ttml { out.append(contentsOf: "</div>\n</body>\n</tt>\n".utf8) }
        return out
    }

    private static func appendTimestamp(_ milliseconds: Int64, _ format: Format, to out: inout [UInt8]) {
        let hours = milliseconds / 3_600_000
        let text = (hours < 10 ? "0" : "") + "\(hours):" + twoDigits(milliseconds / 60_000 % 60) + ":"
            + twoDigits(milliseconds / 1000 % 60) + (format == .srt ? "," : ".") + threeDigits(milliseconds % 1000)
        out.append(contentsOf: text.utf8)
    }

    private static func twoDigits(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
    private static func threeDigits(_ value: Int64) -> String { value < 10 ? "00\(value)" : value < 100 ? "0\(value)" : "\(value)" }

    private static let speakers = ["Helen Okafor", "Dáithí Ó Sé", "Zoë Müller", "José Núñez", "Anna Kowalska"]

    /// The start of the TTML sample, up to the first `<p>`.
    private static let ttmlHead = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tt xmlns="http://www.w3.org/ns/ttml" xmlns:tts="http://www.w3.org/ns/ttml#styling" \
        xmlns:ttm="http://www.w3.org/ns/ttml#metadata" xmlns:ttp="http://www.w3.org/ns/ttml#parameter" \
        ttp:profile="http://www.w3.org/ns/ttml/profile/imsc1/text" xml:lang="en">
        <head>
        <metadata>
        \(speakers.enumerated().map { #"<ttm:agent xml:id="speaker\#($0.offset)" type="person"><ttm:name type="full">\#($0.element)</ttm:name></ttm:agent>"# }.joined(separator: "\n"))
        </metadata>
        <styling>
        <style xml:id="base" tts:textAlign="center" tts:fontFamily="proportionalSansSerif"/>
        <style xml:id="italic" tts:fontStyle="italic"/>
        </styling>
        <layout>
        <region xml:id="bottom" tts:origin="10% 70%" tts:extent="80% 20%" tts:displayAlign="after"/>
        </layout>
        </head>
        <body style="base">
        <div>

        """

    private static let words: [[UInt8]] = """
        the council said on Tuesday that flood defences along River Esk would be rebuilt before winter \
        café owners in Zürich naïve déjà vu façade résumé coöperate “we’ve lost everything” – more than 2,400 \
        homes were evacuated overnight according to officials minister’s spokesperson told reporters it’s \
        “unprecedented” water levels rose 1.8 metres since records began in 1887 Señora Núñez’s bakery \
        crème brûlée smörgåsbord jalapeño Ångström Øresund €12 million fund £40 emergency grant …
        """.split(separator: " ").map { Array($0.utf8) }

    private static let punctuation: [[UInt8]] = [".", ",", "…", "?", "!", ".”", ":", " –"].map { Array($0.utf8) }
}

/// A small, fast, deterministic random number generator (SplitMix64).
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
