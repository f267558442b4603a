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
        var main = first.droppingSRTNumbers, added = second.droppingSRTNumbers
        main.adoptRegions(of: &added, diagnostics: &diagnostics)
        added.renameCueIDs(usedIn: main, diagnostics: &diagnostics)
        return EditResult(document: main.interleaving(added), diagnostics: diagnostics)
    }

    // MARK: Merging

    /// Adds `other`'s regions to this document's; a region whose name is
    /// taken by a different region is renamed, and `other`'s cues follow.
    private mutating func adoptRegions(of other: inout CaptionDocument, diagnostics: inout [Diagnostic]) {
        var names = Set(regions.map(\.id))
        var renamed: [String: String] = [:]
        for region in other.regions where !regions.contains(region) {
            var copy = region
            if names.contains(region.id) {
                copy.id = Self.unique(region.id, among: names)
                renamed[region.id] = copy.id
                diagnostics.append(Diagnostic(.info, code: "region-renamed",
                    "region '\(region.id)' of the second file is renamed '\(copy.id)'; the first file uses that name", at: Self.mergePlace))
            }
            names.insert(copy.id)
            regions.append(copy)
        }
        guard !renamed.isEmpty else { return }
        func follow(_ cue: inout Cue) {
            if let region = cue.settings.region, let newName = renamed[region] { cue.settings.region = newName }
        }
        for index in other.cues.indices { follow(&other.cues[index]) }
        for index in other.paragraphs.indices { follow(&other.paragraphs[index]) }
    }

    /// Renames the cue identifiers `main` already uses, with a suffix.
    private mutating func renameCueIDs(usedIn main: CaptionDocument, diagnostics: inout [Diagnostic]) {
        var used = Set(main.cues.map(\.id).filter { !$0.isEmpty })
        var renamedCount = 0
        for index in cues.indices where !cues[index].id.isEmpty {
            if used.contains(cues[index].id) {
                cues[index].id = Self.unique(cues[index].id, among: used)
                renamedCount += 1
            }
            used.insert(cues[index].id)
        }
        guard renamedCount > 0 else { return }
        diagnostics.append(Diagnostic(.info, code: "cue-id-renamed",
            "\(renamedCount) cue identifier\(renamedCount == 1 ? "" : "s") of the second file renamed with a suffix; the first file uses them",
            at: Self.mergePlace))
    }

    /// This document with `other`'s cues, paragraphs, comments and style
    /// sheets merged in by start time, this document's first on a tie.
    private func interleaving(_ other: CaptionDocument) -> CaptionDocument {
        let documents = [self, other]
        let order = (cues.indices.map { (source: 0, index: $0) } + other.cues.indices.map { (source: 1, index: $0) })
            .sorted { x, y in
                (documents[x.source].cues[x.index].start, x.source, x.index) < (documents[y.source].cues[y.index].start, y.source, y.index)
            }
        // Where each source cue went, so each comment stays after the cue it followed.
        var position = [Array(repeating: 0, count: cues.count), Array(repeating: 0, count: other.cues.count)]
        for (newIndex, entry) in order.enumerated() { position[entry.source][entry.index] = newIndex }
        var comments: [(comment: CaptionComment, order: Int)] = []
        for (source, document) in documents.enumerated() {
            for comment in document.comments {
                var moved = comment
                let before = min(max(comment.cuesBefore, 0), position[source].count)
                moved.cuesBefore = before == 0 ? 0 : position[source][before - 1] + 1
                comments.append((moved, comments.count))
            }
        }
        var merged = self
        merged.cues = order.map { documents[$0.source].cues[$0.index] }
        merged.paragraphs = (paragraphs + other.paragraphs).enumerated()
            .sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }.map(\.element)
        merged.comments = comments.sorted { ($0.comment.cuesBefore, $0.order) < ($1.comment.cuesBefore, $1.order) }.map(\.comment)
        merged.styleSheets = styleSheets + other.styleSheets.filter { !styleSheets.contains($0) }
        merged.language = language ?? other.language
        return merged
    }

    private static let mergePlace = SourceLocation(file: nil, line: 1)

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
