import FuzzChecks

/// libFuzzer entry point: reads the input with the TTML reader.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTTML(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    FuzzTarget.ttml.fuzz(start, count)
}
