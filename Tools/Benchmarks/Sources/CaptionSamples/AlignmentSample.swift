import Captions

/// A deterministic alignment workload: three hours of captions (about 30,000
/// words in 3,000 ten-word cues, fillers and a voice now and then) and 100
/// quotes, 80 taken from the captions — a quarter with a word misspelled, a
/// quarter shortened with an ellipsis, fillers left out — and 20 never said.
///
/// The vocabulary is 150 common English words and 2,700 rarer words built
/// from sixteen syllables, drawn with a skew towards the frequent ones. Such
/// words share more letters than English words do, which makes the aligner's
/// fuzzy-match filters work harder: a pessimistic sample.
public struct AlignmentSample: Sendable {
    /// The captions.
    public let document: CaptionDocument
    /// The quotes, in article order.
    public let quotes: [Quotation]
    /// How many of ``quotes`` are spoken (the first ones).
    public let spokenQuotes = 80
    /// How many words the captions hold.
    public let wordCount: Int

    private static let common = """
        the of and to a in that is was he for it with as his on be at by i this had not are but from or have an they \
        which one you were her all she there would their we him been has when who will more no if out so said what up \
        its about into than them can only other new some could time these two may then do first any my now such like our \
        over man me even most made after also did many before must through back years where much your way well down should \
        because each just those people how too little state good very make world still own see men work long get here \
        between both life being under never day same another know while last might us great old year off come since \
        against go came right used take three government think country city plan money support
        """.split(separator: " ").map(String.init)
    private static let syllables = ["ka", "lo", "mer", "tin", "sa", "ve", "dor", "pli", "quen", "ras", "tu", "bel", "gon", "fi", "nar", "shi"]

    /// Makes the sample; the same every time.
    public init() {
        var random = SplitMix64(seed: 42)
        let rare: [String] = (0..<2700).map { _ in
            (0..<(2 + random.next(below: 2))).map { _ in Self.syllables[random.next(below: Self.syllables.count)] }.joined()
        }
        func nextWord() -> String {
            if random.next(below: 100) < 55 {
                return Self.common[min(random.next(below: Self.common.count), random.next(below: Self.common.count))]
            }
            return rare[min(random.next(below: rare.count), random.next(below: rare.count))]
        }

        var spoken: [String] = []
        var cues: [Cue] = []
        for c in 0..<3000 {
            var words: [String] = []
            for w in 0..<10 {
                var word = nextWord()
                if w == 0, c % 4 == 0 { word = word.prefix(1).uppercased() + word.dropFirst() }
                if w == 9, c % 2 == 1 { word += "." }
                if random.next(below: 40) == 0 { words.append("um,") }
                words.append(word)
            }
            spoken += words
            let text = words[0..<5].joined(separator: " ") + "\n" + words[5...].joined(separator: " ")
            let start = MediaTime(milliseconds: Int64(c) * 3600)
            let content: [CueNode] = c % 10 == 0
                ? [.span(CueSpan(kind: .voice, annotation: "Speaker \(c % 7)", children: [.text(text)]))]
                : [.text(text)]
            cues.append(Cue(start: start, end: start + MediaTime(milliseconds: 3500), content: content))
        }

        var quotes: [Quotation] = []
        for q in 0..<100 {
            var words: [String]
            if q < 80 {
                let start = random.next(below: spoken.count - 40)
                words = Array(spoken[start..<(start + 8 + random.next(below: 22))]).filter { $0 != "um," }
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
                words = (0..<(10 + random.next(below: 10))).map { _ in nextWord() }
            }
            let text = words.joined(separator: " ")
            quotes.append(Quotation(text: text, parts: [text], paragraphIndex: q, paragraphIndices: [q], range: 0..<text.utf8.count, speaker: nil))
        }
        document = CaptionDocument(format: .webvtt, cues: cues)
        self.quotes = quotes
        wordCount = spoken.count
    }
}
