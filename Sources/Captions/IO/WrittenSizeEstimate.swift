extension Array where Element == Cue {
    /// About how many bytes the cues take as SRT or WebVTT blocks: the text
    /// of their top-level text nodes, plus room for a number, a timing line
    /// and a blank line each (markup inside spans is not counted).
    ///
    /// Writers reserve this much output at once: growing a 50 MB buffer by
    /// doubling copies it several times and touches twice the pages, while
    /// capacity that is reserved but never written costs no memory.
    var estimatedWrittenSize: Int {
        var size = count * 64
        for cue in self {
            for node in cue.content {
                if case .text(let text) = node { size += text.utf8.count } else { size += 16 }
            }
        }
        return size
    }
}
