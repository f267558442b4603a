// The two operations every edit is made of: moving a cue's times (start,
// end and the inline timestamps inside its text), and keeping only the part
// of a cue shown inside a window of time.

extension Cue {
    /// The cue with every time passed through `transform`: start, end and
    /// inline timestamps alike, so karaoke timing moves with the cue.
    ///
    /// - Parameter transform: an order-preserving map of times.
    /// - Returns: the moved cue.
    func retimed(_ transform: (MediaTime) -> MediaTime) -> Cue {
        var copy = self
        copy.start = transform(start)
        copy.end = end.map(transform)
        copy.content = content.retimingTimestamps(transform)
        return copy
    }

    /// The part of the cue shown from `lower` up to `upper`.
    ///
    /// A cue crossing an edge is cut at it; a cue without an end ends at
    /// `upper` when there is one. Inline timestamps no longer strictly inside
    /// the cue are dropped, since WebVTT allows them only between its start and end.
    ///
    /// - Parameters:
    ///   - lower: the earliest time kept, or `nil` for no lower edge.
    ///   - upper: the time from which nothing is kept, or `nil` for no upper edge.
    /// - Returns: the clipped cue, or `nil` when none of it is shown in the window.
    func clipped(from lower: MediaTime?, to upper: MediaTime?) -> Cue? {
        if let lower, start < lower, let end, end <= lower { return nil }
        if let upper, start >= upper { return nil }
        var copy = self
        if let lower, start < lower { copy.start = lower }
        if let upper { copy.end = end.map { min($0, upper) } ?? upper }
        if copy.start != start || copy.end != end {
            let (from, to) = (copy.start, copy.end)
            copy.content = content.keepingTimestamps { time in time > from && (to.map { time < $0 } ?? true) }
        }
        return copy
    }
}

extension Array where Element == CueNode {
    /// The nodes with every inline timestamp passed through `transform`.
    /// Recursion follows the cue's span nesting, which readers bound.
    func retimingTimestamps(_ transform: (MediaTime) -> MediaTime) -> [CueNode] {
        map { node in
            switch node {
            case .text:
                return node
            case .timestamp(let time):
                return .timestamp(transform(time))
            case .span(var span):
                span.children = span.children.retimingTimestamps(transform)
                return .span(span)
            }
        }
    }

    /// The nodes without the inline timestamps `keep` rejects.
    func keepingTimestamps(_ keep: (MediaTime) -> Bool) -> [CueNode] {
        compactMap { node in
            switch node {
            case .text:
                return node
            case .timestamp(let time):
                return keep(time) ? node : nil
            case .span(var span):
                span.children = span.children.keepingTimestamps(keep)
                return .span(span)
            }
        }
    }
}
