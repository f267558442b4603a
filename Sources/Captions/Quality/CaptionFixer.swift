/// Fixes what can be fixed mechanically without changing what is said:
/// overlaps are clipped, gaps the profile rejects are closed (or widened to
/// the profile's closed gap), and lines are re-broken within the limits.
///
/// The fixes apply to the cues the checker checks,
/// ``CaptionDocument/spokenCues``: for TTML the paragraphs, whose fixed list
/// then also stands as the document's timeline.
///
/// Nothing is guessed: an overlap where one cue contains the other, a gap
/// that cannot move without breaking a duration limit, and text too long for
/// the allowed lines are left alone and counted, so the report can say so.
public struct CaptionFixer: Sendable {
    /// A kind of change, or of problem left for a person.
    public enum Change: String, Sendable, Hashable, CaseIterable, Comparable {
        /// The earlier of two overlapping cues now ends as the later starts (less the closed gap).
        case overlapClipped = "clipped overlaps"
        /// A short gap was closed by keeping the earlier cue up longer.
        case gapClosed = "closed gaps"
        /// A gap under the minimum was widened by ending the earlier cue sooner.
        case gapWidened = "widened gaps"
        /// A cue's lines were re-broken.
        case linesRebroken = "re-broke lines"
        /// An overlap was left: one cue starts with or contains the other.
        case overlapLeft = "left overlaps"
        /// A gap was left: moving it would break a duration limit.
        case gapLeft = "left gaps"
        /// A cue's text does not fit in the allowed lines, or its lines are two speakers'.
        case linesLeft = "left lines"

        /// Orders kinds as they are listed, for a stable report.
        public static func < (lhs: Change, rhs: Change) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// What the fixer did.
    public struct Result: Sendable {
        /// The fixed document.
        public var document: CaptionDocument
        /// How many changes of each kind were made (or problems left).
        public var changes: [Change: Int]

        /// `true` when the document was changed.
        public var changedAnything: Bool {
            changes.keys.contains { $0 == .overlapClipped || $0 == .gapClosed || $0 == .gapWidened || $0 == .linesRebroken }
        }
    }

    /// The profile whose limits are fixed.
    public var profile: QualityProfile
    /// The frame rate gaps and durations are counted at.
    public var frameRate: FrameRate

    /// Creates a fixer.
    ///
    /// - Parameters:
    ///   - profile: the guideline to meet.
    ///   - frameRate: the video's frame rate; the profile's own when `nil`.
    public init(profile: QualityProfile, frameRate: FrameRate? = nil) {
        self.profile = profile
        self.frameRate = frameRate ?? profile.defaultFrameRate
    }

    /// Fixes `document`.
    ///
    /// - Parameter document: the captions.
    /// - Returns: the fixed document and a tally of changes.
    /// - Complexity: O(n log n) for the timing fixes; re-breaking is
    ///   polynomial in a cue's word count, which the line limits bound.
    public func fix(_ document: CaptionDocument) -> Result {
        var cues = document.spokenCues
        var changes: [Change: Int] = [:]
        let checker = CaptionChecker(profile: profile, frameRate: frameRate)
        let lines = cues.map { CueLines($0.content) }
        clipOverlaps(&cues, lines: lines, changes: &changes)
        adjustGaps(&cues, lines: lines, checker: checker, changes: &changes)
        let english = document.language.map { $0.lowercased().hasPrefix("en") } ?? true
        rebreakLines(&cues, lines: lines, english: english, changes: &changes)
        var result = Result(document: document, changes: changes)
        if document.paragraphs.isEmpty {
            result.document.cues = cues
        } else if result.changedAnything {
            // TTML: the fixed paragraphs no longer overlap in a region, so the
            // timeline shows each on its own, in order of time.
            result.document.paragraphs = cues
            result.document.cues = cues.enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }.map(\.element)
        }
        return result
    }

    /// One line per kind of change, such as `clipped 2 overlaps`.
    ///
    /// - Parameter changes: a fixer's tally.
    /// - Returns: the lines, in a stable order.
    public func summary(of changes: [Change: Int]) -> [String] {
        // "ends 2 frames before the later one", or "ends as the later one starts".
        let closedGap = profile.gap?.closedGap ?? .frames(0)
        let closed = closedGap == .frames(0) ? nil : describe(closedGap)
        return changes.keys.sorted().compactMap { kind in
            guard let n = changes[kind], n > 0 else { return nil }
            func plural(_ word: String) -> String { n == 1 ? word : word + "s" }
            return switch kind {
            case .overlapClipped:
                "clipped \(n) \(plural("overlap")): the earlier cue now ends " + (closed.map { "\($0) before the later one starts" } ?? "as the later one starts")
            case .gapClosed:
                "closed \(n) \(plural("gap"))" + (closed.map { " to \($0)" } ?? "") + ": the earlier cue stays up longer"
            case .gapWidened:
                "widened \(n) \(plural("gap"))" + (closed.map { " to \($0)" } ?? "") + ": the earlier cue ends sooner"
            case .linesRebroken: "re-broke the lines of \(n) \(plural("cue"))"
            case .overlapLeft: "left \(n) \(plural("overlap")) alone: one cue starts with or contains the other"
            case .gapLeft: "left \(n) \(plural("gap")) alone: moving the cue's end would break its duration limit"
            case .linesLeft: "left the lines of \(n) \(plural("cue")) alone: too long for the allowed lines, or two speakers' lines"
            }
        }
    }

    // MARK: Steps

    /// The cues that can overlap or leave gaps, as the checker sees them, in the order they are shown.
    private func timeline(_ cues: [Cue], _ lines: [CueLines]) -> [Int] {
        CaptionChecker.lastingCues(cues, visible: lines.map { !$0.isBlank })
            .sorted { (cues[$0].start, $0) < (cues[$1].start, $1) }
    }

    /// Clips each cue that the next cue in the same place starts during.
    private func clipOverlaps(_ cues: inout [Cue], lines: [CueLines], changes: inout [Change: Int]) {
        // Places are independent, so the grouping's order does not matter.
        for group in Dictionary(grouping: timeline(cues, lines), by: { cues[$0].placement }).values {
            for (a, b) in zip(group, group.dropFirst()) {
                guard cues[a].end.map({ $0 > cues[b].start }) ?? true else { continue }
                guard cues[a].start < cues[b].start, let end = cues[a].end, let laterEnd = cues[b].end, end <= laterEnd else {
                    changes[.overlapLeft, default: 0] += 1
                    continue
                }
                var newEnd = cues[b].start - closedGap
                if newEnd <= cues[a].start { newEnd = cues[b].start }
                if let clipped = cues[a].clipped(from: nil, to: newEnd) {
                    cues[a] = clipped
                    changes[.overlapClipped, default: 0] += 1
                }
            }
        }
    }

    /// Closes (or widens) each gap the checker would report: between the cue
    /// that went off last and the next to start, once nothing is on screen.
    private func adjustGaps(_ cues: inout [Cue], lines: [CueLines], checker: CaptionChecker, changes: inout [Change: Int]) {
        var lastOff: Int?
        for b in timeline(cues, lines) {
            if let a = lastOff, let end = cues[a].end, end <= cues[b].start,
               checker.gapLimitBroken(frames: checker.frame(of: cues[b].start) - checker.frame(of: end)) != nil {
                let newEnd = cues[b].start - closedGap
                // Closing a gap lengthens the earlier cue, widening one shortens
                // it: either is skipped when it would break a duration limit.
                let lengthens = newEnd > end
                let allowed = lengthens
                    ? checker.meetsMaximumDuration(from: cues[a].start, to: newEnd)
                    : checker.meetsMinimumDuration(from: cues[a].start, to: newEnd, words: lines[a].wordCount)
                if newEnd > cues[a].start, allowed {
                    cues[a].end = newEnd
                    changes[lengthens ? .gapClosed : .gapWidened, default: 0] += 1
                } else {
                    changes[.gapLeft, default: 0] += 1
                }
            }
            // A cue without an end stays up: no gap follows it.
            guard let end = cues[b].end else { break }
            if let a = lastOff, let previousEnd = cues[a].end, previousEnd > end { continue }
            lastOff = b
        }
    }

    private func rebreakLines(_ cues: inout [Cue], lines: [CueLines], english: Bool, changes: inout [Change: Int]) {
        let maxCharacters = profile.maxCharactersPerLine?.value ?? Int.max / 4
        let weak = english ? profile.lineBreaks?.value ?? [] : []
        let breaker = LineBreaker(maxCharactersPerLine: maxCharacters, weakEndings: weak)
        for index in cues.indices where !lines[index].isBlank {
            let current = lines[index]
            let lineCount = current.lineCount
            let maxLines = profile.maxLines?.value ?? lineCount
            let tooLong = current.lineLengths.contains { $0 > maxCharacters } || lineCount > maxLines
            let badBreak = lineCount > 1 && !breaker.weakEndings(in: current).isEmpty
            guard tooLong || badBreak else { continue }
            guard !current.isDialogue, let breaks = breaker.fewestLines(current, maxLines: maxLines) else {
                if tooLong { changes[.linesLeft, default: 0] += 1 }
                continue
            }
            let better = current.withBreaks(breaks)
            // A weak ending stays when no layout avoids it; only change what improves.
            guard tooLong || breaker.weakEndings(in: better).count < breaker.weakEndings(in: current).count else { continue }
            guard breaks != current.breaks else { continue }
            cues[index].content = CueLines.rewrite(cues[index].content, breaks: breaks)
            changes[.linesRebroken, default: 0] += 1
        }
    }

    // MARK: Helpers

    private var closedGap: MediaTime { profile.gap?.closedGap.time(at: frameRate) ?? .zero }

    private func describe(_ amount: QualityProfile.TimeAmount) -> String {
        switch amount {
        case .frames(let count): CaptionChecker.frames(count)
        case .seconds(let seconds): "\(CaptionChecker.text(seconds)) s"
        }
    }
}
