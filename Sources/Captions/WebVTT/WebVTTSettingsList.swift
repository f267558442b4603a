/// A WebVTT settings list (the cue settings after a timing, the lines of a
/// `REGION` block): tokens split on ASCII whitespace, each `NAME:VALUE`.
enum WebVTTSettingsList {
    /// A setting that was left out, and why.
    struct Ignored {
        /// The offset of the setting in the file.
        var offset: Int
        var message: String
    }

    /// Splits `value` at its first comma; the second part is `nil` without one.
    static func splitAtComma(_ bytes: [UInt8], _ value: Range<Int>) -> (Range<Int>, Range<Int>?) {
        guard let comma = value.first(where: { bytes[$0] == UInt8(ascii: ",") }) else { return (value, nil) }
        return (value.lowerBound..<comma, (comma + 1)..<value.upperBound)
    }

    /// "Split a string on spaces", then for each token the first steps of the
    /// settings algorithms: a name before the first colon and a value after
    /// it, both non-empty (else both are `nil`).
    static func forEach(
        _ bytes: [UInt8], _ range: Range<Int>, _ body: (_ token: Range<Int>, _ name: Range<Int>?, _ value: Range<Int>?) -> Void
    ) {
        var i = range.lowerBound
        while true {
            i = bytes.skippingWhitespace(from: i, to: range.upperBound)
            guard i < range.upperBound else { return }
            let start = i
            var colon: Int?
            while i < range.upperBound, !bytes[i].isASCIIWhitespace {
                if colon == nil, bytes[i] == UInt8(ascii: ":") { colon = i }
                i += 1
            }
            let token = start..<i
            if let colon, colon > start, colon < i - 1 {
                body(token, start..<colon, (colon + 1)..<i)
            } else {
                body(token, nil, nil)
            }
        }
    }
}
