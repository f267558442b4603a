/// Gathers sentences into paragraphs (see ``Transcript`` for the rules).
struct ParagraphBuilder {
    let options: Transcript.Options

    /// The paragraphs of the sentences, in order.
    func paragraphs(of drafts: [SentenceDraft]) -> [Transcript.Paragraph] {
        var paragraphs: [Transcript.Paragraph] = []
        var current: Transcript.Paragraph?
        /// A sound paragraph came between: the next speech paragraph shows its speaker again.
        var resumesTurn = false

        func close() {
            guard var paragraph = current else { return }
            current = nil
            if paragraph.sentences.allSatisfy(\.isSoundOnly) {
                // A sound is only someone's when a turn of theirs starts with it.
                paragraph.kind = .sound
                if !paragraph.startsTurn { paragraph.speaker = nil }
                resumesTurn = true
            }
            paragraphs.append(paragraph)
        }

        for (index, draft) in drafts.enumerated() {
            let endsParagraph = index + 1 == drafts.count || drafts[index + 1].breaksParagraph
            let soundAfterSpeech = draft.sentence.isSoundOnly && endsParagraph && !draft.startsTurn
                && current?.sentences.contains { !$0.isSoundOnly } == true
            if var paragraph = current, !draft.breaksParagraph, !soundAfterSpeech,
               paragraph.wordCount < options.paragraphWordTarget {
                paragraph.sentences.append(draft.sentence)
                current = paragraph
                continue
            }
            close()
            if soundAfterSpeech {
                // `[Music]` after the last words of a turn stands on its own.
                paragraphs.append(Transcript.Paragraph(kind: .sound, sentences: [draft.sentence]))
                resumesTurn = true
                continue
            }
            current = Transcript.Paragraph(
                kind: .speech, speaker: draft.speaker,
                startsTurn: draft.startsTurn || (resumesTurn && draft.speaker != nil),
                sentences: [draft.sentence])
            resumesTurn = false
        }
        close()
        return paragraphs
    }
}
