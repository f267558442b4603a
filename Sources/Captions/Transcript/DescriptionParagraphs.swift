/// The descriptions of an audio-description track as transcript paragraphs,
/// and their place among the spoken ones: what a descriptive transcript
/// (WCAG 1.2.8, media alternative) adds to a plain one.
enum DescriptionParagraphs {
    /// One description paragraph per cue of the track, in time order.
    ///
    /// `NAME:` labels and `>>` are not read as speakers here: in a description
    /// (`Sign: Road closed`) they are part of the text.
    static func paragraphs(of track: CaptionDocument, options: Transcript.Options) -> [Transcript.Paragraph] {
        let words = CaptionWords(track, options: .init(rollUp: options.rollUp, readsSpeakerMarks: false, timing: .fillsCue)).words
            .map { word in
                var word = word
                word.speaker = nil
                word.startsTurn = false
                return word
            }
        var resolved = options
        resolved.sentenceBreaks = options.sentenceBreaks == .automatic
            ? SentenceSplitter.detectedBreaks(words, options: options) : options.sentenceBreaks
        var paragraphs: [Transcript.Paragraph] = []
        var start = 0
        while start < words.count {
            var end = start + 1
            while end < words.count, words[end].cueIndex == words[start].cueIndex { end += 1 }
            let sentences = SentenceSplitter(words: Array(words[start..<end]), options: resolved).sentences()
            paragraphs.append(Transcript.Paragraph(kind: .description, sentences: sentences.map(\.sentence)))
            start = end
        }
        return paragraphs
    }

    /// Places each description before the first sentence that starts at or
    /// after it. A description that starts while a sentence is spoken waits
    /// for the sentence to end: sentences are never cut. A speech paragraph
    /// that a description interrupts goes on as a new paragraph, its speaker
    /// shown again.
    static func merge(_ descriptions: [Transcript.Paragraph], into speech: [Transcript.Paragraph]) -> [Transcript.Paragraph] {
        var result: [Transcript.Paragraph] = []
        var next = 0
        for paragraph in speech {
            var piece: Transcript.Paragraph?
            var interrupted = false
            for (position, sentence) in paragraph.sentences.enumerated() {
                if next < descriptions.count, descriptions[next].start <= sentence.start {
                    if let done = piece { result.append(done) }
                    piece = nil
                    while next < descriptions.count, descriptions[next].start <= sentence.start {
                        result.append(descriptions[next])
                        next += 1
                    }
                    interrupted = true
                }
                if piece == nil {
                    piece = Transcript.Paragraph(
                        kind: paragraph.kind, speaker: paragraph.speaker,
                        startsTurn: (position == 0 && paragraph.startsTurn) || (interrupted && paragraph.kind == .speech && paragraph.speaker != nil),
                        sentences: [])
                }
                piece?.sentences.append(sentence)
            }
            if let done = piece { result.append(done) }
        }
        result.append(contentsOf: descriptions[next...])
        return result
    }
}
