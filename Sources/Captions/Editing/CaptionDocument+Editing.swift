// Retiming and editing whole documents. Every operation is built from the
// two cue operations in Cue+Timing.swift, applied alike to the cues and to
// TTML's resolved paragraphs, and keeps styles, positions, regions and
// voices as they are.

extension CaptionDocument {
    /// Moves every time by `offset`: cue starts and ends, inline timestamps,
    /// TTML paragraphs.
    ///
    /// A cue that would start before zero is cut to start at zero; one that
    /// would end at or before zero is dropped. Each gets a warning.
    ///
    /// - Parameter offset: how far to move; negative moves earlier.
    /// - Returns: the shifted document and warnings about cut or dropped cues.
    public func shifted(by offset: MediaTime) -> EditResult {
        retimed(by: .shift(by: offset))
    }

    /// Passes every time through `map` (a shift, a speed change, a two-point
    /// sync), then cuts what lands before zero as ``shifted(by:)`` does.
    ///
    /// - Parameter map: the retiming.
    /// - Returns: the retimed document and warnings about cut or dropped cues.
    public func retimed(by map: TimeMap) -> EditResult {
        var diagnostics: [Diagnostic] = []
        var number = 0
        let edited = editingCues(
            cue: { cue in
                number += 1
                let moved = cue.retimed { map($0) }
                guard let kept = moved.clipped(from: .zero, to: nil) else {
                    let end = moved.end.map { "end at \(Self.seconds($0)) s" } ?? "start at \(Self.seconds(moved.start)) s"
                    diagnostics.append(Diagnostic(.warning, code: "cue-dropped",
                        "cue \(number) would \(end), before the start of the video; dropped", at: Self.place(of: cue)))
                    return nil
                }
                if kept.start != moved.start {
                    diagnostics.append(Diagnostic(.warning, code: "cue-cut",
                        "cue \(number) would start at \(Self.seconds(moved.start)) s; cut to start at 0", at: Self.place(of: cue)))
                }
                return kept
            },
            paragraph: { paragraph in paragraph.retimed { map($0) }.clipped(from: .zero, to: nil) }
        )
        return EditResult(document: edited, diagnostics: diagnostics)
    }

    /// Keeps what is shown from `start` up to `end`: cues crossing either
    /// edge are clipped to it, cues outside are dropped.
    ///
    /// - Parameters:
    ///   - start: the first time kept.
    ///   - end: the time from which nothing is kept, or `nil` for the end of the document.
    ///   - rebase: move the result so that `start` becomes zero.
    /// - Returns: the trimmed document (empty when `end` is not after `start`).
    public func trimmed(from start: MediaTime, to end: MediaTime?, rebase: Bool = false) -> CaptionDocument {
        if let end, end <= start {
            return editingCues(cue: { _ in nil }, paragraph: { _ in nil })
        }
        let back = TimeMap.shift(by: -start)
        let trim = { (cue: Cue) -> Cue? in
            guard let kept = cue.clipped(from: start, to: end) else { return nil }
            return rebase ? kept.retimed { back($0) } : kept
        }
        return editingCues(cue: trim, paragraph: trim)
    }

    /// Cuts the document into consecutive parts at `times`. A cue crossing a
    /// cut is clipped into both parts, so it shows on either side.
    ///
    /// - Parameters:
    ///   - times: where to cut; sorted, duplicates and times at or before zero ignored.
    ///   - rebase: move each part so that it starts at zero.
    /// - Returns: one document per part: before the first cut, between cuts, after the last.
    public func split(at times: [MediaTime], rebase: Bool = false) -> [CaptionDocument] {
        var cuts: [MediaTime] = []
        for time in times.sorted() where time > .zero && time != cuts.last { cuts.append(time) }
        let starts = [MediaTime.zero] + cuts
        let ends: [MediaTime?] = cuts.map(Optional.some) + [nil]
        return zip(starts, ends).map { trimmed(from: $0, to: $1, rebase: rebase) }
    }

    /// Puts two documents on one timeline, such as captions and a translation
    /// or audio description track to show alongside.
    ///
    /// Cues are ordered by start time, the first document's first on a tie.
    /// The first document's header, language and format are kept; style
    /// sheets, regions and comments of both are kept. SRT cue numbers are
    /// positions, not names, so they are dropped; another identifier or region
    /// of the second document that the first already uses is renamed with a
    /// `-2` suffix (then `-3`, …), with a note.
    ///
    /// - Parameters:
    ///   - first: the main document.
    ///   - second: the document merged into it.
    /// - Returns: the merged document and notes about renamed identifiers.
    public static func merged(_ first: CaptionDocument, _ second: CaptionDocument) -> EditResult {
        var diagnostics: [Diagnostic] = []
        let place = SourceLocation(file: nil, line: 1)
        var a = first.droppingSRTNumbers, b = second.droppingSRTNumbers

        var regionIDs = Set(a.regions.map(\.id))
        var renamedRegions: [String: String] = [:]
        for region in b.regions {
            if let same = a.regions.first(where: { $0.id == region.id }), same == region { continue }
            var copy = region
            if regionIDs.contains(region.id) {
                copy.id = unique(region.id, among: regionIDs)
                renamedRegions[region.id] = copy.id
                diagnostics.append(Diagnostic(.info, code: "region-renamed",
                    "region '\(region.id)' of the second file is renamed '\(copy.id)'; the first file uses that name", at: place))
            }
            regionIDs.insert(copy.id)
            a.regions.append(copy)
        }
        var cueIDs = Set(a.cues.map(\.id).filter { !$0.isEmpty })
        var renamedCues = 0
        for index in b.cues.indices {
            if let region = b.cues[index].settings.region, let renamed = renamedRegions[region] {
                b.cues[index].settings.region = renamed
            }
            let id = b.cues[index].id
            guard !id.isEmpty else { continue }
            if cueIDs.contains(id) {
                b.cues[index].id = unique(id, among: cueIDs)
                renamedCues += 1
            }
            cueIDs.insert(b.cues[index].id)
        }
        for index in b.paragraphs.indices {
            if let region = b.paragraphs[index].settings.region, let renamed = renamedRegions[region] {
                b.paragraphs[index].settings.region = renamed
            }
        }
        if renamedCues > 0 {
            diagnostics.append(Diagnostic(.info, code: "cue-id-renamed",
                "\(renamedCues) cue identifier\(renamedCues == 1 ? "" : "s") of the second file renamed with a suffix; the first file uses them", at: place))
        }

        // Merge the two cue lists by start time; remember where each cue went
        // so comments can stay after the cue they followed.
        let order = (a.cues.indices.map { (0, $0) } + b.cues.indices.map { (1, $0) }).sorted { x, y in
            let tx = x.0 == 0 ? a.cues[x.1].start : b.cues[x.1].start
            let ty = y.0 == 0 ? a.cues[y.1].start : b.cues[y.1].start
            return (tx, x.0, x.1) < (ty, y.0, y.1)
        }
        var newIndex = [Array(repeating: 0, count: a.cues.count), Array(repeating: 0, count: b.cues.count)]
        for (position, entry) in order.enumerated() { newIndex[entry.0][entry.1] = position }
        func moved(_ comments: [CaptionComment], _ source: Int) -> [CaptionComment] {
            comments.map { comment in
                var copy = comment
                let before = min(max(comment.cuesBefore, 0), newIndex[source].count)
                copy.cuesBefore = before == 0 ? 0 : newIndex[source][before - 1] + 1
                return copy
            }
        }
        var merged = a
        merged.cues = order.map { $0.0 == 0 ? a.cues[$0.1] : b.cues[$0.1] }
        merged.paragraphs = (a.paragraphs.map { ($0, 0) } + b.paragraphs.map { ($0, 1) })
            .enumerated().sorted { ($0.element.0.start, $0.offset) < ($1.element.0.start, $1.offset) }.map(\.element.0)
        merged.comments = (moved(a.comments, 0) + moved(b.comments, 1)).enumerated()
            .sorted { ($0.element.cuesBefore, $0.offset) < ($1.element.cuesBefore, $1.offset) }.map(\.element)
        merged.styleSheets = a.styleSheets + b.styleSheets.filter { !a.styleSheets.contains($0) }
        merged.language = a.language ?? b.language
        return EditResult(document: merged, diagnostics: diagnostics)
    }

    // MARK: Helpers

    /// The document with each cue and paragraph replaced by the edit's result
    /// (`nil` drops it); each comment stays after the cue it followed.
    func editingCues(cue editCue: (Cue) -> Cue?, paragraph editParagraph: (Cue) -> Cue?) -> CaptionDocument {
        var copy = self
        var keptBefore = [0]
        copy.cues = []
        for cue in cues {
            if let edited = editCue(cue) { copy.cues.append(edited) }
            keptBefore.append(copy.cues.count)
        }
        copy.paragraphs = paragraphs.compactMap(editParagraph)
        copy.comments = comments.map { comment in
            var moved = comment
            moved.cuesBefore = keptBefore[min(max(comment.cuesBefore, 0), keptBefore.count - 1)]
            return moved
        }
        return copy
    }

    /// SRT cue numbers say where a cue is in its file; in another file they mean nothing.
    private var droppingSRTNumbers: CaptionDocument {
        guard format == .srt else { return self }
        var copy = self
        for index in copy.cues.indices { copy.cues[index].id = "" }
        return copy
    }

    private static func unique(_ name: String, among used: Set<String>) -> String {
        var suffix = 2
        while used.contains("\(name)-\(suffix)") { suffix += 1 }
        return "\(name)-\(suffix)"
    }

    private static func place(of cue: Cue) -> SourceLocation {
        cue.location ?? SourceLocation(file: nil, line: 1)
    }

    private static func seconds(_ time: MediaTime) -> String { CaptionChecker.text(time) }
}
