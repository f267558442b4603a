import Captions
#if canImport(Glibc)
import Glibc
#endif

// A deterministic generator (SplitMix64), so every run times the same input.
struct Generator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}

let common = """
the of and to a in that is was he for it with as his on be at by i this had not are but from or have an they which one you \
were her all she there would their we him been has when who will more no if out so said what up its about into than them can \
only other new some could time these two may then do first any my now such like our over man me even most made after also did \
many before must through back years where much your way well down should because each just those people how too little state \
good very make world still own see men work long get here between both life being under never day same another know while last \
might us great old year off come since against go came right used take three government think country city plan money support
""".split(separator: " ").map(String.init)
var generator = Generator(state: 42)
let syllables = ["ka", "lo", "mer", "tin", "sa", "ve", "dor", "pli", "quen", "ras", "tu", "bel", "gon", "fi", "nar", "shi"]
let rare: [String] = (0..<2700).map { _ in
    (0..<(2 + generator.below(2))).map { _ in syllables[generator.below(syllables.count)] }.joined()
}

/// A word drawn with a Zipf-like skew: common words most of the time.
@MainActor func nextWord() -> String {
    let roll = generator.below(100)
    if roll < 55 { return common[min(generator.below(common.count), generator.below(common.count))] }
    return rare[min(generator.below(rare.count), generator.below(rare.count))]
}

// Three hours of captions: 3,000 cues of ten words, 3.6 s each.
var spoken: [String] = []
var cues: [Cue] = []
for c in 0..<3000 {
    var words: [String] = []
    for w in 0..<10 {
        var word = nextWord()
        if w == 0, c % 4 == 0 { word = word.prefix(1).uppercased() + word.dropFirst() }
        if w == 9, c % 2 == 1 { word += "." }
        if generator.below(40) == 0 { words.append("um,") }
        words.append(word)
    }
    spoken += words
    let text = words[0..<5].joined(separator: " ") + "\n" + words[5...].joined(separator: " ")
    let start = MediaTime(milliseconds: Int64(c) * 3600)
    let content: [CueNode] = c % 10 == 0 ? [.span(CueSpan(kind: .voice, annotation: "Speaker \(c % 7)", children: [.text(text)]))] : [.text(text)]
    cues.append(Cue(start: start, end: start + MediaTime(milliseconds: 3500), content: content))
}
let document = CaptionDocument(format: .webvtt, cues: cues)

// 100 quotes: 80 taken from the captions (some misspelled, some shortened
// with an ellipsis, some with fillers left in or out), 20 never said.
var quotes: [Quotation] = []
for q in 0..<100 {
    var words: [String]
    if q < 80 {
        let start = generator.below(spoken.count - 40)
        words = Array(spoken[start..<(start + 8 + generator.below(22))]).filter { $0 != "um," }
        switch q % 4 {
        case 0:
            if let long = words.indices.first(where: { words[$0].count > 6 }) {
                var letters = Array(words[long])
                letters.swapAt(2, 3)
                words[long] = String(letters)
            }
        case 1 where words.count > 12: words.replaceSubrange(5..<8, with: ["..."])
        default: break
        }
    } else {
        words = (0..<(10 + generator.below(10))).map { _ in nextWord() }
    }
    let text = words.joined(separator: " ")
    quotes.append(Quotation(text: text, parts: [text], paragraphIndex: q, paragraphIndices: [q], range: 0..<text.utf8.count, speaker: nil))
}

/// Wall-clock and CPU time of `body` (CPU time is what counts when other
/// programs share the cores).
@MainActor func measure(_ body: () -> Void) -> (wall: Double, cpu: Double) {
    func cpuNow() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) * 1000 + Double(spec.tv_nsec) / 1e6
    }
    let clock = ContinuousClock()
    let cpuStart = cpuNow()
    let elapsed = clock.measure(body)
    let wall = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    return (wall, cpuNow() - cpuStart)
}

var best = [(wall: Double, cpu: Double)](repeating: (.infinity, .infinity), count: 3)
var statuses: [QuoteAlignment.Status: Int] = [:]
// `--once` runs a single round, for instruction-counting profilers.
let rounds = CommandLine.arguments.contains("--once") ? 1 : 9
for _ in 0..<rounds {
    var stream: CaptionWords?
    var aligner: QuoteAligner?
    var results: [QuoteAlignment] = []
    let times = [
        measure { stream = CaptionWords(document) },
        measure { aligner = QuoteAligner(videos: [stream!]) },
        measure { results = aligner!.align(quotes) },
    ]
    for k in 0..<3 { best[k] = (min(best[k].wall, times[k].wall), min(best[k].cpu, times[k].cpu)) }
    statuses = Dictionary(grouping: results, by: \.status).mapValues(\.count)
}
@MainActor func ms(_ value: Double) -> String { String(Double(Int(value * 10)) / 10) + " ms" }
print("caption words: \(spoken.count) words in \(cues.count) cues; 100 quotes (80 from the captions, 20 never said)")
print("best of \(rounds) runs          wall       cpu")
for (name, time) in zip(["word stream (CaptionWords)", "index (QuoteAligner.init) ", "align 100 quotes          "], best) {
    print("\(name)  \(ms(time.wall))  \(ms(time.cpu))")
}
print("verdicts: \(statuses.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", "))")

if CommandLine.arguments.contains("--explain") {
    let aligner = QuoteAligner(videos: [CaptionWords(document)])
    for (q, result) in aligner.align(quotes).enumerated() where q < 80 && result.status != .matched {
        print(q, result.status, result.score, result.quotation.text)
        for o in result.occurrences { print("   ", o.status, o.captionText, o.differences.filter { $0.kind != .equal }) }
    }
}

