/// The caption formats `captions` reads and writes.
public enum CaptionFormat: String, Sendable, Hashable, CaseIterable {
    /// SubRip (`.srt`).
    case srt
    /// WebVTT (`.vtt`).
    case webvtt
    /// TTML, DFXP and IMSC (`.ttml`, `.dfxp`, `.xml`).
    case ttml

    /// Maps a file extension to its format, ignoring case: `srt`, `vtt`/`webvtt`, `ttml`/`dfxp`/`xml`.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "srt": self = .srt
        case "vtt", "webvtt": self = .webvtt
        case "ttml", "dfxp", "xml", "imsc": self = .ttml
        default: return nil
        }
    }

    /// The usual file extension for the format.
    public var fileExtension: String {
        switch self {
        case .srt: "srt"
        case .webvtt: "vtt"
        case .ttml: "ttml"
        }
    }
}
