extension Array where Element == UInt8 {
    /// Makes a string from bytes already known to be valid UTF-8, without
    /// validating them again.
    ///
    /// Readers decode a whole file with ``TextEncoding/decode(_:)`` first, so
    /// every range of its result that starts and ends at ASCII bytes (line
    /// ends, markup) is valid UTF-8. Validating each cue's text again costs
    /// more than the rest of an SRT parse; this skips it.
    ///
    /// - Precondition: `self[range]` is valid UTF-8 (checked in debug builds).
    func stringFromValidatedUTF8(_ range: Range<Int>) -> String {
        let span = self.span.extracting(range)
        assert(String(validating: self[range], as: UTF8.self) != nil, "stringFromValidatedUTF8 on invalid UTF-8")
        return String(copying: UTF8Span(unchecked: span))
    }
}
