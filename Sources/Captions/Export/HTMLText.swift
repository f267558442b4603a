/// Escaping for HTML documents that `captions` writes (transcripts, alignment reviews).
enum HTMLText {
    /// Text content with `&`, `<` and `>` escaped and control characters left out.
    static func escaped(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for character in value {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            // Control characters are not allowed in HTML; they carry no text.
            case _ where character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" }):
                continue
            default: result.append(character)
            }
        }
        return result
    }

    /// An attribute value (in double quotes) with `&`, `<`, `>` and `"` escaped.
    static func attribute(_ value: String) -> String {
        escaped(value).split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "&quot;")
    }
}
