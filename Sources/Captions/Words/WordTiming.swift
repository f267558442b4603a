/// Gives each word of a cue its own start and end.
///
/// Inline timestamps (`<00:01:02.500>`, YouTube's karaoke timing) are taken
/// as given: a timestamp starts the word written after it. Words without one
/// share the time between the known points in proportion to their length,
/// because speech takes roughly as long as the text to write it down.
enum WordTiming {
    /// The length weight of a word: its characters plus one for the space
    /// after it, so short words still take some time.
    static func weight(of text: String) -> Int {
        text.unicodeScalars.count + 1
    }

    /// Times the words of one cue.
    ///
    /// - Parameters:
    ///   - anchors: for each word, the inline timestamp before it, if any.
    ///   - weights: for each word, its length weight.
    ///   - start: when the cue starts.
    ///   - end: when the cue ends (not before `start`).
    /// - Returns: each word's start and end, in order, inside `start...end`.
    ///   Timestamps outside the cue are clamped into it, and ones that go back
    ///   in time are moved up to the previous one.
    static func times(anchors: [MediaTime?], weights: [Int], start: MediaTime, end: MediaTime) -> [(start: MediaTime, end: MediaTime)] {
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
            let span = groupEnd - group.time
            let total = Int64(weights[group.index..<upper].reduce(0, +))
            var done: Int64 = 0
            var wordStart = group.time
            for index in group.index..<upper {
                done += Int64(weights[index])
                let wordEnd = index + 1 == upper || total == 0
                    ? groupEnd
                    : group.time + span * MediaTime(numerator: done, denominator: total)
                result.append((wordStart, wordEnd))
                wordStart = wordEnd
            }
        }
        return result
    }
}
