/// An error that stops a file from being read or written.
public struct CaptionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The broad class of an error, which decides the command-line exit status.
    public enum Kind: String, Sendable, Hashable {
        /// The input cannot be used: bad signature, not XML, a refused DOCTYPE, no cues.
        case invalidInput
        /// The input could not be read (missing file, permissions).
        case unreadable
        /// The output could not be written.
        case unwritable
        /// The output exists and overwriting was not allowed.
        case outputExists
    }

    /// What kind of failure this is.
    public var kind: Kind
    /// What went wrong, in one sentence.
    public var message: String
    /// Where, when the error concerns a place in a file.
    public var location: SourceLocation

    /// Creates an error.
    public init(_ kind: Kind, _ message: String, at location: SourceLocation) {
        self.kind = kind
        self.message = message
        self.location = location
    }

    /// `FILE:LINE:COLUMN: error: message`.
    public var description: String { "\(location): error: \(message)" }
}
