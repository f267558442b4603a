extension MediaTime {
    /// The SMPTE timecode of the frame this time falls in: `HH:MM:SS:FF`, or
    /// drop-frame `HH:MM:SS;FF` at 29.97 and 59.94 frames a second, the
    /// inverse of ``init(parsingTime:frameRate:)``.
    ///
    /// A timecode second holds the rate rounded up (30 frames at 30000/1001);
    /// drop-frame skips frame numbers 0 and 1 (0 to 3 at 59.94) at the start
    /// of every minute not divisible by ten, so its labels track the clock.
    /// Negative times are shown as `00:00:00:00`.
    ///
    /// - Parameters:
    ///   - frameRate: the rate frames count at.
    ///   - dropFrame: use drop-frame labels where the rate has them (`true` by default).
    /// - Returns: the timecode.
    public func timecode(at frameRate: FrameRate, dropFrame: Bool = true) -> String {
        var frame = max(0, wholeUnits(at: frameRate))
        let nominal = (frameRate.numerator + frameRate.denominator - 1) / frameRate.denominator
        let isDropFrameRate = frameRate == FrameRate(numerator: 30000, denominator: 1001)
            || frameRate == FrameRate(numerator: 60000, denominator: 1001)
        let drops = dropFrame && isDropFrameRate
        if drops {
            // Add back the labels skipped before this frame: per ten minutes,
            // nine minutes drop `dropped` labels each.
            let dropped = nominal / 15
            let perMinute = nominal * 60 - dropped
            let perTenMinutes = nominal * 600 - 9 * dropped
            let tens = frame / perTenMinutes
            let rest = frame % perTenMinutes
            frame += 9 * dropped * tens
            if rest > dropped { frame += dropped * ((rest - dropped) / perMinute) }
        }
        let frames = frame % nominal
        let totalSeconds = frame / nominal
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let clock = "\(two(totalSeconds / 3600)):\(two(totalSeconds / 60 % 60)):\(two(totalSeconds % 60))"
        return clock + (drops ? ";" : ":") + two(frames)
    }
}
