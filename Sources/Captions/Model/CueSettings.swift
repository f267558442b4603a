/// Where and how a cue is shown: the WebVTT cue settings, which is also what
/// SRT `{\anN}` tags and TTML regions are mapped onto.
///
/// Property names and defaults follow the HTML `VTTCue` interface.
public struct CueSettings: Sendable, Hashable {
    /// Writing direction: horizontal, or vertical growing left or right.
    public enum Vertical: String, Sendable, Hashable {
        case horizontal = ""
        case rightToLeft = "rl"
        case leftToRight = "lr"
    }

    /// The `line` setting: `auto`, a line number, or a percentage of the video.
    public enum Line: Sendable, Hashable {
        case auto
        /// A line number (negative counts from the bottom); `snapToLines` is true.
        case number(Double)
        /// A percentage of the video height; `snapToLines` is false.
        case percentage(Double)
    }

    /// Alignment of the cue box on its line or position (`start`, `center`, `end`).
    public enum LineAlign: String, Sendable, Hashable {
        case start, center, end
    }

    /// Alignment of the cue box relative to `position`.
    public enum PositionAlign: String, Sendable, Hashable {
        case lineLeft = "line-left", center, lineRight = "line-right", auto
    }

    /// Alignment of the text within the cue box.
    public enum TextAlign: String, Sendable, Hashable {
        case start, center, end, left, right
    }

    /// `vertical:`; default horizontal.
    public var vertical: Vertical = .horizontal
    /// `line:`; default `auto`.
    public var line: Line = .auto
    /// The alignment part of `line:`; default `start`.
    public var lineAlign: LineAlign = .start
    /// `position:` as a percentage, or `nil` for `auto`.
    public var position: Double? = nil
    /// The alignment part of `position:`; default `auto`.
    public var positionAlign: PositionAlign = .auto
    /// `size:` as a percentage; default 100.
    public var size: Double = 100
    /// `align:`; default `center`.
    public var align: TextAlign = .center
    /// `region:`, the identifier of a region of the document, or `nil`.
    public var region: String? = nil

    /// The settings of a cue with none given.
    public init() {}

    /// `true` when every setting has its default value.
    public var isDefault: Bool { self == CueSettings() }

    /// Whether `line` counts lines (`true`) or is a percentage, as `VTTCue.snapToLines`.
    public var snapToLines: Bool {
        if case .percentage = line { return false }
        return true
    }
}
