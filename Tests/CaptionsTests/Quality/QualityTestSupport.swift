@testable import Captions

/// A cue timed in milliseconds whose text is plain text (`\n` breaks lines).
func cue(_ startMilliseconds: Int64, _ endMilliseconds: Int64?, _ text: String, id: String = "") -> Cue {
    Cue(id: id, start: MediaTime(milliseconds: startMilliseconds), end: endMilliseconds.map(MediaTime.init(milliseconds:)),
        content: text.isEmpty ? [] : [.text(text)])
}

/// A WebVTT document of `cues`.
func document(_ cues: Cue...) -> CaptionDocument {
    CaptionDocument(format: .webvtt, cues: cues)
}

extension Array where Element == Finding {
    /// The rules of these findings, in order.
    var rules: [QualityRule] { map(\.rule) }
}
