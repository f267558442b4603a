/// The identifier of a rule `captions check` reports, such as
/// `max-characters-per-line`.
///
/// The caption-quality rules are the constants below. Validation rules are
/// named after the reader diagnostic they come from (its ``Diagnostic/code``),
/// so any string is a rule; identifiers are never renamed once published.
public struct QualityRule: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The rule identifier as printed.
    public var rawValue: String

    /// Creates a rule from its identifier.
    ///
    /// - Parameter rawValue: the identifier, such as `min-gap` or a reader diagnostic code.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// A line has more characters than the profile allows.
    public static let maxCharactersPerLine = QualityRule(rawValue: "max-characters-per-line")
    /// A cue has more lines than the profile allows.
    public static let maxLines = QualityRule(rawValue: "max-lines")
    /// A cue must be read faster than the profile allows.
    public static let maxReadingSpeed = QualityRule(rawValue: "max-reading-speed")
    /// A cue is shown for less time than the profile requires.
    public static let minDuration = QualityRule(rawValue: "min-duration")
    /// A cue is shown for longer than the profile allows.
    public static let maxDuration = QualityRule(rawValue: "max-duration")
    /// The gap to the next cue is shorter than the profile requires.
    public static let minGap = QualityRule(rawValue: "min-gap")
    /// Two cues are shown at the same time.
    public static let overlap = QualityRule(rawValue: "overlap")
    /// A cue has no visible text.
    public static let emptyCue = QualityRule(rawValue: "empty-cue")
    /// A cue starts before the cue written before it.
    public static let outOfOrder = QualityRule(rawValue: "out-of-order")
    /// A line ends on a word the profile's line-breaking rules keep with the next line.
    public static let lineBreak = QualityRule(rawValue: "line-break")

    /// The identifier, as printed in reports.
    public var description: String { rawValue }
}
