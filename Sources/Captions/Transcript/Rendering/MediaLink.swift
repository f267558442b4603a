/// Links to a moment of the recording, as Media Fragments URIs
/// (`MEDIA#t=72.5`), which browsers open at that time without any script.
enum MediaLink {
    /// The URL of the recording at `time`.
    ///
    /// Characters a URL cannot hold as they are (spaces, quotes, `<`, `>`,
    /// controls) are percent-encoded; a fragment the URL already has is replaced.
    static func url(_ media: String, at time: MediaTime) -> String {
        let base = media.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? media
        return encoded(base) + "#t=" + TranscriptClock.seconds(time)
    }

    /// The URL with the characters that are not allowed in it percent-encoded
    /// (letters beyond ASCII stay: HTML takes IRIs).
    static func encoded(_ url: String) -> String {
        let hex = Array("0123456789ABCDEF")
        var result = ""
        for scalar in url.unicodeScalars {
            switch scalar.value {
            case 0x00...0x20, 0x22, 0x3C, 0x3E, 0x5C, 0x5E, 0x60, 0x7B, 0x7C, 0x7D, 0x7F:
                result += "%" + String(hex[Int(scalar.value >> 4)]) + String(hex[Int(scalar.value & 0xF)])
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
