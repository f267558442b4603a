/// An order-preserving straight-line map of media time, `t ↦ scale × t + offset`,
/// in exact rational arithmetic: the one shape every retiming takes.
///
/// A shift is `scale` 1; a frame-rate (speed) change is `offset` 0; a
/// two-point sync fits both. Because the arithmetic is exact, a time on a
/// frame of a rational rate lands exactly on the matching frame, and a map
/// followed by its ``inverse`` gives every time back unchanged (as long as
/// the fractions fit in 64 bits, as shifts, frame-rate changes and syncs of
/// times in milliseconds or frames do; beyond that ``MediaTime`` keeps nanoseconds).
public struct TimeMap: Sendable, Hashable {
    /// How much longer (greater than 1) or shorter the timeline becomes; always positive.
    public let scale: MediaTime
    /// What is added after scaling.
    public let offset: MediaTime

    /// Creates `t ↦ scale × t + offset`.
    ///
    /// - Parameters:
    ///   - scale: the stretch factor; must be positive, so the map keeps cues in order.
    ///   - offset: the shift after scaling.
    /// - Returns: `nil` when `scale` is not positive.
    public init?(scale: MediaTime, offset: MediaTime) {
        guard scale > .zero else { return nil }
        self.scale = scale
        self.offset = offset
    }

    /// The map that moves every time by `offset` (negative is earlier).
    ///
    /// - Parameter offset: the shift.
    /// - Returns: `t ↦ t + offset`.
    public static func shift(by offset: MediaTime) -> TimeMap {
        TimeMap(uncheckedScale: MediaTime(seconds: 1), offset: offset)
    }

    /// The map for a speed change between frame rates, such as a 25 fps PAL
    /// transfer of a 24000/1001 film: frame *n* at the old rate is shown at
    /// the time of frame *n* at the new one.
    ///
    /// - Parameters:
    ///   - old: the rate the captions were timed for.
    ///   - new: the rate of the video they should fit.
    /// - Returns: `t ↦ t × old / new`.
    public static func speedChange(from old: FrameRate, to new: FrameRate) -> TimeMap {
        let oldRate = MediaTime(numerator: old.numerator, denominator: old.denominator)
        let newRate = MediaTime(numerator: new.numerator, denominator: new.denominator)
        return TimeMap(uncheckedScale: oldRate / newRate, offset: .zero)
    }

    /// The map through two sync points: `first.from ↦ first.to` and `second.from ↦ second.to`.
    ///
    /// - Parameters:
    ///   - first: a time in the captions and the time it should have.
    ///   - second: another such pair.
    /// - Returns: `nil` when the two source times are equal, or the targets
    ///   are not in the same order as the sources (the map would reverse time).
    public init?(mapping first: (from: MediaTime, to: MediaTime), _ second: (from: MediaTime, to: MediaTime)) {
        guard first.from != second.from else { return nil }
        let scale = (second.to - first.to) / (second.from - first.from)
        self.init(scale: scale, offset: first.to - scale * first.from)
    }

    private init(uncheckedScale scale: MediaTime, offset: MediaTime) {
        self.scale = scale
        self.offset = offset
    }

    /// Maps one time.
    ///
    /// - Parameter time: a time on the old timeline.
    /// - Returns: the time on the new one.
    public func callAsFunction(_ time: MediaTime) -> MediaTime {
        scale * time + offset
    }

    /// The map that undoes this one.
    public var inverse: TimeMap {
        let inverseScale = MediaTime(seconds: 1) / scale
        return TimeMap(uncheckedScale: inverseScale, offset: -(offset * inverseScale))
    }
}
