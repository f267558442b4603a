/// Turns the runs and paragraphs of a TTML document into the caption model:
/// `paragraphs` (each `<p>` once, with the text it ever shows) and `cues`, the
/// flattened timeline: for each region, one cue for each interval in which
/// the region's displayed text is constant.
///
/// This is the intermediate synchronic document construction of TTML1 §9.3
/// reduced to text: a run is shown in a region at a time when it is active
/// then, is associated with the region (§9.3.1), the region is active, and
/// neither `tts:display` nor `tts:visibility` hides it (specified, inherited
/// or animated by `<set>`).
struct TTMLTimeline {
    private let builder: TTMLDocumentBuilder
    private let regions: [TTMLRegionDefinition]
    private let usesDefaultRegion: Bool
    /// The region slot each run shows in (a region index, or 0 for the
    /// default region), or -1 when it is in none.
    private let slots: [Int32]
    private let boxes: [TTMLRegionBox]
    /// Each region's active interval and computed visibility and display.
    private let regionBegins: [MediaTime]
    private let regionEnds: [MediaTime?]
    private let regionHidden: [Bool?]
    private let regionDisplayNone: [Bool]
    private var text: TTMLCueTextBuilder
    /// Paragraphs whose `xml:id` a cue already carries: a paint-on paragraph
    /// spans several cues, and identifiers stay unique.
    private var identifierUsed: [Bool]
    private var pieces: [TTMLCueTextBuilder.Piece] = []
    /// Settings by region slot and text alignment (none, then each alignment).
    private var settingsCache: [CueSettings?]

    init(_ builder: TTMLDocumentBuilder) {
        self.builder = builder
        regions = builder.definitions.regions
        usesDefaultRegion = regions.isEmpty
        let usesDefaultRegion = self.usesDefaultRegion
        slots = builder.runs.map { run in
            switch run.association {
            case .region(let index): return usesDefaultRegion ? 0 : Int32(index)
            case .unassociated: return usesDefaultRegion ? 0 : -1
            case .conflicting: return -1
            }
        }
        let regionStyles = usesDefaultRegion ? [builder.definitions.initial] : regions.map(\.computed)
        boxes = regions.map { TTMLRegionBox(style: $0.computed, context: builder.layout) }
        regionBegins = regions.map(\.begin)
        regionEnds = regions.map(\.end)
        regionHidden = regions.map(\.computed.hidden)
        regionDisplayNone = regions.map { $0.computed.displayNone == true }
        text = TTMLCueTextBuilder(textBytes: builder.textBytes, voices: builder.voices, roles: builder.roles, languages: builder.languages, regionStyles: regionStyles)
        identifierUsed = Array(repeating: false, count: builder.paragraphs.count)
        settingsCache = Array(repeating: nil, count: max(1, regions.count) * TTMLTimeline.alignments.count)
    }

    private static let alignments: [CueSettings.TextAlign?] = [nil, .start, .center, .end, .left, .right]

    /// The position of `align` in ``alignments``.
    private static func alignmentIndex(_ align: CueSettings.TextAlign?) -> Int {
        switch align {
        case nil: 0
        case .start?: 1
        case .center?: 2
        case .end?: 3
        case .left?: 4
        case .right?: 5
        }
    }

    /// A region's share of one paragraph: the runs it shows there.
    private struct Entry {
        var paragraph: Int
        /// Indices into the slot's run list.
        var runs: Range<Int>
        var begin: MediaTime
        var end: MediaTime?
        /// Every run has the entry's interval and nothing animates, so one
        /// rendering serves for every moment.
        var isStatic: Bool
        /// For a static entry that is its whole paragraph, the paragraph's cue
        /// (an index into the paragraph cues), whose content is that rendering.
        var cue: Int?
    }

    // MARK: The document

    /// The caption document: cues, paragraphs, regions and the colour style sheet.
    mutating func document() -> CaptionDocument {
        let slotCount = max(1, regions.count)
        var entries = Array(repeating: [Entry](), count: slotCount)
        var entryRuns = Array(repeating: [Int](), count: slotCount)
        if slotCount == 1 {
            // One region (or the default one) gets every paragraph: size it once.
            entries[0].reserveCapacity(builder.paragraphs.count)
            entryRuns[0].reserveCapacity(builder.runs.count)
        }
        var paragraphCues: [Cue] = []
        paragraphCues.reserveCapacity(builder.paragraphs.count)
        var shown: [Int] = []
        var spans: [Span] = []
        for (index, paragraph) in builder.paragraphs.enumerated() {
            shown.removeAll(keepingCapacity: true)
            spans.removeAll(keepingCapacity: true)
            var firstSlot = -1
            var oneSlot = true
            for runIndex in paragraph.runs {
                let slot = Int(slots[runIndex])
                guard slot >= 0, let span = interval(of: runIndex, slot: slot), isEverShown(runIndex, slot: slot, span: span) else { continue }
                shown.append(runIndex)
                spans.append(span)
                if firstSlot < 0 { firstSlot = slot } else if slot != firstSlot { oneSlot = false }
            }
            guard !shown.isEmpty, let cue = paragraphCue(index, runs: shown, spans: spans) else { continue }
            paragraphCues.append(cue)
            if oneSlot {
                let start = entryRuns[firstSlot].count
                entryRuns[firstSlot].append(contentsOf: shown)
                var entry = makeEntry(paragraph: index, spans: spans[...], range: start..<entryRuns[firstSlot].count)
                if entry.isStatic { entry.cue = paragraphCues.count - 1 }
                entries[firstSlot].append(entry)
                continue
            }
            // Content in several regions (TTML1 §9.3.1 lets spans name their own).
            for slot in Set(shown.map { Int(slots[$0]) }).sorted() {
                let start = entryRuns[slot].count
                let inSlot = shown.indices.filter { Int(slots[shown[$0]]) == slot }
                entryRuns[slot].append(contentsOf: inSlot.map { shown[$0] })
                var entry = makeEntry(paragraph: index, spans: ArraySlice(inSlot.map { spans[$0] }), range: start..<entryRuns[slot].count)
                entry.isStatic = false
                entries[slot].append(entry)
            }
        }
        var perSlot: [[Cue]] = []
        for slot in entries.indices where !entries[slot].isEmpty {
            perSlot.append(flatten(entries[slot], runs: entryRuns[slot], slot: slot, paragraphCues: paragraphCues))
        }
        var document = CaptionDocument(
            format: .ttml, cues: TTMLTimeline.mergedByStart(&perSlot), language: builder.language, paragraphs: paragraphCues)
        // Colours become classes named as for every format (``ColorClasses``),
        // with a style sheet that gives each class its colour.
        for color in text.colors {
            if let colorClass = ColorClasses.colorClass(forColor: color.hex) { document.classColors[colorClass.name] = colorClass.color }
        }
        if let sheet = document.classColorStyleSheet { document.styleSheets = [sheet] }
        return document
    }

    /// A run's interval within its region's active interval; `nil` when empty.
    private func interval(of runIndex: Int, slot: Int) -> Span? {
        var run = builder.runs[runIndex]
        if !usesDefaultRegion {
            run.clip(begin: regionBegins[slot], end: regionEnds[slot])
        }
        return run.isEmpty ? nil : Span(begin: run.begin, end: run.end)
    }

    /// A run's active interval; `end` is `nil` for the end of the document.
    private struct Span: Equatable {
        var begin: MediaTime
        var end: MediaTime?
    }

    private func makeEntry(paragraph: Int, spans: ArraySlice<Span>, range: Range<Int>) -> Entry {
        var begin: MediaTime?
        var end: MediaTime?
        var endless = false
        for span in spans {
            begin = begin.map { min($0, span.begin) } ?? span.begin
            if let spanEnd = span.end { end = end.map { max($0, spanEnd) } ?? spanEnd } else { endless = true }
        }
        let uniform = spans.allSatisfy { $0 == spans.first }
        return Entry(
            paragraph: paragraph, runs: range, begin: begin ?? .zero, end: endless ? nil : end,
            isStatic: uniform && !builder.hasAnimations)
    }

    // MARK: Visibility

    /// `true` when the run shows at `time` (which lies in its interval).
    private func isShown(_ runIndex: Int, slot: Int, at time: MediaTime) -> Bool {
        let run = builder.runs[runIndex]
        let initiallyHidden = builder.definitions.initial.hidden ?? false
        let regionHidden = usesDefaultRegion ? nil : self.regionHidden[slot]
        let regionDisplayNone = !usesDefaultRegion && self.regionDisplayNone[slot]
        guard builder.hasAnimations else {
            return !run.displayNone && !(run.hidden ?? regionHidden ?? initiallyHidden) && !regionDisplayNone
        }
        // With <set> animations, walk the element's ancestry: an animation in
        // force replaces the specified value (TTML1 §11.1.1).
        var hidden: Bool?
        var record = run.element
        while record >= 0 {
            let element = builder.records[Int(record)]
            if (element.animated(\.displayNone, at: time) ?? element.displayNone) == true { return false }
            if hidden == nil { hidden = element.animated(\.hidden, at: time) ?? element.hidden }
            record = element.parent
        }
        if !usesDefaultRegion {
            let animations = regions[slot].animations
            if animations.value(of: \.displayNone, at: time) ?? regionDisplayNone { return false }
            if hidden == nil { hidden = animations.value(of: \.hidden, at: time) ?? regionHidden }
        }
        return !(hidden ?? initiallyHidden)
    }

    /// The times inside the run's interval at which an animation that can
    /// affect it starts or stops.
    private func animationBoundaries(_ runIndex: Int, slot: Int, span: Span) -> [MediaTime] {
        guard builder.hasAnimations else { return [] }
        var animations: [TTMLAnimation] = []
        var record = builder.runs[runIndex].element
        while record >= 0 {
            animations += builder.records[Int(record)].animations
            record = builder.records[Int(record)].parent
        }
        if !usesDefaultRegion { animations += regions[slot].animations }
        return animations.flatMap { [$0.begin, $0.end] }.compactMap { $0 }.filter { time in
            time > span.begin && (span.end.map { time < $0 } ?? true)
        }
    }

    private func isEverShown(_ runIndex: Int, slot: Int, span: Span) -> Bool {
        if isShown(runIndex, slot: slot, at: span.begin) { return true }
        return animationBoundaries(runIndex, slot: slot, span: span).contains { isShown(runIndex, slot: slot, at: $0) }
    }

    private func piece(_ runIndex: Int, slot: Int, timestamp: MediaTime? = nil) -> TTMLCueTextBuilder.Piece {
        let run = builder.runs[runIndex]
        return TTMLCueTextBuilder.Piece(
            text: run.isLineBreak ? nil : run.textRange(), markup: run.markup,
            preservesSpace: run.preservesSpace, slot: slot, timestamp: timestamp)
    }

    // MARK: Paragraphs

    /// The paragraph as one cue: every run it ever shows, with inline
    /// timestamps where words appear later than the first (paint-on), timed
    /// from its first shown text to its last.
    private mutating func paragraphCue(_ index: Int, runs runIndices: [Int], spans: [Span]) -> Cue? {
        var begin: MediaTime?
        var end: MediaTime?
        var endless = false
        for (runIndex, span) in zip(runIndices, spans) where !builder.runs[runIndex].isBlank {
            begin = begin.map { min($0, span.begin) } ?? span.begin
            if let spanEnd = span.end { end = end.map { max($0, spanEnd) } ?? spanEnd } else { endless = true }
        }
        guard let begin else { return nil }
        var latest = begin
        pieces.removeAll(keepingCapacity: true)
        for (runIndex, span) in zip(runIndices, spans) {
            var timestamp: MediaTime?
            if span.begin > latest, !builder.runs[runIndex].isBlank {
                timestamp = span.begin
                latest = span.begin
            }
            pieces.append(piece(runIndex, slot: Int(slots[runIndex]), timestamp: timestamp))
        }
        let content = text.nodes(for: pieces)
        guard !content.isEmpty else { return nil }
        let paragraph = builder.paragraphs[index]
        var slot = Int(slots[runIndices[0]])
        if case .region(let own) = paragraph.association, !usesDefaultRegion { slot = own }
        return Cue(
            id: paragraph.id, start: begin, end: endless ? nil : end, content: content,
            settings: settings(slot: slot, textAlign: paragraph.textAlign), location: paragraph.location)
    }

    /// The cue settings for text of a region slot with the given alignment.
    private mutating func settings(slot: Int, textAlign: CueSettings.TextAlign?) -> CueSettings {
        let key = slot * TTMLTimeline.alignments.count + TTMLTimeline.alignmentIndex(textAlign)
        if let cached = settingsCache[key] { return cached }
        var settings: CueSettings
        if usesDefaultRegion {
            settings = CueSettings()
            if let align = textAlign ?? builder.definitions.initial.textAlign { settings.align = align }
        } else {
            settings = boxes[slot].cueSettings(textAlign: textAlign ?? regions[slot].computed.textAlign)
        }
        settingsCache[key] = settings
        return settings
    }

    // MARK: Flattening

    /// One region's cues: the text shown is constant between consecutive
    /// boundaries (run begins and ends, animation changes), so each such
    /// interval is rendered once; equal neighbours are merged.
    private mutating func flatten(_ entries: [Entry], runs: [Int], slot: Int, paragraphCues: [Cue]) -> [Cue] {
        if let cues = popOnCues(entries, slot: slot, paragraphCues: paragraphCues) { return cues }
        var times: [MediaTime] = []
        times.reserveCapacity(entries.count * 2)
        var hasEndless = false
        for entry in entries {
            if entry.isStatic {
                times.append(entry.begin)
                if let end = entry.end { times.append(end) } else { hasEndless = true }
                continue
            }
            for runIndex in runs[entry.runs] {
                guard let span = interval(of: runIndex, slot: slot) else { continue }
                times.append(span.begin)
                if let end = span.end { times.append(end) } else { hasEndless = true }
                times += animationBoundaries(runIndex, slot: slot, span: span)
            }
        }
        times.sort()
        var boundaries: [MediaTime] = []
        boundaries.reserveCapacity(times.count)
        for time in times where boundaries.last != time { boundaries.append(time) }

        // Entries are in document order; visit them in order of begin.
        let order = entries.indices.sorted { (entries[$0].begin, $0) < (entries[$1].begin, $1) }
        var next = 0
        var active: [Int] = []
        var cues: [Cue] = []
        for (position, start) in boundaries.enumerated() {
            let stop: MediaTime? = position + 1 < boundaries.count ? boundaries[position + 1] : nil
            if stop == nil && !hasEndless { break }
            active.removeAll { entries[$0].end.map { $0 <= start } ?? false }
            while next < order.count, entries[order[next]].begin <= start {
                let candidate = order[next]
                next += 1
                if entries[candidate].end.map({ $0 <= start }) ?? false { continue }
                let at = active.lastIndex { $0 < candidate }.map { $0 + 1 } ?? 0
                active.insert(candidate, at: at)
            }
            guard !active.isEmpty else { continue }
            // The region's text: its paragraphs in document order, each
            // starting a line, rendered together so shared styling stays one span.
            var content: [CueNode]
            var firstShown: Int?
            var shownCount = 0
            if active.count == 1, let cached = entries[active[0]].cue {
                content = paragraphCues[cached].content
                firstShown = entries[active[0]].paragraph
                shownCount = 1
            } else {
                pieces.removeAll(keepingCapacity: true)
                for entryIndex in active where gatherPieces(entries[entryIndex], runs: runs, slot: slot, from: start, to: stop) {
                    if firstShown == nil { firstShown = entries[entryIndex].paragraph }
                    shownCount += 1
                }
                content = text.nodes(for: pieces)
            }
            if content.isEmpty { continue }
            guard let firstShown else { continue }
            if let last = cues.indices.last, cues[last].end == start, cues[last].content == content {
                cues[last].end = stop
                continue
            }
            cues.append(cue(showing: firstShown, alone: shownCount == 1, slot: slot, from: start, to: stop, content: content))
        }
        return cues
    }

    /// The common pop-on case: each paragraph shows all its text at once and
    /// leaves before the next one comes, so each is one cue as it stands.
    /// `nil` when the region's paragraphs overlap or change while shown.
    private mutating func popOnCues(_ entries: [Entry], slot: Int, paragraphCues: [Cue]) -> [Cue]? {
        for (index, entry) in entries.enumerated() {
            guard entry.cue != nil else { return nil }
            if index + 1 < entries.count {
                guard let end = entry.end, end <= entries[index + 1].begin else { return nil }
            }
        }
        var cues: [Cue] = []
        cues.reserveCapacity(entries.count)
        for entry in entries {
            guard let index = entry.cue else { continue }
            if let last = cues.indices.last, cues[last].end == entry.begin, cues[last].content == paragraphCues[index].content {
                cues[last].end = entry.end
                continue
            }
            var cue = paragraphCues[index]
            // The paragraph cue spans its text; the entry may reach further (blank runs).
            cue.start = entry.begin
            cue.end = entry.end
            if identifierUsed[entry.paragraph] { cue.id = "" }
            identifierUsed[entry.paragraph] = true
            cues.append(cue)
        }
        return cues
    }

    /// A flattened cue that starts with paragraph `paragraphIndex`; it takes
    /// the paragraph's `xml:id` when it shows that paragraph alone and no
    /// earlier cue has taken it.
    private mutating func cue(
        showing paragraphIndex: Int, alone: Bool, slot: Int, from start: MediaTime, to stop: MediaTime?, content: [CueNode]
    ) -> Cue {
        let paragraph = builder.paragraphs[paragraphIndex]
        var id = ""
        if alone, !paragraph.id.isEmpty, !identifierUsed[paragraphIndex] {
            id = paragraph.id
            identifierUsed[paragraphIndex] = true
        }
        return Cue(
            id: id, start: start, end: stop, content: content,
            settings: settings(slot: slot, textAlign: paragraph.textAlign), location: paragraph.location)
    }

    /// Adds the pieces an entry shows between two consecutive boundaries,
    /// after a line break when pieces are already there.
    ///
    /// - Returns: `true` when the entry shows text there.
    private mutating func gatherPieces(_ entry: Entry, runs: [Int], slot: Int, from start: MediaTime, to stop: MediaTime?) -> Bool {
        var showsText = false
        let lineBreak = TTMLCueTextBuilder.Piece(text: nil, markup: TTMLMarkup(), preservesSpace: false, slot: slot)
        let first = pieces.count
        for runIndex in runs[entry.runs] {
            guard let span = interval(of: runIndex, slot: slot), span.begin <= start,
                  span.end.map({ end in stop.map { $0 <= end } ?? false }) ?? true,
                  isShown(runIndex, slot: slot, at: start)
            else { continue }
            if pieces.count == first, first > 0 { pieces.append(lineBreak) }
            pieces.append(piece(runIndex, slot: slot))
            if !builder.runs[runIndex].isBlank { showsText = true }
        }
        return showsText
    }

    /// The cues of all regions in order of start time; cues that start
    /// together keep region order.
    private static func mergedByStart(_ lists: inout [[Cue]]) -> [Cue] {
        guard lists.count > 1 else { return lists.first ?? [] }
        // Reversed in place, so each list's earliest cue is moved out from the end.
        for list in lists.indices { lists[list].reverse() }
        var merged: [Cue] = []
        merged.reserveCapacity(lists.reduce(0) { $0 + $1.count })
        while true {
            var best = -1
            for list in lists.indices where !lists[list].isEmpty {
                if best >= 0, !(lists[list][lists[list].count - 1].start < lists[best][lists[best].count - 1].start) { continue }
                best = list
            }
            guard best >= 0, let cue = lists[best].popLast() else { return merged }
            merged.append(cue)
        }
    }
}

extension TTMLElementRecord {
    /// The value the element's animations give `property` at `time`, if any.
    func animated(_ property: KeyPath<TTMLAnimation, Bool?>, at time: MediaTime) -> Bool? {
        animations.isEmpty ? nil : animations.value(of: property, at: time)
    }
}

extension Array where Element == TTMLAnimation {
    /// The value the last animation in force at `time` that sets `property` gives it.
    func value(of property: KeyPath<TTMLAnimation, Bool?>, at time: MediaTime) -> Bool? {
        for animation in reversed() where animation.isActive(at: time) {
            if let value = animation[keyPath: property] { return value }
        }
        return nil
    }
}
