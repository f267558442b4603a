extension CaptionDocument {
    /// The document with roll-up and paint-on captions rewritten as pop-on
    /// captions: each line of speech once, in one cue, shown while its words
    /// are spoken.
    ///
    /// Roll-up captions repeat each line in the next cue while a new line is
    /// written under it, and paint-on captions grow a line a word at a time;
    /// played back as ordinary cues, or read by a tool, every line appears two
    /// or three times. Here each cue keeps only the words it adds (found by
    /// ``RollUpDeduplicator``, as ``CaptionWords`` finds them):
    /// - a cue whose new words start a new line becomes a cue of those lines,
    ///   timed from the first new word's start to the last one's end;
    /// - a cue whose new words continue the line already shown (paint-on) is
    ///   joined to the cue holding the start of that line;
    /// - a cue that only repeats (YouTube's ~10 ms hold cues) is left out.
    ///
    /// Markup, voices, inline timestamps and settings of the kept text stay;
    /// a cue with no text at all is kept as it is.
    ///
    /// - Parameter rollUp: how roll-up is detected; ``RollUpDeduplicator/Mode/never``
    ///   finds none.
    /// - Returns: the pop-on document, or `nil` when there is nothing to
    ///   rewrite: no roll-up was found, or the document is TTML with
    ///   paragraphs, which already hold each line once.
    /// - Complexity: O(*n*) in the length of the cue text, plus the roll-up
    ///   detection; a document without roll-up is only keyed, not tokenized.
    public func poppedOn(rollUp: RollUpDeduplicator.Mode = .automatic) -> CaptionDocument? {
        guard paragraphs.isEmpty, DisplayedCues.hasRepetition(in: cues, rollUp: rollUp) else { return nil }
        let displayed = DisplayedCues(cues, rollUp: rollUp)
        guard displayed.repeated.contains(where: { $0 > 0 }) else { return nil }

        // When the new words of each cue are spoken.
        var spoken: [Int: (start: MediaTime, end: MediaTime)] = [:]
        for word in CaptionWords(self, options: .init(rollUp: rollUp, timing: .fillsCue)).words {
            let known = spoken[word.cueIndex]
            spoken[word.cueIndex] = (min(known?.start ?? word.start, word.start), max(known?.end ?? word.end, word.end))
        }

        var popped: [(cue: Cue, origin: Int)] = []
        for (position, index) in displayed.order.enumerated() {
            let tokens = displayed.tokens[position]
            let repeated = displayed.repeated[position]
            guard !tokens.isEmpty else {
                popped.append((cues[index], index))
                continue
            }
            guard repeated < tokens.count else { continue }
            var cue = cues[index]
            cue.content = CueTokenizer.removingLeadingTokens(repeated, from: cue.content)
            if let times = spoken[index] {
                cue.start = times.start
                cue.end = times.end
            }
            if repeated > 0, tokens[repeated].line == tokens[repeated - 1].line, let last = popped.indices.last {
                popped[last].cue.content += [.text(" ")] + cue.content
                popped[last].cue.end = cue.end.map { end in popped[last].cue.end.map { max($0, end) } ?? end }
            } else {
                popped.append((cue, index))
            }
        }

        var document = self
        document.cues = popped.map(\.cue)
        // A comment stays after the cues that came before it in the file.
        for c in document.comments.indices {
            let before = document.comments[c].cuesBefore
            document.comments[c].cuesBefore = popped.filter { $0.origin < before }.count
        }
        return document
    }
}
