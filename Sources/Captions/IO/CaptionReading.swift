/// What a reader returns: the document, and the warnings it recovered from.
public struct ReadResult: Sendable {
    /// The document read.
    public var document: CaptionDocument
    /// Warnings (and informational notes) about what was recovered or guessed.
    public var diagnostics: [Diagnostic]

    /// Creates a result.
    public init(document: CaptionDocument, diagnostics: [Diagnostic] = []) {
        self.document = document
        self.diagnostics = diagnostics
    }
}

/// A reader of one caption format.
public protocol CaptionReading: Sendable {
    /// Reads a whole file.
    ///
    /// - Parameters:
    ///   - bytes: the file's bytes, in whatever encoding the format allows.
    ///   - file: the name used in diagnostics (a path, or `-` for standard input).
    /// - Returns: the document and any warnings.
    /// - Throws: ``CaptionError`` when the bytes cannot be read as this format.
    func read(_ bytes: [UInt8], file: String?) throws(CaptionError) -> ReadResult
}

/// What a writer returns: the file's bytes, and what the format could not carry.
public struct WriteResult: Sendable {
    /// The encoded file, UTF-8.
    public var bytes: [UInt8]
    /// What was dropped or simplified because the format cannot carry it.
    public var losses: ConversionLosses
    /// Warnings about the output (for example a cue with no end given one).
    public var diagnostics: [Diagnostic]

    /// Creates a result.
    public init(bytes: [UInt8], losses: ConversionLosses = ConversionLosses(), diagnostics: [Diagnostic] = []) {
        self.bytes = bytes
        self.losses = losses
        self.diagnostics = diagnostics
    }

    /// The output as a string.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// A writer of one caption format.
public protocol CaptionWriting: Sendable {
    /// Encodes a document.
    func write(_ document: CaptionDocument) -> WriteResult
}

/// A tally of what a conversion could not keep, by kind, so the command line
/// can say once per kind what was dropped and how often.
public struct ConversionLosses: Sendable, Hashable {
    /// A kind of information a target format may not carry.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Comparable {
        case regions = "regions"
        case positions = "cue positions"
        case styleSheets = "style sheets"
        case styles = "text styles"
        case classes = "classes"
        case voices = "voices"
        case ruby = "ruby annotations"
        case languages = "language spans"
        case inlineTimestamps = "inline timestamps"
        case comments = "comments"
        case cueIdentifiers = "cue identifiers"
        case openEndedCues = "cues without an end"

        public static func < (lhs: Kind, rhs: Kind) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// How many times each kind was dropped.
    public private(set) var counts: [Kind: Int] = [:]

    /// An empty tally.
    public init() {}

    /// Records that `count` items of `kind` were dropped.
    public mutating func record(_ kind: Kind, count: Int = 1) {
        guard count > 0 else { return }
        counts[kind, default: 0] += count
    }

    /// `true` when nothing was lost.
    public var isEmpty: Bool { counts.isEmpty }

    /// One line per kind, e.g. `dropped 3 regions`, in a stable order.
    public var summary: [String] {
        counts.keys.sorted().map { "dropped \(counts[$0]!) \($0.rawValue)" }
    }
}
