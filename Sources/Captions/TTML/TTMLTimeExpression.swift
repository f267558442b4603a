/// The `ttp:` parameters that decide what a TTML time expression means, with
/// the defaults of TTML1 §6.2.
struct TTMLTimingParameters: Sendable, Hashable {
    /// `ttp:timeBase`.
    enum TimeBase: String, Sendable {
        case media, smpte, clock
    }

    /// `ttp:dropMode`, which only matters with the `smpte` time base.
    enum DropMode: String, Sendable {
        case nonDrop, dropNTSC, dropPAL
    }

    /// `ttp:timeBase`; default `media`.
    var timeBase: TimeBase = .media
    /// `ttp:frameRate`, the frame count per (labelled) second; default 30.
    var frameRate: Int64 = 30
    /// `true` when the document gave `ttp:frameRate`, which changes the tick rate default.
    var frameRateIsSpecified = false
    /// `ttp:frameRateMultiplier`; default 1:1.
    var frameRateMultiplier = MediaTime(seconds: 1)
    /// `ttp:subFrameRate`; default 1.
    var subFrameRate: Int64 = 1
    /// `ttp:tickRate` when the document gives one.
    var specifiedTickRate: Int64?
    /// `ttp:dropMode`; default `nonDrop`.
    var dropMode: DropMode = .nonDrop
    /// `ttp:markerMode` is `discontinuous` (SMPTE times are event markers, not
    /// offsets), the default since TTML1's second edition (§6.2.8).
    var markersAreDiscontinuous = true

    /// Frames per second of media time: `frameRate * frameRateMultiplier`.
    var effectiveFrameRate: MediaTime { MediaTime(seconds: frameRate) * frameRateMultiplier }

    /// Ticks per second. Without `ttp:tickRate` it is the effective frame rate
    /// times the sub-frame rate when a frame rate is given, else 1 (TTML1 §6.2.11).
    var tickRate: MediaTime {
        if let specifiedTickRate { return MediaTime(seconds: specifiedTickRate) }
        return frameRateIsSpecified ? effectiveFrameRate * MediaTime(seconds: subFrameRate) : MediaTime(seconds: 1)
    }

    /// The time base as a `FrameRate`, for writers and frame tolerances.
    var frameRateValue: FrameRate {
        let rate = effectiveFrameRate
        return FrameRate(numerator: max(1, rate.numerator), denominator: max(1, rate.denominator))
    }

    /// Why times in this document are only approximately media times, if they are.
    var approximation: String? {
        switch timeBase {
        case .clock:
            return "ttp:timeBase=\"clock\" times are wall-clock times; they are read as offsets from the start of the document"
        case .smpte where markersAreDiscontinuous:
            return "with ttp:markerMode discontinuous (the default) SMPTE times are event markers; they are read as continuous time code"
        case .smpte, .media:
            return nil
        }
    }
}

/// Why a time expression could not be read.
enum TTMLTimeExpressionError: Error, Equatable {
    /// Not a clock time or offset time at all.
    case syntax
    /// Minutes above 59 or seconds above 60.
    case outOfRange
}

/// A TTML `<timeExpression>` (TTML1 §10.3.1) resolved to an exact `MediaTime`.
///
/// - Clock time: `HH:MM:SS`, `HH:MM:SS.fraction`, `HH:MM:SS:FF` and `HH:MM:SS:FF.sub`
///   (frames and sub-frames).
/// - Offset time: a count with an optional fraction and a metric, one of
///   `h`, `m`, `s`, `ms`, `f` (frames) or `t` (ticks).
///
/// Media time base (TTML1 appendix N.2):
/// `3600·h + 60·m + s + (frames + subFrames / subFrameRate) / effectiveFrameRate`,
/// ticks are `ticks / tickRate`. SMPTE time base (N.3), for clock times with
/// frames: `(countedFrames − droppedFrames + subFrames / subFrameRate) / effectiveFrameRate`
/// with `countedFrames = (3600·h + 60·m + s) · frameRate + frames`.
struct TTMLTimeExpression {
    /// The resolved offset from the expression's reference point.
    var offset: MediaTime
    /// `true` when the frames term was clamped to the frame rate (invalid input).
    var clampedFrames = false

    private init(offset: MediaTime, clampedFrames: Bool = false) {
        self.offset = offset
        self.clampedFrames = clampedFrames
    }

    /// Parses a time expression.
    ///
    /// - Parameters:
    ///   - bytes: the attribute value.
    ///   - parameters: the document's timing parameters.
    /// - Throws: ``TTMLTimeExpressionError`` when the value is not a time expression.
    init(_ bytes: UnsafeBufferPointer<UInt8>, parameters: TTMLTimingParameters) throws(TTMLTimeExpressionError) {
        var scanner = DecimalScanner(bytes)
        scanner.trimWhitespace()
        guard let first = scanner.digits() else { throw .syntax }
        // Bounds that keep every product below 2^63: no media runs for 30,000 years.
        guard first.count <= 15 else { throw .outOfRange }
        if scanner.skip(UInt8(ascii: ":")) {
            self = try TTMLTimeExpression.clockTime(hours: first, scanner: &scanner, parameters: parameters)
        } else {
            self.offset = try TTMLTimeExpression.offsetTime(count: first, scanner: &scanner, parameters: parameters)
        }
    }

    private static func offsetTime(
        count: DecimalScanner.Digits, scanner: inout DecimalScanner, parameters: TTMLTimingParameters
    ) throws(TTMLTimeExpressionError) -> MediaTime {
        var value = count.value
        if scanner.skip(UInt8(ascii: ".")) {
            guard let fraction = scanner.digits() else { throw .syntax }
            value += fraction.asFraction
        }
        let unit: MediaTime
        switch scanner.metric {
        case .hours?: unit = MediaTime(seconds: 3600)
        case .minutes?: unit = MediaTime(seconds: 60)
        case .seconds?: unit = MediaTime(seconds: 1)
        case .milliseconds?: unit = MediaTime(numerator: 1, denominator: 1000)
        case .frames?: return value / parameters.effectiveFrameRate
        case .ticks?: return value / parameters.tickRate
        case nil: throw .syntax
        }
        return value * unit
    }

    private static func clockTime(
        hours: DecimalScanner.Digits, scanner: inout DecimalScanner, parameters: TTMLTimingParameters
    ) throws(TTMLTimeExpressionError) -> TTMLTimeExpression {
        guard let minutes = scanner.digits(), minutes.count == 2, scanner.skip(UInt8(ascii: ":")),
              let seconds = scanner.digits(), seconds.count == 2
        else { throw .syntax }
        guard minutes.integer < 60, seconds.integer <= 60, hours.integer < 1_000_000 else { throw .outOfRange }
        let wholeSeconds = hours.integer * 3600 + minutes.integer * 60 + seconds.integer
        if scanner.skip(UInt8(ascii: ".")) {
            guard let fraction = scanner.digits(), scanner.isAtEnd else { throw .syntax }
            let (numerator, denominator) = fraction.decimalFraction
            return TTMLTimeExpression(offset: MediaTime(numerator: wholeSeconds * denominator + numerator, denominator: denominator))
        }
        guard scanner.skip(UInt8(ascii: ":")) else {
            guard scanner.isAtEnd else { throw .syntax }
            return TTMLTimeExpression(offset: MediaTime(seconds: wholeSeconds))
        }
        guard var frames = scanner.digits()?.integer else { throw .syntax }
        frames = min(frames, 1_000_000)
        var subFrames: Int64 = 0
        if scanner.skip(UInt8(ascii: ".")) {
            guard let sub = scanner.digits() else { throw .syntax }
            subFrames = min(sub.integer, parameters.subFrameRate - 1)
        }
        guard scanner.isAtEnd else { throw .syntax }
        // Frames must lie in [0, frameRate-1]; a larger count is clamped (and reported) as ttconv does.
        var clamped = false
        if frames >= parameters.frameRate {
            frames = parameters.frameRate - 1
            clamped = true
        }
        let frameCount: MediaTime
        if parameters.timeBase == .smpte {
            let counted = wholeSeconds * parameters.frameRate + frames
            frameCount = MediaTime(seconds: counted - droppedFrames(hours: hours.integer, minutes: minutes.integer, mode: parameters.dropMode))
        } else {
            frameCount = MediaTime(seconds: wholeSeconds) * parameters.effectiveFrameRate + MediaTime(seconds: frames)
        }
        let withSubFrames = frameCount + MediaTime(numerator: subFrames, denominator: parameters.subFrameRate)
        return TTMLTimeExpression(offset: withSubFrames / parameters.effectiveFrameRate, clampedFrames: clamped)
    }

    /// Frame labels skipped by drop-frame time code before `hours:minutes`:
    /// NTSC drops 2 labels each minute except every tenth, PAL-M drops 4 every
    /// second minute except every twentieth (the counts of TTML2 §10.3.1.3,
    /// which correct TTML1 N.3's off-by-one in the minutes term).
    static func droppedFrames(hours: Int64, minutes: Int64, mode: TTMLTimingParameters.DropMode) -> Int64 {
        switch mode {
        case .nonDrop: 0
        case .dropNTSC: (hours * 54 + minutes - minutes / 10) * 2
        case .dropPAL: (hours * 27 + minutes / 2 - minutes / 20) * 4
        }
    }
}

/// Reads decimal numbers from an attribute value's bytes.
struct DecimalScanner {
    /// A run of decimal digits.
    struct Digits {
        /// The digits as an integer.
        var integer: Int64
        /// How many digits there were.
        var count: Int

        /// The digits as a whole number of seconds.
        var value: MediaTime { MediaTime(seconds: integer) }

        /// The digits read as a decimal fraction (`5` after a point is 0.5);
        /// digits past the ninth are dropped, beyond nanosecond precision.
        var asFraction: MediaTime {
            let (numerator, denominator) = decimalFraction
            return MediaTime(numerator: numerator, denominator: denominator)
        }

        /// ``asFraction`` as numerator and power of ten, not yet reduced, for
        /// callers that add to it before making a `MediaTime`.
        var decimalFraction: (numerator: Int64, denominator: Int64) {
            var numerator = integer
            var digits = count
            while digits > 9 {
                numerator /= 10
                digits -= 1
            }
            var denominator: Int64 = 1
            for _ in 0..<digits { denominator *= 10 }
            return (numerator, denominator)
        }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var end: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        self.end = bytes.count
    }

    var isAtEnd: Bool { index >= end }

    /// The metrics of an offset time.
    enum Metric {
        case hours, minutes, seconds, milliseconds, frames, ticks
    }

    /// What is left when it is a time metric (`h`, `m`, `s`, `ms`, `f`, `t`), else `nil`.
    var metric: Metric? {
        let count = end - index
        guard count == 1 || count == 2 else { return nil }
        let first = bytes[index]
        if count == 2 { return first == UInt8(ascii: "m") && bytes[index + 1] == UInt8(ascii: "s") ? .milliseconds : nil }
        switch first {
        case UInt8(ascii: "h"): return .hours
        case UInt8(ascii: "m"): return .minutes
        case UInt8(ascii: "s"): return .seconds
        case UInt8(ascii: "f"): return .frames
        case UInt8(ascii: "t"): return .ticks
        default: return nil
        }
    }

    /// Drops XML whitespace at both ends.
    mutating func trimWhitespace() {
        while index < end, bytes[index].isXMLWhitespace { index += 1 }
        while end > index, bytes[end - 1].isXMLWhitespace { end -= 1 }
    }

    /// Consumes `byte` if it is next.
    mutating func skip(_ byte: UInt8) -> Bool {
        guard index < end, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Consumes a run of digits, if one is next; more than 18 digits (beyond
    /// 64 bits) are no number at all.
    mutating func digits() -> Digits? {
        var value: Int64 = 0
        var count = 0
        while index < end, bytes[index] &- UInt8(ascii: "0") < 10 {
            if count < 18 { value = value * 10 + Int64(bytes[index] &- UInt8(ascii: "0")) }
            count += 1
            index += 1
        }
        return count == 0 || count > 18 ? nil : Digits(integer: value, count: count)
    }
}

extension UInt8 {
    /// XML's whitespace: space, tab, line feed, carriage return.
    var isXMLWhitespace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D }
}

extension MediaTime {
    /// `a + b`, skipping the arithmetic when either is zero (the usual case
    /// of an offset from a container that begins at zero).
    static func sum(_ a: MediaTime, _ b: MediaTime) -> MediaTime {
        if a.numerator == 0 { return b }
        if b.numerator == 0 { return a }
        return a + b
    }
}
