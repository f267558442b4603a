import FuzzChecks

/// libFuzzer entry point: reads the input as a news article and finds its quotations.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArticle(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    FuzzTarget.article.fuzz(start, count)
}
