/// A sentence on its way into a paragraph, with what the paragraph builder
/// needs to know about its first word.
struct SentenceDraft: Sendable, Hashable {
    var sentence: Transcript.Sentence
    /// Who speaks it.
    var speaker: String?
    /// Its first word starts a speaker's turn.
    var startsTurn: Bool
    /// A change of speaker or story, or a long pause, comes before it: it
    /// cannot share a paragraph with the sentence before.
    var breaksParagraph: Bool
}

/// Splits the word stream into sentences: at sentence-ending punctuation, or
/// at pauses when the captions have none (see ``Transcript/SentenceBreaks``).
struct SentenceSplitter {
    /// The words, speakers settled.
    let words: [TimedWord]
    let options: Transcript.Options
    /// How sentence ends are found (never ``Transcript/SentenceBreaks/automatic``).
    let breaks: Transcript.SentenceBreaks
    /// For each cue, the usual time a word of it takes per unit of length.
    private let cueRates: [Int: MediaTime]
    /// The captions' own language, lowercased (tags compare without case):
    /// words in it need no language of their own.
    let documentLanguage: String?

    init(words: [TimedWord], options: Transcript.Options, documentLanguage: String? = nil) {
        self.words = words
        self.options = options
        self.documentLanguage = documentLanguage?.lowercased()
        self.breaks = options.sentenceBreaks == .automatic ? Self.detectedBreaks(words, options: options) : options.sentenceBreaks
        self.cueRates = Self.typicalRates(words)
    }

    /// ``Transcript/SentenceBreaks/pauses`` when fewer than one spoken word in
    /// ``Transcript/Options/unpunctuatedWordsPerMark`` carries punctuation.
    static func detectedBreaks(_ words: [TimedWord], options: Transcript.Options) -> Transcript.SentenceBreaks {
        var spoken = 0
        var marked = 0
        for word in words where !word.isSoundDescription {
            spoken += 1
            if ProseText.endsWithPunctuation(word.text) { marked += 1 }
        }
        return spoken > 0 && marked * max(1, options.unpunctuatedWordsPerMark) < spoken ? .pauses : .punctuation
    }

    /// The sentences in order.
    func sentences() -> [SentenceDraft] {
        var drafts: [SentenceDraft] = []
        var start = 0
        var breaksParagraph = true
        for index in words.indices.dropFirst() {
            let word = words[index]
            let previous = words[index - 1]
            let pause = pause(before: index)
            let forced = word.startsTurn || word.startsTopic || word.speaker != previous.speaker
                || pause >= options.paragraphPause
            let soundRunEnds = !word.isSoundDescription && words[start..<index].allSatisfy(\.isSoundDescription)
            guard forced || soundRunEnds || endsSentence(at: index - 1, pause: pause) else { continue }
            drafts.append(draft(start..<index, breaksParagraph: breaksParagraph))
            start = index
            breaksParagraph = forced
        }
        if !words.isEmpty { drafts.append(draft(start..<words.count, breaksParagraph: breaksParagraph)) }
        return drafts
    }

    /// Whether the sentence ends after the word at `index`, which is followed by another.
    private func endsSentence(at index: Int, pause: MediaTime) -> Bool {
        switch breaks {
        case .pauses, .automatic:
            return pause >= options.sentencePause
        case .punctuation:
            guard ProseText.endsSentence(words[index].text) else { return false }
            // `5 p.m. tomorrow`, `"Really?" he asked`: a lowercase word goes on with the sentence.
            return words[index + 1].text.first?.isLowercase != true
        }
    }

    /// The silence before the word at `index`: the gap after the word before
    /// it, plus however much longer than usual that word was held. Caption
    /// word times often run one word up to the next (inline timestamps mark
    /// only starts), so a pause shows as a long last word rather than a gap.
    private func pause(before index: Int) -> MediaTime {
        let previous = words[index - 1]
        let gap = max(.zero, words[index].start - previous.end)
        guard let rate = cueRates[previous.cueIndex] else { return gap }
        let usual = rate * MediaTime(seconds: Int64(WordTiming.weight(of: previous.text)))
        return gap + max(.zero, (previous.end - previous.start) - usual)
    }

    /// For each cue, the lower median of its words' time per unit of length.
    /// Words timed by sharing out a cue all have the same rate, so none looks
    /// held; words with their own timestamps show which one was held.
    private static func typicalRates(_ words: [TimedWord]) -> [Int: MediaTime] {
        var rates: [Int: [MediaTime]] = [:]
        for word in words {
            let weight = MediaTime(seconds: Int64(WordTiming.weight(of: word.text)))
            rates[word.cueIndex, default: []].append((word.end - word.start) / weight)
        }
        return rates.mapValues { values in
            let sorted = values.sorted()
            return sorted[(sorted.count - 1) / 2]
        }
    }

    /// `true` when the sound-description word at `index` starts a description
    /// of its own rather than going on with the one before: it opens a bracket,
    /// or it comes from another cue (`♪ ... ♪` then `[applause]`).
    private func startsSoundDescription(at index: Int) -> Bool {
        let text = words[index].text
        return text.hasPrefix("[") || text.hasPrefix("(") || index == 0 || words[index - 1].cueIndex != words[index].cueIndex
    }

    private func draft(_ range: Range<Int>, breaksParagraph: Bool) -> SentenceDraft {
        var texts = words[range].map(\.text)
        if breaks == .pauses { ProseText.punctuateInferredSentence(&texts, isSound: words[range].map(\.isSoundDescription)) }
        var parts: [Transcript.Part] = []
        for (index, text) in zip(range, texts) {
            let word = words[index]
            let language = word.language?.lowercased() == documentLanguage ? nil : word.language
            if let last = parts.last, last.isSoundDescription == word.isSoundDescription, last.language == language,
               !word.isSoundDescription || !startsSoundDescription(at: index) {
                parts[parts.count - 1].text += " " + text
            } else {
                parts.append(Transcript.Part(text, isSoundDescription: word.isSoundDescription, language: language))
            }
        }
        let first = words[range.lowerBound]
        return SentenceDraft(
            sentence: Transcript.Sentence(
                parts: parts, start: first.start, end: words[range.upperBound - 1].end, wordCount: range.count),
            speaker: first.speaker, startsTurn: first.startsTurn, breaksParagraph: breaksParagraph)
    }
}
