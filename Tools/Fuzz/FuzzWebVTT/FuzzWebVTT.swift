import FuzzChecks

/// libFuzzer entry point: reads the input with the WebVTT reader.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWebVTT(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    FuzzTarget.webVTT.fuzz(start, count)
}
