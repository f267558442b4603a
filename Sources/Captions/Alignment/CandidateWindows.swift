/// Picks the stretches of the captions worth aligning a quote against.
///
/// The quote's rarer words are looked up in the caption index ("seeds").
/// Positions where they occur are grouped when they lie close together; a
/// group holding at least two different seed words (one, for a quote with
/// only one) becomes a window, widened by the quote's length on each side.
/// A quote with an ellipsis or several parts may spread further, so its
/// seeds are grouped across a wider distance.
enum CandidateWindows {
    /// Words occurring at most this often are always seeds.
    static let rareWordLimit = 64
    /// At least this many seeds are used, rarest first, even when common.
    static let minimumSeeds = 3
    /// At most this many caption positions are looked at per quote.
    static let maximumHits = 6_000
    /// At most this many windows are aligned per quote and video.
    static let maximumWindows = 12
    /// How many spoken words a quote may leave out (fillers, restarts, slips)
    /// beyond where its seed words place it, on each side.
    static let slack = 10
    /// Places whose seeds weigh less than this share of the best place's are not aligned.
    static let weakestShare = 0.3
    /// How far apart a quote's parts may be spoken, in caption words.
    static let partGap = 150

    /// The windows (ranges of caption token positions) for a quote, the most
    /// promising first.
    static func find(_ quote: [MatchToken], in index: CaptionIndex) -> [Range<Int>] {
        let m = quote.count
        let candidates = quote.indices
            .filter { quote[$0].id >= 0 && quote[$0].flags.isDisjoint(with: [.filler, .editorial]) }
            .sorted { index.frequency(of: quote[$0].id) < index.frequency(of: quote[$1].id) }
        var seeds: [Int] = []
        var hitCount = 0
        for q in candidates {
            let frequency = index.frequency(of: quote[q].id)
            guard frequency <= rareWordLimit || seeds.count < minimumSeeds else { break }
            guard hitCount + frequency <= maximumHits || seeds.isEmpty else { break }
            seeds.append(q)
            hitCount += frequency
        }
        guard !seeds.isEmpty else { return [] }

        var hits: [(position: Int32, seed: Int32)] = []
        hits.reserveCapacity(hitCount)
        for q in seeds {
            for position in index.postings[Int(quote[q].id)] { hits.append((position, Int32(q))) }
        }
        hits.sort { $0.position < $1.position }

        let hasGaps = quote.contains { $0.flags.contains(.gapBefore) }
        let maximumDistance = max(8, m / 2) + (hasGaps ? partGap : 0)
        let distinctSeedKeys = Set(seeds.map { quote[$0].id }).count
        let required = min(2, distinctSeedKeys)

        // Rare words say more about a place than common ones: weigh each
        // distinct seed word of a group by 1/√frequency.
        // Each hit also says where the quote would start and end if that
        // word is where it stands in the quote.
        var groups: [(range: Range<Int>, weight: Double)] = []
        var start = 0
        while start < hits.count {
            var end = start
            while end + 1 < hits.count, hits[end + 1].position - hits[end].position <= maximumDistance { end += 1 }
            var keys = Set<Int32>()
            for hit in hits[start...end] { keys.insert(quote[Int(hit.seed)].id) }
            if keys.count >= required {
                let weight = keys.reduce(0.0) { $0 + 1 / Double(index.frequency(of: $1)).squareRoot() }
                let first = hits[start...end].map { Int($0.position) - Int($0.seed) }.min() ?? 0
                let last = hits[start...end].map { Int($0.position) + (m - Int($0.seed)) }.max() ?? 0
                groups.append((first..<last, weight))
            }
            start = end + 1
        }
        groups.sort { $0.weight > $1.weight }
        // A place whose seeds weigh far less than the best place's holds at
        // most a few common words of the quote.
        if let strongest = groups.first?.weight {
            groups.removeAll { $0.weight < strongest * weakestShare }
        }

        // Widen each group by some slack for words the quote leaves out;
        // merge windows that overlap,
        // keeping each merged window where its strongest group put it. Windows
        // stay disjoint, so a union can only grow into later ones.
        var windows: [Range<Int>] = []
        for group in groups.prefix(maximumWindows) {
            let window = max(0, group.range.lowerBound - slack)..<min(index.tokens.count, max(0, group.range.upperBound + slack))
            guard let k = windows.firstIndex(where: { $0.overlaps(window) }) else {
                windows.append(window)
                continue
            }
            windows[k] = min(windows[k].lowerBound, window.lowerBound)..<max(windows[k].upperBound, window.upperBound)
            var n = k + 1
            while n < windows.count {
                if windows[n].overlaps(windows[k]) {
                    windows[k] = min(windows[k].lowerBound, windows[n].lowerBound)..<max(windows[k].upperBound, windows[n].upperBound)
                    windows.remove(at: n)
                } else {
                    n += 1
                }
            }
        }
        return windows
    }
}
