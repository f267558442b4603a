extension CaptionFormat {
    /// Decides the format of a file from its content, falling back to its extension.
    ///
    /// The order is the contract's: a `WEBVTT` signature (in any case, so that a
    /// mis-cased one is reported as a bad signature); an XML root element in
    /// the TTML namespace; a `-->` timing line (SRT, whatever the fraction
    /// separator); otherwise the file extension.
    ///
    /// - Parameters:
    ///   - bytes: the file's bytes (any BOM is looked through).
    ///   - fileExtension: the extension of the file's name, if it has one.
    /// - Returns: the format, or `nil` when neither the content nor the extension tells.
    public static func detect(_ bytes: [UInt8], fileExtension: String? = nil) -> CaptionFormat? {
        let decoded = TextEncoding.decode(Array(bytes.prefix(64 * 1024)))
        let head = decoded.utf8
        // Any case: a file opening with "webvtt" is a WebVTT file with a bad
        // signature (which the WebVTT reader reports), never an SRT file.
        if head.count >= 6, zip(head, "webvtt".utf8).allSatisfy({ $0 | 0x20 == $1 }) { return .webvtt }
        if looksLikeTTML(head) { return .ttml }
        if containsTimingArrow(head) { return .srt }
        return fileExtension.flatMap(CaptionFormat.init(fileExtension:))
    }

    /// The start of the document names the TTML namespace on an element that
    /// comes before any text (so an SRT quoting the namespace is still SRT).
    private static func looksLikeTTML(_ head: [UInt8]) -> Bool {
        var i = 0
        while i < head.count, head[i] == 0x20 || head[i] == 0x09 || head[i] == 0x0A || head[i] == 0x0D { i += 1 }
        guard i < head.count, head[i] == UInt8(ascii: "<") else { return false }
        let text = String(decoding: head, as: UTF8.self)
        return text.contains("http://www.w3.org/ns/ttml") || text.contains("http://www.w3.org/2006/10/ttaf1")
            || text.contains("http://www.w3.org/2006/04/ttaf1")
    }

    private static func containsTimingArrow(_ head: [UInt8]) -> Bool {
        let arrow = Array("-->".utf8)
        guard head.count >= arrow.count else { return false }
        for i in 0...(head.count - arrow.count) where head[i] == 0x2D && head[i + 1] == 0x2D && head[i + 2] == 0x3E {
            return true
        }
        return false
    }
}
