/// One problem `captions check` found: a reader's validation warning, or a
/// cue that breaks one of a profile's caption-quality rules.
public struct Finding: Sendable, Hashable {
    /// What a measured value and its limit count.
    public enum Unit: String, Sendable, Hashable {
        /// Visible characters on a line.
        case characters
        /// Lines in a cue.
        case lines
        /// Reading speed in visible characters per second.
        case charactersPerSecond = "characters-per-second"
        /// Reading speed in words per minute.
        case wordsPerMinute = "words-per-minute"
        /// A time or length of time, in seconds.
        case seconds
        /// A length of time in frames at the checker's frame rate.
        case frames
    }

    /// How serious the finding is; an error makes `captions check` exit 1.
    public var severity: Diagnostic.Severity
    /// The rule broken.
    public var rule: QualityRule
    /// The 1-based position of the cue in the file, or `nil` when the finding
    /// concerns no single cue (a skipped block, an encoding guess).
    public var cue: Int?
    /// The cue's identifier, when it has one.
    public var cueID: String?
    /// When the cue starts.
    public var start: MediaTime?
    /// When the cue ends.
    public var end: MediaTime?
    /// What was measured (50 characters, 1.2 seconds, 23.5 characters per second).
    public var value: Double?
    /// The profile's limit that ``value`` breaks.
    public var limit: Double?
    /// What ``value`` and ``limit`` count.
    public var unit: Unit?
    /// One line saying what is wrong, such as `line 1 has 50 characters; netflix allows 42`.
    public var message: String
    /// Where the guideline behind the limit says so, when it is a quality rule.
    public var source: String?
    /// Where in the file: the reader diagnostic's location, or where the cue starts.
    public var location: SourceLocation?

    /// Creates a finding.
    ///
    /// - Parameters:
    ///   - severity: how serious it is.
    ///   - rule: the rule broken.
    ///   - message: one line saying what is wrong.
    ///   - location: where in the file, if known.
    public init(_ severity: Diagnostic.Severity, rule: QualityRule, _ message: String, at location: SourceLocation? = nil) {
        self.severity = severity
        self.rule = rule
        self.message = message
        self.location = location
    }

    /// Creates the validation finding for a reader diagnostic: same severity,
    /// location and message, and the diagnostic's code as the rule.
    ///
    /// - Parameter diagnostic: a warning the reader recovered from.
    public init(validating diagnostic: Diagnostic) {
        self.init(diagnostic.severity, rule: QualityRule(rawValue: diagnostic.code), diagnostic.message, at: diagnostic.location)
    }
}
