// Placeholder replaced by the format's implementation.
public struct WebVTTReader: CaptionReading {
    public init() {}
    public func read(_ bytes: [UInt8], file: String?) throws(CaptionError) -> ReadResult {
        throw CaptionError(.invalidInput, "WebVTTReader is not implemented yet", at: SourceLocation(file: file, line: 1))
    }
}
