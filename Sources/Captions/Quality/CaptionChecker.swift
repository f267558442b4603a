/// Checks a caption document against a ``QualityProfile``: the reader's
/// validation warnings, then each cue's lines, reading speed and duration,
/// then how cues follow one another (order, overlaps, gaps).
///
/// The cues checked are the document's ``CaptionDocument/spokenCues``: the
/// cues of SRT and WebVTT, the paragraphs of TTML, so that a finding's cue
/// number is the event's position in the file.
///
/// ```swift
/// let read = try CaptionDocument.read(bytes, file: "news.vtt")
/// let findings = CaptionChecker(profile: .netflix).check(read.document, diagnostics: read.diagnostics)
/// ```
public struct CaptionChecker: Sendable {
    /// The limits checked.
    public var profile: QualityProfile
    /// The frame rate durations and gaps are counted at.
    public var frameRate: FrameRate

    /// Creates a checker.
    ///
    /// - Parameters:
    ///   - profile: the guideline to check against.
    ///   - frameRate: the video's frame rate; the profile's own when `nil`.
    public init(profile: QualityProfile, frameRate: FrameRate? = nil) {
        self.profile = profile
        self.frameRate = frameRate ?? profile.defaultFrameRate
    }

    /// Finds everything in `document` that breaks the profile.
    ///
    /// - Parameters:
    ///   - document: the captions.
    ///   - diagnostics: the reader's warnings, reported as validation findings.
    /// - Returns: the findings, in file order; `cue` numbers count
    ///   ``CaptionDocument/spokenCues``.
    /// - Complexity: O(n log n + o) for n cues and o overlapping pairs.
    public func check(_ document: CaptionDocument, diagnostics: [Diagnostic] = []) -> [Finding] {
        var findings = diagnostics.map(Finding.init(validating:))
        // The file's own events: each TTML <p> once (its flattened timeline
        // would report one overlap of two paragraphs as a three-line cue and
        // two touching intervals), the cues of SRT and WebVTT.
        let cues = document.spokenCues
        let lines = cues.map { CueLines($0.content) }
        let checksLineBreaks = document.language.map { $0.lowercased().hasPrefix("en") } ?? true
        for (index, cue) in cues.enumerated() {
            findings += checkCue(cue, number: index + 1, lines: lines[index], lineBreaks: checksLineBreaks)
        }
        // TTML has no file order to keep: its cues are a timeline computed from the tree.
        if document.format != .ttml { findings += checkOrder(cues) }
        let lasting = Self.lastingCues(cues, visible: lines.map { !$0.isBlank })
        findings += checkOverlaps(cues, members: lasting)
        findings += checkGaps(cues, members: lasting)
        return Self.sortedByPosition(findings)
    }

    // MARK: One cue

    private func checkCue(_ cue: Cue, number: Int, lines: CueLines, lineBreaks: Bool) -> [Finding] {
        var findings: [Finding] = []
        func report(_ severity: Diagnostic.Severity, _ rule: QualityRule, _ message: String, value: Double? = nil,
                    limit: Double? = nil, unit: Finding.Unit? = nil, source: String? = nil) {
            findings.append(Self.finding(severity, rule, message, cue: cue, number: number, value: value, limit: limit,
                                         unit: unit, source: source))
        }
        guard !lines.isBlank else {
            report(.warning, .emptyCue, "the cue has no visible text")
            return findings
        }
        let name = profile.name
        if let limit = profile.maxCharactersPerLine {
            for (lineIndex, length) in lines.lineLengths.enumerated() where length > limit.value {
                report(limit.severity, .maxCharactersPerLine, "line \(lineIndex + 1) has \(length) characters; \(name) allows \(limit.value)",
                       value: Double(length), limit: Double(limit.value), unit: .characters, source: limit.source)
            }
        }
        let lineCount = lines.lineCount
        if let limit = profile.maxLines, lineCount > limit.value {
            report(limit.severity, .maxLines, "\(lineCount) lines; \(name) allows \(limit.value)",
                   value: Double(lineCount), limit: Double(limit.value), unit: .lines, source: limit.source)
        }
        if lineBreaks, let rule = profile.lineBreaks, lineCount > 1, !lines.isDialogue,
           let message = lineBreakProblem(lines, lineCount: lineCount, rule: rule) {
            report(rule.severity, .lineBreak, message, source: rule.source)
        }
        guard let end = cue.end else { return findings }
        let duration = end - cue.start
        let frames = frame(of: end) - frame(of: cue.start)
        if duration > .zero, let speed = readingSpeedProblem(lines, duration: duration) {
            report(speed.limit.severity, .maxReadingSpeed, speed.message, value: speed.value,
                   limit: speed.limit.value.value, unit: speed.unit, source: speed.limit.source)
        }
        if let limit = profile.minDuration, let required = minimumDuration(words: lines.wordCount),
           MediaTime(seconds: frames) < required * rateAsTime {
            let explanation = switch limit.value {
            case .fixed: "\(name) requires at least \(Self.text(required)) s"
            case .perWord(let perWord):
                "\(name) asks for \(Self.text(perWord)) s per word, \(Self.text(required)) s for \(lines.wordCount) words"
            }
            report(limit.severity, .minDuration, "shown for \(Self.text(duration)) s (\(Self.frames(frames)) at \(frameRate) fps); \(explanation)",
                   value: Self.number(duration), limit: Self.number(required), unit: .seconds, source: limit.source)
        }
        if let limit = profile.maxDuration, MediaTime(seconds: frames) > limit.value.frames(at: frameRate) {
            let allowed = limit.value.time(at: frameRate)
            report(limit.severity, .maxDuration,
                   "shown for \(Self.text(duration)) s (\(Self.frames(frames)) at \(frameRate) fps); \(name) allows \(Self.text(allowed)) s",
                   value: Self.number(duration), limit: Self.number(allowed), unit: .seconds, source: limit.source)
        }
        return findings
    }

    private func readingSpeedProblem(_ lines: CueLines, duration: MediaTime)
        -> (limit: QualityProfile.Limit<QualityProfile.ReadingSpeed>, value: Double, unit: Finding.Unit, message: String)?
    {
        for limit in profile.maxReadingSpeed {
            let speed: Double, unit: Finding.Unit, measured: String
            switch limit.value {
            case .charactersPerSecond:
                speed = Double(lines.characterCount) / duration.seconds
                unit = .charactersPerSecond
                measured = "\(Self.oneDecimal(speed)) characters per second (\(lines.characterCount) characters in \(Self.text(duration)) s)"
            case .wordsPerMinute:
                speed = Double(lines.wordCount) * 60 / duration.seconds
                unit = .wordsPerMinute
                measured = "\(Self.oneDecimal(speed)) words per minute (\(lines.wordCount) words in \(Self.text(duration)) s)"
            }
            guard speed > limit.value.value else { continue }
            let allowed = Self.oneDecimal(limit.value.value)
            let judgement = limit.severity == .info
                ? " is above \(profile.name)'s target of \(allowed)" : "; \(profile.name) allows \(allowed)"
            return (limit, Self.rounded(speed), unit, measured + judgement)
        }
        return nil
    }

    private func lineBreakProblem(_ lines: CueLines, lineCount: Int, rule: QualityProfile.Limit<Set<QualityProfile.WordClass>>) -> String? {
        let breaker = LineBreaker(maxCharactersPerLine: profile.maxCharactersPerLine?.value ?? Int.max / 4, weakEndings: rule.value)
        let weak = breaker.weakEndings(in: lines)
        guard let first = weak.first, let better = breaker.layout(lines, lineCount: lineCount) else { return nil }
        let suggestion = lines.withBreaks(better)
        guard breaker.weakEndings(in: suggestion).count < weak.count else { return nil }
        let breakWords = better.indices.filter { better[$0] }.map { "\"\(lines.words[$0])\"" }
        return "line \(first.line + 1) ends on the \(first.wordClass.rawValue) \"\(first.word)\"; break after \(breakWords.joined(separator: " and ")) instead"
    }

    // MARK: Cues together

    private func checkOrder(_ cues: [Cue]) -> [Finding] {
        var findings: [Finding] = []
        var latest: (number: Int, start: MediaTime)?
        for (index, cue) in cues.enumerated() {
            guard let current = latest, cue.start <= current.start else {
                latest = (index + 1, cue.start)
                continue
            }
            guard cue.start < current.start else { continue }
            findings.append(Self.finding(.error, .outOfOrder,
                "starts at \(Self.clock(cue.start)), before cue \(current.number), written earlier, which starts at \(Self.clock(current.start)); players that keep file order show it late",
                cue: cue, number: index + 1, value: Self.number(cue.start), limit: Self.number(current.start), unit: .seconds, source: nil))
        }
        return findings
    }

    /// Cues with text that stay up for some time: the ones that can overlap or leave gaps.
    static func lastingCues(_ cues: [Cue], visible: [Bool]) -> [Int] {
        cues.indices.filter { index in visible[index] && (cues[index].end.map { $0 > cues[index].start } ?? true) }
    }

    /// One finding per overlapping cue: an error when another cue is shown in
    /// the same place, a warning when only in a different region or position.
    private func checkOverlaps(_ cues: [Cue], members: [Int]) -> [Finding] {
        let groups = Dictionary(grouping: members) { cues[$0].placement }
        var samePlace: [Int: OverlapIndex.Overlap] = [:]
        for group in groups.values {
            samePlace.merge(OverlapIndex.overlaps(of: group, in: cues)) { first, _ in first }
        }
        let anywhere = groups.count > 1 ? OverlapIndex.overlaps(of: members, in: cues) : [:]
        var findings: [Finding] = []
        for index in members {
            let severity: Diagnostic.Severity
            let place: String
            let overlap: OverlapIndex.Overlap
            if let found = samePlace[index] {
                (severity, place, overlap) = (.error, "", found)
            } else if let found = anywhere[index] {
                (severity, place, overlap) = (.warning, ", in a different place,", found)
            } else {
                continue
            }
            let amount = overlap.length.map { "for \(Self.text($0)) s" } ?? "until the end"
            let others = overlap.count - 1
            let more = others == 0 ? "" : " (and \(others) other cue\(others == 1 ? "" : "s"))"
            findings.append(Self.finding(severity, .overlap, "shown at the same time as cue \(overlap.partner + 1)\(place) \(amount)\(more)",
                                         cue: cues[index], number: index + 1, value: overlap.length.map(Self.number), limit: 0,
                                         unit: .seconds, source: nil))
        }
        return findings
    }

    /// Gaps between a cue and the one before it, once nothing else is on screen.
    private func checkGaps(_ cues: [Cue], members: [Int]) -> [Finding] {
        guard profile.gap != nil else { return [] }
        var findings: [Finding] = []
        var lastOff: (index: Int, end: MediaTime)?  // the cue that went off last so far
        for index in members.sorted(by: { (cues[$0].start, $0) < (cues[$1].start, $1) }) {
            let cue = cues[index]
            if let previous = lastOff, previous.end <= cue.start,
               let finding = gapFinding(cues, from: previous.index, to: index, previousEnd: previous.end) {
                findings.append(finding)
            }
            // A cue without an end is on screen for good: no gap follows it.
            guard let end = cue.end else { break }
            if end >= (lastOff?.end ?? end) { lastOff = (index, end) }
        }
        return findings
    }

    private func gapFinding(_ cues: [Cue], from previous: Int, to next: Int, previousEnd: MediaTime) -> Finding? {
        guard let rule = profile.gap else { return nil }
        let gapFrames = frame(of: cues[next].start) - frame(of: previousEnd)
        guard let broken = gapLimitBroken(frames: gapFrames) else { return nil }
        let gapTime = cues[next].start - previousEnd
        let explanation: String
        let rate = "at \(frameRate) fps"
        if broken.shouldClose {
            let gaps = rule.closeUpToIncludesLimit ? "gaps of \(describe(broken.limit.value)) or less" : "gaps under \(describe(broken.limit.value))"
            let closedTo = rule.closedGap == .frames(0) ? "closed" : "closed to \(describe(rule.closedGap))"
            explanation = "\(profile.name) wants \(gaps) \(closedTo) \(rate)"
        } else {
            let orNone = rule.closedGap == .frames(0) ? ", or none" : ""
            explanation = "\(profile.name) requires at least \(describe(broken.limit.value)) \(rate)\(orNone)"
        }
        let (value, limitValue, unit): (Double, Double, Finding.Unit) = switch broken.limit.value {
        case .frames(let count): (Double(gapFrames), Double(count), .frames)
        case .seconds(let seconds): (Self.number(gapTime), Self.number(seconds), .seconds)
        }
        return Self.finding(broken.limit.severity, .minGap,
                            "gap of \(Self.frames(gapFrames)) (\(Self.text(gapTime)) s) before cue \(next + 1); \(explanation)",
                            cue: cues[previous], number: previous + 1, value: value, limit: limitValue, unit: unit,
                            source: broken.limit.source)
    }

    // MARK: Limits in frames, shared with the fixer

    /// The gap limit a gap of `frames` frames breaks, if any, and whether it
    /// is the "should be closed" limit rather than the minimum.
    func gapLimitBroken(frames gapFrames: Int64) -> (limit: QualityProfile.Limit<QualityProfile.TimeAmount>, shouldClose: Bool)? {
        guard let rule = profile.gap else { return nil }
        let gap = MediaTime(seconds: gapFrames)
        if gap == rule.closedGap.frames(at: frameRate) { return nil }
        if gap < rule.minimum.value.frames(at: frameRate) { return (rule.minimum, false) }
        guard let close = rule.closeUpTo else { return nil }
        let limit = close.value.frames(at: frameRate)
        return (rule.closeUpToIncludesLimit ? gap <= limit : gap < limit) ? (close, true) : nil
    }

    /// The shortest time a cue of `words` words may be shown, if the profile sets one.
    func minimumDuration(words: Int) -> MediaTime? {
        switch profile.minDuration?.value {
        case .fixed(let amount): amount.time(at: frameRate)
        case .perWord(let perWord): perWord * MediaTime(seconds: Int64(words))
        case nil: nil
        }
    }

    /// `true` unless a cue shown from `start` to `end` with `words` words is
    /// shorter than the profile's minimum, counted in frames.
    func meetsMinimumDuration(from start: MediaTime, to end: MediaTime, words: Int) -> Bool {
        guard let minimum = minimumDuration(words: words) else { return true }
        return MediaTime(seconds: frame(of: end) - frame(of: start)) >= minimum * rateAsTime
    }

    /// `true` unless a cue shown from `start` to `end` is longer than the
    /// profile's maximum, counted in frames.
    func meetsMaximumDuration(from start: MediaTime, to end: MediaTime) -> Bool {
        guard let maximum = profile.maxDuration else { return true }
        return MediaTime(seconds: frame(of: end) - frame(of: start)) <= maximum.value.frames(at: frameRate)
    }

    // MARK: Helpers

    private var rateAsTime: MediaTime { MediaTime(numerator: frameRate.numerator, denominator: frameRate.denominator) }

    /// The frame a time falls on: the nearest one, since players snap cue times to frames.
    func frame(of time: MediaTime) -> Int64 {
        (time * rateAsTime).rounded(toUnitsPerSecond: 1)
    }

    /// `2 frames`, or `0.5 s (12 frames)`: gaps are counted in frames, so a
    /// limit in seconds says how many frames it is at the checker's rate.
    private func describe(_ amount: QualityProfile.TimeAmount) -> String {
        switch amount {
        case .frames(let count):
            return Self.frames(count)
        case .seconds(let seconds):
            let frames = amount.frames(at: frameRate)
            let count = frames.denominator == 1 ? String(frames.numerator) : Self.oneDecimal(frames.seconds)
            return "\(Self.text(seconds)) s (\(count) frames)"
        }
    }

    private static func finding(_ severity: Diagnostic.Severity, _ rule: QualityRule, _ message: String, cue: Cue, number: Int,
                                value: Double?, limit: Double?, unit: Finding.Unit?, source: String?) -> Finding {
        var finding = Finding(severity, rule: rule, message, at: cue.location)
        finding.cue = number
        finding.cueID = cue.id.isEmpty ? nil : cue.id
        finding.start = cue.start
        finding.end = cue.end
        finding.value = value
        finding.limit = limit
        finding.unit = unit
        finding.source = source
        return finding
    }

    private static func sortedByPosition(_ findings: [Finding]) -> [Finding] {
        findings.enumerated().sorted { a, b in
            let l = a.element, r = b.element
            let lKey = (l.location?.line ?? Int.max, l.location?.column ?? 0, l.cue ?? 0, a.offset)
            let rKey = (r.location?.line ?? Int.max, r.location?.column ?? 0, r.cue ?? 0, b.offset)
            return lKey < rKey
        }.map(\.element)
    }

    /// Seconds rounded to the millisecond, as the JSON report gives times.
    static func number(_ time: MediaTime) -> Double { Double(time.roundedMilliseconds) / 1000 }

    static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    static func oneDecimal(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int64(tenths / 10)) : String(tenths / 10)
    }

    /// Seconds to the millisecond without trailing zeros: `0.833`, `1.5`, `7`.
    static func text(_ time: MediaTime) -> String {
        let ms = time.roundedMilliseconds
        let sign = ms < 0 ? "-" : ""
        let whole = abs(ms) / 1000, fraction = abs(ms) % 1000
        guard fraction != 0 else { return "\(sign)\(whole)" }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 3 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(sign)\(whole).\(digits)"
    }

    static func frames(_ count: Int64) -> String { count == 1 || count == -1 ? "\(count) frame" : "\(count) frames" }

    /// `HH:MM:SS.mmm`.
    static func clock(_ time: MediaTime) -> String { TimestampFormatter(fractionSeparator: ".").string(time) }
}

/// Where a cue is laid out: two cues with the same placement shown together
/// are drawn one over the other (or stacked where the guideline allows neither).
struct Placement: Hashable {
    var region: String?
    var line: CueSettings.Line
    var position: Double?
    var vertical: CueSettings.Vertical
}

extension Cue {
    /// The cue's region, line, position and direction.
    var placement: Placement {
        Placement(region: settings.region, line: settings.line, position: settings.position, vertical: settings.vertical)
    }
}
