/// The caption-quality limits of one broadcaster's guideline, each with its
/// severity and the place in the guideline it comes from.
///
/// The built-in profiles are ``bbc``, ``netflix`` and ``dcmp``; an app can
/// build its own (a children's Netflix profile with 17 characters per second,
/// say) by changing a copy. A limit that is `nil` is not checked.
///
/// Times are compared on the frame grid: each cue time snaps to its nearest
/// frame at the checker's frame rate, because a cue can only appear or
/// disappear on a frame. A limit given in seconds becomes `seconds × rate`
/// frames, so 5/6 s at 24 fps is exactly 20 frames and a millisecond file's
/// `0.833` meets it.
public struct QualityProfile: Sendable, Hashable {
    /// A limit, how serious breaking it is, and where it comes from.
    public struct Limit<Value: Sendable & Hashable>: Sendable, Hashable {
        /// The limit itself.
        public var value: Value
        /// The severity of a finding that breaks it.
        public var severity: Diagnostic.Severity
        /// The guideline section (or tool) that sets it.
        public var source: String

        /// Creates a limit.
        ///
        /// - Parameters:
        ///   - value: the limit.
        ///   - severity: how serious breaking it is.
        ///   - source: where the number comes from.
        public init(_ value: Value, _ severity: Diagnostic.Severity, source: String) {
            self.value = value
            self.severity = severity
            self.source = source
        }
    }

    /// A length of time given either in seconds or in frames.
    public enum TimeAmount: Sendable, Hashable {
        /// A length in seconds, whatever the frame rate.
        case seconds(MediaTime)
        /// A whole number of frames at the checker's frame rate.
        case frames(Int64)

        /// The length as a (possibly fractional) number of frames at `rate`.
        ///
        /// - Parameter rate: the frame rate.
        /// - Returns: the exact number of frames, as a rational.
        public func frames(at rate: FrameRate) -> MediaTime {
            switch self {
            case .seconds(let seconds): seconds * MediaTime(numerator: rate.numerator, denominator: rate.denominator)
            case .frames(let count): MediaTime(seconds: count)
            }
        }

        /// The length as a time at `rate`.
        ///
        /// - Parameter rate: the frame rate, for lengths given in frames.
        /// - Returns: the exact length.
        public func time(at rate: FrameRate) -> MediaTime {
            switch self {
            case .seconds(let seconds): seconds
            case .frames(let count): rate.time(ofUnit: count)
            }
        }
    }

    /// A reading-speed limit, in the unit its guideline uses.
    public enum ReadingSpeed: Sendable, Hashable {
        /// Visible characters per second, spaces and punctuation included (Netflix).
        case charactersPerSecond(Double)
        /// Words per minute (BBC, DCMP).
        case wordsPerMinute(Double)

        /// The number of the limit, whatever its unit.
        public var value: Double {
            switch self {
            case .charactersPerSecond(let value), .wordsPerMinute(let value): value
            }
        }
    }

    /// A minimum time on screen.
    public enum MinimumDuration: Sendable, Hashable {
        /// The same minimum for every cue.
        case fixed(TimeAmount)
        /// A minimum that grows with the cue's words (BBC: 0.3 s per word).
        case perWord(MediaTime)
    }

    /// What the profile asks of the gap between one cue and the next.
    public struct GapRule: Sendable, Hashable {
        /// Gaps shorter than this, other than a closed gap, break the rule.
        public var minimum: Limit<TimeAmount>
        /// Gaps up to this long should rather be closed (Netflix's "chaining";
        /// BBC's "close the gap or leave 1.5 s"), or `nil`.
        public var closeUpTo: Limit<TimeAmount>?
        /// Whether a gap exactly as long as ``closeUpTo`` should still be closed.
        public var closeUpToIncludesLimit: Bool
        /// The length of a closed gap: zero (BBC) or two frames (Netflix).
        public var closedGap: TimeAmount

        /// Creates a gap rule.
        ///
        /// - Parameters:
        ///   - minimum: the shortest gap allowed, closed gaps aside.
        ///   - closeUpTo: the longest gap that should be closed instead, if any.
        ///   - includesLimit: whether a gap of exactly `closeUpTo` should be closed.
        ///   - closedGap: what a closed gap is.
        public init(minimum: Limit<TimeAmount>, closeUpTo: Limit<TimeAmount>? = nil, includesLimit: Bool = false,
                    closedGap: TimeAmount) {
            self.minimum = minimum
            self.closeUpTo = closeUpTo
            self.closeUpToIncludesLimit = includesLimit
            self.closedGap = closedGap
        }
    }

    /// Kinds of word a line should not end on, because they belong with what follows.
    public enum WordClass: String, Sendable, Hashable, CaseIterable {
        /// `a`, `an`, `the`: keep with their noun.
        case article
        /// `of`, `to`, `with`, …: keep with their phrase.
        case preposition
        /// `and`, `but`, `because`, …: break before them, not after.
        case conjunction
        /// `I`, `he`, `she`, `we`, `they`: keep with their verb.
        case subjectPronoun = "subject pronoun"
        /// `would`, `can`, `must`, …: keep with the verb they help.
        case auxiliary = "auxiliary verb"
    }

    /// The name used on the command line and in reports (`netflix`).
    public var name: String
    /// The guideline the limits come from.
    public var guideline: String
    /// The frame rate the guideline is written for, used unless `--fps` says otherwise.
    public var defaultFrameRate: FrameRate
    /// The most characters on one line.
    public var maxCharactersPerLine: Limit<Int>?
    /// The most lines in one cue.
    public var maxLines: Limit<Int>?
    /// Reading-speed limits, the most serious first; a cue is reported against
    /// the first one it exceeds.
    public var maxReadingSpeed: [Limit<ReadingSpeed>]
    /// The shortest time a cue may be shown.
    public var minDuration: Limit<MinimumDuration>?
    /// The longest time a cue may be shown.
    public var maxDuration: Limit<TimeAmount>?
    /// The rule for gaps between consecutive cues.
    public var gap: GapRule?
    /// The words a line should not end on when a better break exists.
    public var lineBreaks: Limit<Set<WordClass>>?

    /// Creates a profile.
    ///
    /// - Parameters:
    ///   - name: the short name (`netflix`).
    ///   - guideline: the guideline's title.
    ///   - defaultFrameRate: the rate the guideline's frame counts assume.
    ///   - maxCharactersPerLine: the line-length limit, if any.
    ///   - maxLines: the line-count limit, if any.
    ///   - maxReadingSpeed: reading-speed limits, most serious first.
    ///   - minDuration: the minimum duration, if any.
    ///   - maxDuration: the maximum duration, if any.
    ///   - gap: the gap rule, if any.
    ///   - lineBreaks: the line-breaking rule, if any.
    public init(
        name: String,
        guideline: String,
        defaultFrameRate: FrameRate,
        maxCharactersPerLine: Limit<Int>? = nil,
        maxLines: Limit<Int>? = nil,
        maxReadingSpeed: [Limit<ReadingSpeed>] = [],
        minDuration: Limit<MinimumDuration>? = nil,
        maxDuration: Limit<TimeAmount>? = nil,
        gap: GapRule? = nil,
        lineBreaks: Limit<Set<WordClass>>? = nil
    ) {
        self.name = name
        self.guideline = guideline
        self.defaultFrameRate = defaultFrameRate
        self.maxCharactersPerLine = maxCharactersPerLine
        self.maxLines = maxLines
        self.maxReadingSpeed = maxReadingSpeed
        self.minDuration = minDuration
        self.maxDuration = maxDuration
        self.gap = gap
        self.lineBreaks = lineBreaks
    }

    /// The built-in profiles, by name.
    public static let all: [QualityProfile] = [.bbc, .netflix, .dcmp]

    /// The built-in profile called `name`, or `nil`.
    ///
    /// - Parameter name: `bbc`, `netflix` or `dcmp`.
    /// - Returns: the profile.
    public static func named(_ name: String) -> QualityProfile? {
        all.first { $0.name == name.lowercased() }
    }
}
