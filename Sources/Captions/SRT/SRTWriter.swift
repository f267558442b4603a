// Placeholder replaced by the format's implementation.
public struct SRTWriter: CaptionWriting {
    public init() {}
    public func write(_ document: CaptionDocument) -> WriteResult { WriteResult(bytes: []) }
}
