/// Collects a reader's diagnostics, keeping at most ``limit`` of each code, so
/// that a file with the same problem in every one of its 100,000 cues neither
/// buries the other findings nor costs memory; how many were left out is
/// reported once per code.
struct DiagnosticLog {
    /// How many diagnostics of one code are kept.
    let limit: Int
    private var kept: [Diagnostic] = []
    private var counts: [String: Int] = [:]
    private var firstDropped: [String: Diagnostic] = [:]

    init(limit: Int = 200) {
        self.limit = limit
    }

    /// Records a diagnostic, unless ``limit`` of its code are already kept.
    mutating func add(_ diagnostic: Diagnostic) {
        let count = counts[diagnostic.code, default: 0] + 1
        counts[diagnostic.code] = count
        if count <= limit {
            kept.append(diagnostic)
        } else if count == limit + 1 {
            firstDropped[diagnostic.code] = diagnostic
        }
    }

    /// Records a warning.
    mutating func warn(_ code: String, _ message: String, at location: SourceLocation) {
        add(Diagnostic(.warning, code: code, message, at: location))
    }

    /// The kept diagnostics in order, then one note per code that had more.
    var diagnostics: [Diagnostic] {
        var all = kept
        for (code, first) in firstDropped.sorted(by: { $0.value.location < $1.value.location }) {
            let more = counts[code, default: 0] - limit
            all.append(Diagnostic(first.severity, code: code, "\(more) more '\(code)' diagnostics like the above, from here on, are not shown", at: first.location))
        }
        return all
    }
}
