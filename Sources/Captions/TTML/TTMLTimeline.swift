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
    private var text: TTMLCueTextBuilder

    init(_ builder: TTMLDocumentBuilder) {
        self.builder = builder
        self.regions = builder.definitions.regions
        self.usesDefaultRegion = builder.definitions.regions.isEmpty
        self.text = TTMLCueTextBuilder(voices: builder.voices, roles: builder.roles, languages: builder.languages)
    }

    /// A region's share of one paragraph: the runs it shows there.
    private struct Entry {
        var paragraph: Int
        var runs: [Int]
        var begin: MediaTime
        var end: MediaTime?
        /// Every run has the entry's interval and nothing animates, so the
        /// paragraph's own rendering serves for every moment.
        var isStatic: Bool
    }

    // MARK: The document

    /// The caption document: cues, paragraphs, regions and the colour style sheet.
    mutating func document() -> CaptionDocument {
        let slots = regionSlots()
        var paragraphCues: [Cue] = []
        var cachedNodes: [Int: [CueNode]] = [:]
        var entriesBySlot = Array(repeating: [Entry](), count: max(1, regions.count))
        for (index, paragraph) in builder.paragraphs.enumerated() {
            var shown: [Int] = []
            var bySlot: [Int: [Int]] = [:]
            for runIndex in paragraph.runs {
                guard let slot = slots[runIndex], isEverShown(runIndex, slot: slot) else { continue }
                shown.append(runIndex)
                bySlot[slot, default: []].append(runIndex)
            }
            guard !shown.isEmpty, let cue = paragraphCue(index, runs: shown, slots: slots) else { continue }
            paragraphCues.append(cue)
            for (slot, runIndices) in bySlot.sorted(by: { $0.key < $1.key }) {
                let entry = makeEntry(paragraph: index, runs: runIndices, slot: slot, coversParagraph: bySlot.count == 1)
                if entry.isStatic { cachedNodes[index] = cue.content }
                entriesBySlot[slot].append(entry)
            }
        }
        var cues: [(cue: Cue, order: Int)] = []
        for slot in entriesBySlot.indices where !entriesBySlot[slot].isEmpty {
            for cue in flatten(entriesBySlot[slot], slot: slot, cached: cachedNodes) { cues.append((cue, cues.count)) }
        }
        // Cues that start together keep region order.
        cues.sort { ($0.cue.start, $0.order) < ($1.cue.start, $1.order) }
        var document = CaptionDocument(
            format: .ttml, cues: cues.map(\.cue), language: builder.language, paragraphs: paragraphCues)
        document.cues = TTMLTimeline.uniqueIdentifiers(document.cues)
        if !usesDefaultRegion {
            document.regions = regions.indices.filter { !entriesBySlot[$0].isEmpty }.map {
                TTMLRegionBox(style: regions[$0].computed, context: builder.layout).vttRegion(id: regions[$0].id, cellRows: builder.layout.cellRows)
            }
        }
        if !text.colors.isEmpty {
            document.styleSheets = [text.colors.map { "::cue(.\($0.className)) { color: \($0.css); }" }.joined(separator: "\n")]
        }
        return document
    }

    /// The slot (region index, or 0 for the default region) each run shows
    /// in, or `nil` when it is in none (TTML1 §9.3.1); runs are clipped to
    /// their region's active interval by the caller through ``interval(of:slot:)``.
    private func regionSlots() -> [Int?] {
        builder.runs.map { run in
            switch run.association {
            case .region(let index): return usesDefaultRegion ? 0 : index
            case .unassociated: return usesDefaultRegion ? 0 : nil
            case .conflicting: return nil
            }
        }
    }

    /// A run's interval within its region's active interval.
    private func interval(of runIndex: Int, slot: Int) -> (begin: MediaTime, end: MediaTime?)? {
        var run = builder.runs[runIndex]
        if !usesDefaultRegion {
            run.clip(begin: regions[slot].begin, end: regions[slot].end)
        }
        return run.isEmpty ? nil : (run.begin, run.end)
    }

    private func regionStyle(_ slot: Int) -> TTMLStyle {
        usesDefaultRegion ? builder.definitions.initial : regions[slot].computed
    }

    private func makeEntry(paragraph: Int, runs runIndices: [Int], slot: Int, coversParagraph: Bool) -> Entry {
        var begin: MediaTime?
        var end: MediaTime?
        var endless = false
        var uniform = true
        var first: (begin: MediaTime, end: MediaTime?)?
        for runIndex in runIndices {
            guard let span = interval(of: runIndex, slot: slot) else { continue }
            if let first, first.begin != span.begin || first.end != span.end { uniform = false }
            if first == nil { first = span }
            begin = begin.map { min($0, span.begin) } ?? span.begin
            if let spanEnd = span.end { end = end.map { max($0, spanEnd) } ?? spanEnd } else { endless = true }
        }
        return Entry(
            paragraph: paragraph, runs: runIndices, begin: begin ?? .zero, end: endless ? nil : end,
            isStatic: uniform && coversParagraph && !builder.hasAnimations)
    }

    // MARK: Visibility

    /// `true` when the run shows at `time` (which lies in its interval).
    private func isShown(_ runIndex: Int, slot: Int, at time: MediaTime) -> Bool {
        let run = builder.runs[runIndex]
        let region: TTMLRegionDefinition? = usesDefaultRegion ? nil : regions[slot]
        guard builder.hasAnimations else {
            let hidden = run.hidden ?? region?.computed.hidden ?? builder.definitions.initial.hidden ?? false
            return !run.displayNone && !hidden && region?.computed.displayNone != true
        }
        // With <set> animations, walk the element's ancestry: an animation in
        // force replaces the specified value (TTML1 §11.1.1).
        var hidden: Bool?
        var record = run.element
        while record >= 0 {
            let element = builder.records[Int(record)]
            let active = element.animations.filter { $0.isActive(at: time) }
            if (active.last(where: { $0.displayNone != nil })?.displayNone ?? element.displayNone) == true { return false }
            if hidden == nil { hidden = active.last(where: { $0.hidden != nil })?.hidden ?? element.hidden }
            record = element.parent
        }
        if let region {
            let active = region.animations.filter { $0.isActive(at: time) }
            if (active.last(where: { $0.displayNone != nil })?.displayNone ?? region.computed.displayNone) == true { return false }
            if hidden == nil { hidden = active.last(where: { $0.hidden != nil })?.hidden ?? region.computed.hidden }
        }
        return !(hidden ?? builder.definitions.initial.hidden ?? false)
    }

    /// The times inside the run's interval at which an animation that can
    /// affect it starts or stops.
    private func animationBoundaries(_ runIndex: Int, slot: Int) -> [MediaTime] {
        guard builder.hasAnimations else { return [] }
        var times: [MediaTime] = []
        var record = builder.runs[runIndex].element
        while record >= 0 {
            let element = builder.records[Int(record)]
            for animation in element.animations {
                times.append(animation.begin)
                if let end = animation.end { times.append(end) }
            }
            record = element.parent
        }
        if !usesDefaultRegion {
            for animation in regions[slot].animations {
                times.append(animation.begin)
                if let end = animation.end { times.append(end) }
            }
        }
        return times
    }

    private func isEverShown(_ runIndex: Int, slot: Int) -> Bool {
        guard let span = interval(of: runIndex, slot: slot) else { return false }
        if isShown(runIndex, slot: slot, at: span.begin) { return true }
        return animationBoundaries(runIndex, slot: slot).contains { time in
            time > span.begin && (span.end.map { time < $0 } ?? true) && isShown(runIndex, slot: slot, at: time)
        }
    }

    // MARK: Paragraphs

    /// The paragraph as one cue: every run it ever shows, with inline
    /// timestamps where words appear later than the first (paint-on), timed
    /// from its first shown text to its last.
    private mutating func paragraphCue(_ index: Int, runs runIndices: [Int], slots: [Int?]) -> Cue? {
        var begin: MediaTime?
        var end: MediaTime?
        var endless = false
        for runIndex in runIndices {
            guard case .text(let value) = builder.runs[runIndex].content, value.utf8.contains(where: { $0 != 0x20 }),
                  let slot = slots[runIndex], let span = interval(of: runIndex, slot: slot)
            else { continue }
            begin = begin.map { min($0, span.begin) } ?? span.begin
            if let spanEnd = span.end { end = end.map { max($0, spanEnd) } ?? spanEnd } else { endless = true }
        }
        guard let begin else { return nil }
        var latest = begin
        var pieces: [TTMLCueTextBuilder.Piece] = []
        for runIndex in runIndices {
            guard let slot = slots[runIndex], let span = interval(of: runIndex, slot: slot) else { continue }
            var piece = TTMLCueTextBuilder.Piece(run: builder.runs[runIndex], regionStyle: regionStyle(slot))
            if span.begin > latest, case .text(let value) = piece.run.content, value.utf8.contains(where: { $0 != 0x20 }) {
                piece.timestamp = span.begin
                latest = span.begin
            }
            pieces.append(piece)
        }
        let content = text.nodes(for: pieces)
        guard !content.plainText.isEmpty else { return nil }
        let paragraph = builder.paragraphs[index]
        let slot: Int
        if case .region(let own) = paragraph.association, !usesDefaultRegion {
            slot = own
        } else {
            slot = runIndices.lazy.compactMap { slots[$0] }.first ?? 0
        }
        return Cue(
            id: paragraph.id, start: begin, end: endless ? nil : end, content: content,
            settings: settings(slot: slot, textAlign: paragraph.textAlign), location: paragraph.location)
    }

    private func settings(slot: Int, textAlign: CueSettings.TextAlign?) -> CueSettings {
        if usesDefaultRegion {
            var settings = CueSettings()
            if let align = textAlign ?? builder.definitions.initial.textAlign { settings.align = align }
            return settings
        }
        let region = regions[slot]
        return TTMLRegionBox(style: region.computed, context: builder.layout)
            .cueSettings(textAlign: textAlign ?? region.computed.textAlign, regionID: region.id)
    }

    // MARK: Flattening

    /// One region's cues: the text shown is constant between consecutive
    /// boundaries (run begins and ends, animation changes), so each such
    /// interval is rendered once; equal neighbours are merged.
    private mutating func flatten(_ entries: [Entry], slot: Int, cached: [Int: [CueNode]]) -> [Cue] {
        var times: [MediaTime] = []
        var hasEndless = false
        for entry in entries {
            if entry.isStatic {
                times.append(entry.begin)
                if let end = entry.end { times.append(end) } else { hasEndless = true }
                continue
            }
            for runIndex in entry.runs {
                guard let span = interval(of: runIndex, slot: slot) else { continue }
                times.append(span.begin)
                if let end = span.end { times.append(end) } else { hasEndless = true }
                for time in animationBoundaries(runIndex, slot: slot) where time > span.begin && (span.end.map { time < $0 } ?? true) {
                    times.append(time)
                }
            }
        }
        times.sort()
        var boundaries: [MediaTime] = []
        boundaries.reserveCapacity(times.count)
        for time in times where boundaries.last != time { boundaries.append(time) }

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
                let at = active.firstIndex { entries[$0].paragraph > entries[candidate].paragraph } ?? active.count
                active.insert(candidate, at: at)
            }
            guard !active.isEmpty else { continue }
            var content: [CueNode] = []
            var shownParagraphs: [Int] = []
            for entryIndex in active {
                let nodes = render(entries[entryIndex], slot: slot, from: start, to: stop, cached: cached)
                guard !nodes.isEmpty else { continue }
                if !content.isEmpty { TTMLTimeline.append(.text("\n"), to: &content) }
                for node in nodes { TTMLTimeline.append(node, to: &content) }
                shownParagraphs.append(entries[entryIndex].paragraph)
            }
            guard !content.isEmpty else { continue }
            if var last = cues.last, last.end == start, last.content == content {
                last.end = stop
                cues[cues.count - 1] = last
                continue
            }
            let first = builder.paragraphs[shownParagraphs[0]]
            cues.append(Cue(
                id: shownParagraphs.count == 1 ? first.id : "", start: start, end: stop, content: content,
                settings: settings(slot: slot, textAlign: first.textAlign), location: first.location))
        }
        return cues
    }

    /// The entry's text between two consecutive boundaries.
    private mutating func render(_ entry: Entry, slot: Int, from start: MediaTime, to stop: MediaTime?, cached: [Int: [CueNode]]) -> [CueNode] {
        if entry.isStatic, let nodes = cached[entry.paragraph] { return nodes }
        var pieces: [TTMLCueTextBuilder.Piece] = []
        for runIndex in entry.runs {
            guard let span = interval(of: runIndex, slot: slot), span.begin <= start,
                  span.end.map({ end in stop.map { $0 <= end } ?? false }) ?? true,
                  isShown(runIndex, slot: slot, at: start)
            else { continue }
            pieces.append(TTMLCueTextBuilder.Piece(run: builder.runs[runIndex], regionStyle: regionStyle(slot)))
        }
        let nodes = text.nodes(for: pieces)
        return nodes.plainText.isEmpty ? [] : nodes
    }

    private static func append(_ node: CueNode, to nodes: inout [CueNode]) {
        if case .text(let addition) = node, case .text(let existing)? = nodes.last {
            nodes[nodes.count - 1] = .text(existing + addition)
        } else {
            nodes.append(node)
        }
    }

    /// Cue identifiers from `xml:id` are kept only the first time a paragraph
    /// gives one, since a paint-on paragraph spans several cues.
    private static func uniqueIdentifiers(_ cues: [Cue]) -> [Cue] {
        var seen = Set<String>()
        return cues.map { cue in
            var cue = cue
            if !cue.id.isEmpty, !seen.insert(cue.id).inserted { cue.id = "" }
            return cue
        }
    }
}
