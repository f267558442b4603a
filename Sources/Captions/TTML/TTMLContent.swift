/// Which region content is shown in, as its ancestors' `region` attributes say
/// (TTML1 §9.3.1): content goes to the one region named on it or its
/// ancestors; with none named it shows only when the document defines no
/// region (the default region); when two ancestors name different regions it
/// is not shown at all.
enum TTMLRegionAssociation: Sendable, Hashable {
    case unassociated
    case region(Int)
    case conflicting

    /// The association of an element whose parent has this association and
    /// which names `region` itself (if it does).
    func narrowed(to region: Int?) -> TTMLRegionAssociation {
        guard let region else { return self }
        switch self {
        case .unassociated: return .region(region)
        case .region(let current): return current == region ? self : .conflicting
        case .conflicting: return self
        }
    }
}

/// The markup one run of text carries into WebVTT cue text, as computed from
/// its element and ancestors; `nil` style properties fall back to the
/// region's.
struct TTMLMarkup: Sendable, Hashable {
    var italic: Bool?
    var bold: Bool?
    var underline: Bool?
    var color: TTMLColor?
    /// Index into the document's speaker names (`ttm:agent`), or -1.
    var voice: Int32 = -1
    /// Index into the document's role names (`ttm:role`), or -1.
    var role: Int32 = -1
    /// Index into the document's language tags, or -1 for the document's language.
    var language: Int32 = -1
    /// Identifies the ruby container (TTML2 `tts:ruby="container"`) the run is in, or 0.
    var rubyContainer: Int32 = 0
    /// The run is ruby annotation text (`tts:ruby="text"`).
    var isRubyText = false
}

/// A piece of a paragraph: text (an anonymous span, TTML1 §10.4) or a `<br/>`,
/// with the absolute time it is active and everything needed to show it.
///
/// A plain value (its text is kept apart, as a range of one shared byte
/// buffer) so that the many passes over a large document's runs copy no
/// reference-counted storage.
struct TTMLRun: Sendable {
    /// Where the run's UTF-8 text starts in the reader's text buffer.
    var textStart: Int32
    /// The text's length in bytes; -1 for a line break.
    var textLength: Int32
    /// The text is nothing but spaces.
    var isBlank: Bool
    /// When the run becomes active (absolute media time).
    var begin: MediaTime
    /// When it stops; `nil` until the end of the document.
    var end: MediaTime?
    var association: TTMLRegionAssociation
    var markup: TTMLMarkup
    /// `xml:space="preserve"` applies.
    var preservesSpace: Bool
    /// `tts:visibility` computed from the content (`nil`: the region's decides).
    var hidden: Bool?
    /// The run or an ancestor has `tts:display="none"`.
    var displayNone: Bool
    /// The innermost element record, for `<set>` animations; -1 if none.
    var element: Int32

    /// `true` for a `<br/>`.
    var isLineBreak: Bool { textLength < 0 }

    /// The run's text bytes in `buffer`; empty for a line break.
    func textRange() -> Range<Int> {
        Int(textStart)..<Int(textStart) + max(0, Int(textLength))
    }

    /// `true` when the run's interval is empty.
    var isEmpty: Bool { end.map { $0 <= begin } ?? false }

    /// Shortens the interval to `[begin, end)`.
    mutating func clip(begin lower: MediaTime, end upper: MediaTime?) {
        if begin < lower { begin = lower }
        if let upper, end.map({ upper < $0 }) ?? true { end = upper }
    }
}

/// A `<p>` as read: where it is, and the range of runs it holds.
struct TTMLParagraph: Sendable {
    /// `xml:id`, or empty.
    var id: String
    var location: SourceLocation
    /// The runs of this paragraph in the reader's run list.
    var runs: Range<Int>
    /// The paragraph's own region association (its runs may differ).
    var association: TTMLRegionAssociation
    /// `tts:textAlign` computed for the paragraph (`nil`: the region's decides).
    var textAlign: CueSettings.TextAlign?
}

/// A content element's own `tts:visibility`/`tts:display` and its `<set>`
/// animations, kept so the style in force at any time can be worked out
/// (TTML1 §11: an animated value replaces the specified one while active).
struct TTMLElementRecord: Sendable {
    /// The parent's record, or -1 at the top (the region comes next).
    var parent: Int32
    var hidden: Bool?
    var displayNone: Bool?
    var animations: [TTMLAnimation] = []
}
