/// Finds, for each cue, whether other cues are shown at the same time, how
/// many, and one of them to name: in O(n log n), so a file of many
/// overlapping cues (roll-up captions, cues without an end) gives one
/// finding per cue rather than one per pair.
///
/// Two cues overlap when each starts before the other ends; a cue without an
/// end never ends. Counting uses that a cue `y` overlaps `x` exactly when
/// `y.start < x.end` and not `y.end <= x.start`, and every cue of the second
/// kind is also of the first, so one count minus the other is the answer.
enum OverlapIndex {
    /// The cues one cue overlaps.
    struct Overlap: Sendable, Hashable {
        /// One cue shown at the same time (the next to start, else the one
        /// that had been on screen longest).
        var partner: Int
        /// How long the two are shown together; `nil` when neither ends.
        var length: MediaTime?
        /// How many cues in all are shown at the same time as this one.
        var count: Int
    }

    /// The overlaps among `members`.
    ///
    /// - Parameters:
    ///   - members: indices into `cues` of cues that last (end after start, or no end).
    ///   - cues: the document's cues.
    /// - Returns: the overlap of every member that has one, by index.
    /// - Complexity: O(n log n) for n members.
    static func overlaps(of members: [Int], in cues: [Cue]) -> [Int: Overlap] {
        let order = members.sorted { (cues[$0].start, $0) < (cues[$1].start, $1) }
        let starts = order.map { cues[$0].start }
        let ends = members.compactMap { cues[$0].end }.sorted()
        var result: [Int: Overlap] = [:]
        var longest: (index: Int, end: MediaTime?)?  // among cues earlier in `order`; nil end = never ends
        for (position, index) in order.enumerated() {
            let cue = cues[index]
            let startingBefore = cue.end.map { end in firstIndex(in: starts) { $0 >= end } } ?? starts.count
            let endedBefore = firstIndex(in: ends) { $0 > cue.start }
            let count = startingBefore - endedBefore - 1
            if count > 0 {
                let partner: Int
                if position + 1 < order.count, cue.end.map({ starts[position + 1] < $0 }) ?? true {
                    partner = order[position + 1]
                } else {
                    partner = longest?.index ?? index
                }
                result[index] = Overlap(partner: partner, length: overlapLength(cue, cues[partner]), count: count)
            }
            if let current = longest, current.end.map({ end in cue.end.map { $0 <= end } ?? false }) ?? true { continue }
            longest = (index, cue.end)
        }
        return result
    }

    private static func overlapLength(_ a: Cue, _ b: Cue) -> MediaTime? {
        let start = max(a.start, b.start)
        switch (a.end, b.end) {
        case let (x?, y?): return min(x, y) - start
        case let (x?, nil): return x - start
        case let (nil, y?): return y - start
        case (nil, nil): return nil
        }
    }

    /// The first index of sorted `times` whose time satisfies `isAtOrAfter`
    /// (which must be false, then true, along the array).
    private static func firstIndex(in times: [MediaTime], where isAtOrAfter: (MediaTime) -> Bool) -> Int {
        var low = 0, high = times.count
        while low < high {
            let middle = (low + high) / 2
            if isAtOrAfter(times[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
