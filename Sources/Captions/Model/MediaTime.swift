/// An exact point in (or length of) media time, in seconds, as a rational number.
///
/// Caption formats count time in different units: SRT and WebVTT in
/// milliseconds, TTML in frames at `30000/1001` per second, sub-frames or ticks
/// at any `ttp:tickRate`. A `MediaTime` keeps each of those exactly, so a TTML
/// time survives conversion and arithmetic unchanged until a writer of a
/// millisecond format rounds it.
///
/// The value is `numerator / denominator` seconds, always reduced, with a
/// positive denominator. Arithmetic that would overflow 64-bit integers falls
/// back to nanosecond precision rather than trapping.
public struct MediaTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The numerator of the reduced fraction of seconds.
    public let numerator: Int64
    /// The denominator of the reduced fraction of seconds; always positive.
    public let denominator: Int64

    /// Zero seconds.
    public static let zero = MediaTime(numerator: 0, denominator: 1)

    /// Creates the time `numerator / denominator` seconds.
    ///
    /// - Precondition: `denominator` is not zero.
    public init(numerator: Int64, denominator: Int64) {
        precondition(denominator != 0, "MediaTime denominator must not be zero")
        var n = numerator
        var d = denominator
        if d < 0 {
            // Negating Int64.min would trap; such a value is out of any media range.
            n = n == .min ? .max : -n
            d = d == .min ? .max : -d
        }
        let g = MediaTime.gcd(n.magnitude, d.magnitude)
        if g > 1 {
            n /= Int64(g)
            d /= Int64(g)
        }
        self.numerator = n
        self.denominator = d
    }

    /// Creates a whole number of seconds.
    public init(seconds: Int64) {
        self.init(numerator: seconds, denominator: 1)
    }

    /// Creates a time from whole milliseconds.
    public init(milliseconds: Int64) {
        // 1000 is 2³·5³, so the fraction reduces by dividing out common
        // factors of 2 and 5: cheaper than the general gcd's divisions, and
        // every SRT and WebVTT time comes through here.
        let twos = min(3, milliseconds.trailingZeroBitCount)
        var numerator = milliseconds >> twos
        var denominator = Int64(1000) >> twos
        while denominator % 5 == 0, numerator % 5 == 0 {
            numerator /= 5
            denominator /= 5
        }
        self.init(reduced: numerator, denominator)
    }

    /// A fraction already reduced, with a positive denominator.
    private init(reduced numerator: Int64, _ denominator: Int64) {
        self.numerator = numerator
        self.denominator = denominator
    }

    /// Creates the time closest to `seconds`, to the nanosecond.
    ///
    /// Returns `nil` for values that are not finite or beyond about 292 years.
    public init?(approximating seconds: Double) {
        guard seconds.isFinite, abs(seconds) < 9.2e9 else { return nil }
        self.init(numerator: Int64((seconds * 1e9).rounded()), denominator: 1_000_000_000)
    }

    /// The time as a floating-point number of seconds (for display and JSON).
    public var seconds: Double { Double(numerator) / Double(denominator) }

    /// The time rounded to the nearest millisecond, halves away from zero.
    public var roundedMilliseconds: Int64 { rounded(toUnitsPerSecond: 1000) }

    /// The time rounded to the nearest `1 / unitsPerSecond`, halves away from zero.
    ///
    /// - Parameter unitsPerSecond: the resolution, e.g. `1000` for milliseconds.
    /// - Returns: the whole number of units.
    public func rounded(toUnitsPerSecond unitsPerSecond: Int64) -> Int64 {
        // Exact when the unit divides evenly (milliseconds of a millisecond
        // time): no 128-bit division, which writers would pay twice per cue.
        if unitsPerSecond % denominator == 0 {
            let (exact, overflow) = numerator.multipliedReportingOverflow(by: unitsPerSecond / denominator)
            if !overflow { return exact }
        }
        let product = numerator.multipliedFullWidth(by: unitsPerSecond)
        let d = denominator
        let wide = (high: product.high, low: product.low)
        // Divide the 128-bit product by the denominator; rounding half away from zero.
        let (q, r) = d.dividingFullWidth(wide)
        if r == 0 { return q }
        let twiceR = r.magnitude * 2
        if twiceR >= d.magnitude {
            return q + (numerator < 0 ? -1 : 1)
        }
        return q
    }

    /// The number of whole frames at `rate` frames per second before this time (floor).
    public func wholeUnits(at rate: FrameRate) -> Int64 {
        // time * rate = (n * rate.num) / (d * rate.den)
        let scaled = self * MediaTime(numerator: rate.numerator, denominator: rate.denominator)
        return scaled.floor
    }

    /// The largest whole number of seconds not greater than this time.
    public var floor: Int64 {
        let q = numerator / denominator
        return (numerator % denominator != 0 && numerator < 0) ? q - 1 : q
    }

    public var description: String {
        denominator == 1 ? "\(numerator)s" : "\(numerator)/\(denominator)s"
    }

    // MARK: Arithmetic

    public static func + (lhs: MediaTime, rhs: MediaTime) -> MediaTime {
        combine(lhs, rhs, subtracting: false)
    }

    public static func - (lhs: MediaTime, rhs: MediaTime) -> MediaTime {
        combine(lhs, rhs, subtracting: true)
    }

    public static prefix func - (value: MediaTime) -> MediaTime {
        MediaTime(numerator: -value.numerator, denominator: value.denominator)
    }

    public static func += (lhs: inout MediaTime, rhs: MediaTime) { lhs = lhs + rhs }
    public static func -= (lhs: inout MediaTime, rhs: MediaTime) { lhs = lhs - rhs }

    /// Multiplies two times (used for scaling by a rational factor).
    public static func * (lhs: MediaTime, rhs: MediaTime) -> MediaTime {
        let (n, o1) = lhs.numerator.multipliedReportingOverflow(by: rhs.numerator)
        let (d, o2) = lhs.denominator.multipliedReportingOverflow(by: rhs.denominator)
        if !o1 && !o2 { return MediaTime(numerator: n, denominator: d) }
        return MediaTime(approximating: lhs.seconds * rhs.seconds) ?? .zero
    }

    /// Divides a time by a rational factor.
    public static func / (lhs: MediaTime, rhs: MediaTime) -> MediaTime {
        precondition(rhs.numerator != 0, "division of MediaTime by zero")
        return lhs * MediaTime(numerator: rhs.denominator, denominator: rhs.numerator)
    }

    public static func < (lhs: MediaTime, rhs: MediaTime) -> Bool {
        // Cross-multiply in 128 bits so no comparison can overflow.
        let l = lhs.numerator.multipliedFullWidth(by: rhs.denominator)
        let r = rhs.numerator.multipliedFullWidth(by: lhs.denominator)
        return (l.high, l.low) < (r.high, r.low)
    }

    private static func combine(_ a: MediaTime, _ b: MediaTime, subtracting: Bool) -> MediaTime {
        let g = Int64(gcd(a.denominator.magnitude, b.denominator.magnitude))
        let aScale = b.denominator / g
        let bScale = a.denominator / g
        let (d, o1) = a.denominator.multipliedReportingOverflow(by: aScale)
        let (x, o2) = a.numerator.multipliedReportingOverflow(by: aScale)
        let (y, o3) = b.numerator.multipliedReportingOverflow(by: bScale)
        let (n, o4) = subtracting ? x.subtractingReportingOverflow(y) : x.addingReportingOverflow(y)
        if !(o1 || o2 || o3 || o4) { return MediaTime(numerator: n, denominator: d) }
        let approx = subtracting ? a.seconds - b.seconds : a.seconds + b.seconds
        return MediaTime(approximating: approx) ?? .zero
    }

    static func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x == 0 ? 1 : x
    }
}

/// A rate in units per second, such as a frame rate of `30000/1001`.
public struct FrameRate: Sendable, Hashable, CustomStringConvertible {
    /// Units per second, numerator.
    public let numerator: Int64
    /// Units per second, denominator.
    public let denominator: Int64

    /// Creates the rate `numerator / denominator` per second.
    ///
    /// - Precondition: both are positive.
    public init(numerator: Int64, denominator: Int64 = 1) {
        precondition(numerator > 0 && denominator > 0, "a rate must be positive")
        let g = Int64(MediaTime.gcd(numerator.magnitude, denominator.magnitude))
        self.numerator = numerator / g
        self.denominator = denominator / g
    }

    /// Parses `25`, `29.97`, `30000/1001` or `23.976` (the NTSC rates map to their exact fractions).
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 2, let n = Int64(parts[0]), let d = Int64(parts[1]), n > 0, d > 0 {
            self.init(numerator: n, denominator: d)
            return
        }
        guard parts.count == 1 else { return nil }
        if let whole = Int64(text), whole > 0 {
            self.init(numerator: whole)
            return
        }
        let ntsc: [String: (Int64, Int64)] = [
            "23.976": (24000, 1001), "23.98": (24000, 1001), "29.97": (30000, 1001),
            "47.952": (48000, 1001), "59.94": (60000, 1001), "119.88": (120000, 1001),
        ]
        if let (n, d) = ntsc[text] {
            self.init(numerator: n, denominator: d)
            return
        }
        guard let value = Double(text), value > 0, value < 10_000 else { return nil }
        self.init(numerator: Int64((value * 1000).rounded()), denominator: 1000)
    }

    /// The length of one unit (one frame) as a time.
    public var unitDuration: MediaTime { MediaTime(numerator: denominator, denominator: numerator) }

    /// The time at which unit number `count` begins.
    public func time(ofUnit count: Int64) -> MediaTime {
        MediaTime(numerator: count, denominator: 1) * unitDuration
    }

    /// The rate as a floating-point number.
    public var value: Double { Double(numerator) / Double(denominator) }

    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }
}
