/// A position in a source file: 1-based line, and 1-based column counted in UTF-8 bytes.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file name as given by the caller (a path, or `-` for standard input), if any.
    public var file: String?
    /// The line, starting at 1.
    public var line: Int
    /// The column in UTF-8 bytes, starting at 1.
    public var column: Int

    /// Creates a location.
    public init(file: String? = nil, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `FILE:LINE:COLUMN` (`<input>` when the file is unknown).
    public var description: String { "\(file ?? "<input>"):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
