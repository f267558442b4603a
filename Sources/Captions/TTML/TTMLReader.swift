// Placeholder replaced by the format's implementation.
public struct TTMLReader: CaptionReading {
    public init() {}
    public func read(_ bytes: [UInt8], file: String?) throws(CaptionError) -> ReadResult {
        throw CaptionError(.invalidInput, "TTMLReader is not implemented yet", at: SourceLocation(file: file, line: 1))
    }
}
