/// The findings of one `captions check` run, ready to print as compiler-style
/// text or as the contract's JSON.
public struct CheckReport: Sendable {
    /// The profile checked against.
    public var profile: QualityProfile
    /// The frame rate durations and gaps were counted at.
    public var frameRate: FrameRate
    /// The checked file's name (a path, or `-`), for findings without one.
    public var file: String?
    /// The findings, in file order.
    public var findings: [Finding]

    /// Creates a report.
    ///
    /// - Parameters:
    ///   - profile: the profile used.
    ///   - frameRate: the frame rate used.
    ///   - file: the checked file's name.
    ///   - findings: what the checker found.
    public init(profile: QualityProfile, frameRate: FrameRate, file: String?, findings: [Finding]) {
        self.profile = profile
        self.frameRate = frameRate
        self.file = file
        self.findings = findings
    }

    /// `true` when some finding is an error, which makes `captions check` exit 1.
    public var hasErrors: Bool { findings.contains { $0.severity == .error } }

    /// How many findings there are of `severity`.
    ///
    /// - Parameter severity: the severity to count.
    /// - Returns: the count.
    public func count(of severity: Diagnostic.Severity) -> Int {
        findings.filter { $0.severity == severity }.count
    }

    /// One line per finding: `FILE:LINE:COLUMN: warning: [rule] cue 2 (00:00:05.000): message`.
    public var textLines: [String] {
        findings.map { finding in
            var place = file ?? "<input>"
            if let location = finding.location {
                place = "\(location.file ?? place):\(location.line):\(location.column)"
            }
            var subject = ""
            if let cue = finding.cue {
                subject = "cue \(cue)"
                if let start = finding.start { subject += " (\(CaptionChecker.clock(start)))" }
                subject += ": "
            }
            return "\(place): \(finding.severity.rawValue): [\(finding.rule)] \(subject)\(finding.message)"
        }
    }

    /// A closing line such as `news.vtt: 2 errors, 1 warning, 0 notes (netflix at 24 fps)`.
    public var summary: String {
        func counted(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(file ?? "<input>"): \(counted(count(of: .error), "error")), \(counted(count(of: .warning), "warning")), "
            + "\(counted(count(of: .info), "note")) (\(profile.name) at \(frameRate) fps)"
    }

    /// The report in the shape of the contract's `captions check --format json`,
    /// with extra fields: `frameRate`, per finding `id`, `end`, `unit`,
    /// `source`, `line` and `column`, and a `summary` of counts.
    public var json: JSONValue {
        .object([
            ("profile", .string(profile.name)),
            ("findings", .array(findings.map(Self.json(for:)))),
            ("frameRate", .string(frameRate.description)),
            ("summary", .object([
                ("errors", .number(Double(count(of: .error)))),
                ("warnings", .number(Double(count(of: .warning)))),
                ("info", .number(Double(count(of: .info)))),
            ])),
        ])
    }

    private static func json(for finding: Finding) -> JSONValue {
        .object([
            ("severity", .string(finding.severity.rawValue)),
            ("rule", .string(finding.rule.rawValue)),
            ("cue", finding.cue.map { .number(Double($0)) } ?? .null),
            ("start", .seconds(finding.start)),
            ("value", .optional(finding.value)),
            ("limit", .optional(finding.limit)),
            ("message", .string(finding.message)),
            ("id", .optional(finding.cueID)),
            ("end", .seconds(finding.end)),
            ("unit", .optional(finding.unit?.rawValue)),
            ("source", .optional(finding.source)),
            ("line", finding.location.map { .number(Double($0.line)) } ?? .null),
            ("column", finding.location.map { .number(Double($0.column)) } ?? .null),
        ])
    }
}
