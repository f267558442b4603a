// Placeholder replaced by the format's implementation.
public struct TTMLWriter: CaptionWriting {
    public init() {}
    public func write(_ document: CaptionDocument) -> WriteResult { WriteResult(bytes: []) }
}
