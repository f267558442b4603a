import FuzzChecks

/// libFuzzer entry point: reads the input with the SRT reader.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSRT(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    FuzzTarget.srt.fuzz(start, count)
}
