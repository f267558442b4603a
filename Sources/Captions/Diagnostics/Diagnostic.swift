/// A warning or error found while reading or checking a file, with where it was found.
///
/// Printed in the compiler style, `FILE:LINE:COLUMN: warning: MESSAGE`, which
/// editors and CI logs understand.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable, Comparable {
        case info, warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            let order: [Severity] = [.info, .warning, .error]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }
    }

    /// How serious it is.
    public var severity: Severity
    /// A short stable identifier of the rule or reader check, such as `skipped-block`.
    public var code: String
    /// What was found, in one sentence.
    public var message: String
    /// Where it was found.
    public var location: SourceLocation

    /// Creates a diagnostic.
    public init(_ severity: Severity, code: String, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
    }

    /// `FILE:LINE:COLUMN: severity: message`.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}
