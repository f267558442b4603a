/// Gives each word of a cue its own start and end.
///
/// Inline timestamps (`<00:01:02.500>`, YouTube's karaoke timing) are taken
/// as given: a timestamp starts the word written after it. Words without one
/// share the time between the known points in proportion to their length,
/// because speech takes roughly as long as the text to write it down.
///
/// No word is taken to be spoken slower than ``slowestRate``: when a stretch
/// between known points is longer than its words need at that rate (a
/// pause before the next timestamp, a short cue left on screen), the words
/// take what they need from the start of the stretch and the rest is silence.
/// Without that, the last word before every pause would seem to run on
/// until the next one starts.
enum WordTiming {
    /// The most time one unit of ``weight(of:)`` (a character) is taken to
    /// last: 0.08 s, about 120 words a minute, slower than most speakers.
    static let slowestRate = MediaTime(numerator: 8, denominator: 100)

    /// The length weight of a word: its characters plus one for the space
    /// after it, so short words still take some time.
    static func weight(of text: String) -> Int {
        text.unicodeScalars.count + 1
    }

    /// The weight of the pause a word's punctuation marks: 4 units after the
    /// end of a sentence, 2 after a comma, semicolon, colon or dash, else 0.
    /// Estimated times leave that silence after the word, as speakers do.
    static func pause(after text: String) -> Int {
        var scalars = text.unicodeScalars.reversed().drop { "\"'\u{201D}\u{2019})]".unicodeScalars.contains($0) }.makeIterator()
        switch scalars.next() {
        case ".", "?", "!", "\u{2026}": return 4
        case ",", ";", ":", "-", "\u{2013}", "\u{2014}": return 2
        default: return 0
        }
    }

    /// Times the words of one cue.
    ///
    /// - Parameters:
    ///   - anchors: for each word, the inline timestamp before it, if any.
    ///   - weights: for each word, its length weight.
    ///   - pauses: for each word, the weight of the pause after it.
    ///   - capsRate: whether no word may last longer than ``slowestRate`` allows.
    ///   - start: when the cue starts.
    ///   - end: when the cue ends (not before `start`).
    /// - Returns: each word's start and end, in order, inside `start...end`.
    ///   Timestamps outside the cue are clamped into it, and ones that go back
    ///   in time are moved up to the previous one.
    static func times(anchors: [MediaTime?], weights: [Int], pauses: [Int], capsRate: Bool = true, start: MediaTime, end: MediaTime) -> [(start: MediaTime, end: MediaTime)] {
        let count = anchors.count
        guard count > 0 else { return [] }
        // Group boundaries: the first word, and every word with a timestamp.
        var groupStarts: [(index: Int, time: MediaTime)] = []
        var latest = start
        for (index, anchor) in anchors.enumerated() {
            if let anchor {
                latest = max(latest, min(anchor, end))
                groupStarts.append((index, latest))
            } else if index == 0 {
                groupStarts.append((0, start))
            }
        }
        var result: [(start: MediaTime, end: MediaTime)] = []
        result.reserveCapacity(count)
        for (g, group) in groupStarts.enumerated() {
            let upper = g + 1 < groupStarts.count ? groupStarts[g + 1].index : count
            let groupEnd = g + 1 < groupStarts.count ? groupStarts[g + 1].time : end
            // A pause after the group's last word is the silence before the next timestamp anyway.
            let total = Int64((group.index..<upper).reduce(0) { $0 + weights[$1] + ($1 + 1 < upper ? pauses[$1] : 0) })
            let available = groupEnd - group.time
            let span = capsRate ? min(available, slowestRate * MediaTime(seconds: max(1, total))) : available
            func offset(_ units: Int64) -> MediaTime {
                total == 0 ? span : span * MediaTime(numerator: units, denominator: total)
            }
            var done: Int64 = 0
            for index in group.index..<upper {
                let wordStart = group.time + offset(done)
                done += Int64(weights[index])
                result.append((wordStart, group.time + offset(done)))
                if index + 1 < upper { done += Int64(pauses[index]) }
            }
        }
        return result
    }
}
