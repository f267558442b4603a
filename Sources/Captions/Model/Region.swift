/// A WebVTT region (and the form TTML regions take once mapped): a box on the
/// video in which cues are shown, possibly scrolling up.
///
/// Property names and defaults follow the HTML `VTTRegion` interface.
public struct Region: Sendable, Hashable {
    /// How a region's lines move when a cue is added.
    public enum Scroll: String, Sendable, Hashable {
        case none = ""
        case up
    }

    /// The region identifier that cues refer to.
    public var id: String
    /// Width as a percentage of the video width; default 100.
    public var width: Double = 100
    /// Height in lines; default 3.
    public var lines: Int = 3
    /// The region's anchor point inside the region, as percentages; default (0, 100).
    public var regionAnchorX: Double = 0
    public var regionAnchorY: Double = 100
    /// Where the region's anchor sits on the video, as percentages; default (0, 100).
    public var viewportAnchorX: Double = 0
    public var viewportAnchorY: Double = 100
    /// Scrolling behaviour; default none.
    public var scroll: Scroll = .none

    /// Creates a region with default geometry.
    public init(id: String) {
        self.id = id
    }
}
