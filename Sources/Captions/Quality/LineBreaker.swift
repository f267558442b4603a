/// Chooses where a cue's lines break, the way the BBC and Netflix guidelines
/// ask: every line within the character limit, breaks after punctuation
/// rather than inside a clause, never after a word that belongs with the next
/// (an article, preposition, conjunction or subject pronoun), and lines of
/// similar length, the lower one the longer when they differ.
struct LineBreaker: Sendable {
    /// The most characters on a line.
    var maxCharactersPerLine: Int
    /// The words a line should not end on.
    var weakEndings: Set<QualityProfile.WordClass>

    // Costs, in "characters of imbalance": a weak ending outweighs any
    // balance; a break inside a clause costs as much as twenty characters
    // of imbalance, so a break after a comma wins over a balanced break
    // inside a phrase unless it makes the lines twenty characters apart.
    private static let weakEndingCost = 1000.0
    /// More words than any caption holds (four 42-character lines hold about 60):
    /// beyond this a cue is a paragraph, not a caption, and is not laid out.
    static let maximumWords = 150
    /// More lines than any guideline allows.
    static let maximumLines = 6
    private static let midClauseCost = 20.0

    /// The best layout of a cue's words on exactly `lineCount` lines.
    ///
    /// - Parameters:
    ///   - cue: the cue's words (their breaks are ignored).
    ///   - lineCount: how many lines to use (at least 1).
    /// - Returns: one flag per gap between words (`true` for a line break),
    ///   or `nil` when the words do not fit, or there are more than
    ///   ``maximumWords`` words or ``maximumLines`` lines to lay out.
    /// - Complexity: O(lineCount × n³) for n words, both bounded as above.
    func layout(_ cue: CueLines, lineCount: Int) -> [Bool]? {
        let n = cue.words.count
        guard n > 0, lineCount >= 1, lineCount <= n else { return n == 0 && lineCount == 1 ? [] : nil }
        guard n <= Self.maximumWords, lineCount <= Self.maximumLines else { return nil }
        // prefix[i] = characters of words[0..<i] without spaces.
        var prefix = [0]
        for length in cue.lengths { prefix.append(prefix[prefix.count - 1] + length) }
        guard prefix[n] + n - lineCount <= lineCount * maxCharactersPerLine else { return nil }
        func width(_ i: Int, _ j: Int) -> Int { prefix[j] - prefix[i] + (j - i - 1) }
        let breakCosts = cue.words.map(breakCost(after:))

        // cost[k][i][j]: best cost of words[0..<j] on k + 1 lines, the last being words[i..<j].
        let infinity = Double.infinity
        var cost = Array(repeating: Array(repeating: Array(repeating: infinity, count: n + 1), count: n + 1), count: lineCount)
        var parent = Array(repeating: Array(repeating: Array(repeating: -1, count: n + 1), count: n + 1), count: lineCount)
        for j in 1...n where width(0, j) <= maxCharactersPerLine { cost[0][0][j] = 0 }
        if lineCount > 1 {
            for k in 1..<lineCount {
                for i in 0..<n {
                    for j in (i + 1)...n where cost[k - 1][i][j] < infinity && j < n {
                        let above = width(i, j)
                        let base = cost[k - 1][i][j] + breakCosts[j - 1]
                        for m in (j + 1)...n {
                            let below = width(j, m)
                            if below > maxCharactersPerLine { break }
                            let total = base + LineBreaker.balanceCost(above: above, below: below)
                            if total < cost[k][j][m] {
                                cost[k][j][m] = total
                                parent[k][j][m] = i
                            }
                        }
                    }
                }
            }
        }
        var bestStart = -1
        var best = infinity
        for i in 0..<n where cost[lineCount - 1][i][n] < best {
            best = cost[lineCount - 1][i][n]
            bestStart = i
        }
        guard bestStart >= 0 else { return nil }
        var breaks = Array(repeating: false, count: n - 1)
        var (k, start, end) = (lineCount - 1, bestStart, n)
        while k > 0 {
            breaks[start - 1] = true
            let previous = parent[k][start][end]
            (k, start, end) = (k - 1, previous, start)
        }
        return breaks
    }

    /// The layout with the fewest lines, up to `maxLines`, that fits.
    ///
    /// - Parameters:
    ///   - cue: the cue's words.
    ///   - maxLines: the most lines allowed.
    /// - Returns: the breaks, or `nil` when the words do not fit in `maxLines` lines.
    func fewestLines(_ cue: CueLines, maxLines: Int) -> [Bool]? {
        guard maxLines >= 1 else { return nil }
        for count in 1...maxLines {
            if let breaks = layout(cue, lineCount: count) { return breaks }
        }
        return nil
    }

    /// The line-ending words of `lines` that belong with the next line.
    ///
    /// - Parameter lines: a cue's words and breaks.
    /// - Returns: for each such line, its 0-based index, the word and its class.
    func weakEndings(in lines: CueLines) -> [(line: Int, word: String, wordClass: QualityProfile.WordClass)] {
        var found: [(line: Int, word: String, wordClass: QualityProfile.WordClass)] = []
        var line = 0
        for (index, isBreak) in lines.breaks.enumerated() where isBreak {
            if let wordClass = EnglishWordClasses.weakClass(of: lines.words[index], among: weakEndings) {
                found.append((line, lines.words[index], wordClass))
            }
            line += 1
        }
        return found
    }

    private func breakCost(after word: String) -> Double {
        if EnglishWordClasses.weakClass(of: word, among: weakEndings) != nil { return LineBreaker.weakEndingCost }
        return EnglishWordClasses.endsClause(word) ? 0 : LineBreaker.midClauseCost
    }

    private static func balanceCost(above: Int, below: Int) -> Double {
        let difference = Double(above - below)
        // A top line longer than the one below reads worse than the reverse.
        return abs(difference) + max(0, difference) / 2
    }
}
