import FuzzChecks

/// libFuzzer entry point: converts the input to every format and back.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRoundTrip(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    FuzzTarget.roundTrip.fuzz(start, count)
}
