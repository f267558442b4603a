/// Writes cue nodes as SRT cue text, using only the markup SRT players
/// show: `<i>`, `<b>`, `<u>` and `<font color="...">`.
///
/// What SRT cannot carry is dropped and counted in ``losses``:
/// - a class becomes `<font color>` when it stands for a colour (see
///   ``ColorClasses``); other classes are dropped, their text kept;
/// - a voice span keeps its speaker visible as a `Name: ` prefix, written
///   where the speaker changes (the first voice, and each voice that differs
///   from the previous one, across cues), not on every span: a run of cues by
///   one speaker reads as it would on screen in a broadcast;
/// - language spans keep their text; ruby keeps its base text and drops the
///   annotation; inline timestamps are dropped.
///
/// Text is written as it is, except where the SRT reader would read it as
/// something else: `<` before a letter or `/`, `&` that starts a character
/// reference, `{\` and `-->` are written with character references.
struct SRTCueTextWriter {
    /// The colour of each class that stands for one.
    let classColors: [String: String]
    /// What was dropped so far.
    private(set) var losses = ConversionLosses()
    /// The speaker of the last voice span written.
    private var currentSpeaker: String?

    /// Creates a writer that turns the classes in `classColors` into `<font color>`.
    init(classColors: [String: String]) {
        self.classColors = classColors
    }

    /// Appends `nodes` as SRT cue text to `out`, with `\n` between lines.
    mutating func append(_ nodes: [CueNode], to out: inout [UInt8]) {
        for node in nodes {
            switch node {
            case .text(let text):
                Self.appendEscaped(text, to: &out)
            case .timestamp:
                losses.record(.inlineTimestamps)
            case .span(let span):
                append(span, to: &out)
            }
        }
    }

    private mutating func append(_ span: CueSpan, to out: inout [UInt8]) {
        let tag: String?
        switch span.kind {
        case .italic: tag = "i"
        case .bold: tag = "b"
        case .underline: tag = "u"
        case .class: tag = nil
        case .voice:
            tag = nil
            losses.record(.voices)
            if let speaker = span.annotation, !speaker.isEmpty, speaker != currentSpeaker {
                currentSpeaker = speaker
                Self.appendEscaped(speaker + ": ", to: &out)
            }
        case .language:
            tag = nil
            losses.record(.languages)
        case .ruby:
            tag = nil
            losses.record(.ruby)
        case .rubyText:
            // An annotation repeats its base text's reading; the ruby span counted the loss.
            return
        }
        if let tag { out.append(contentsOf: "<\(tag)>".utf8) }
        let colors = classColors
        let color = span.classes.lazy.compactMap { ColorClasses.color(ofClass: $0, in: colors) }.first
        losses.record(.classes, count: span.classes.count - (color == nil ? 0 : 1))
        if let color { out.append(contentsOf: "<font color=\"\(color)\">".utf8) }
        append(span.children, to: &out)
        if color != nil { out.append(contentsOf: "</font>".utf8) }
        if let tag { out.append(contentsOf: "</\(tag)>".utf8) }
    }

    /// The bytes that may have to be written as references: `<`, `&`, `{` and `>`.
    private static let mayNeedEscaping = ByteFinder(UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "{"), UInt8(ascii: ">"))

    /// Appends `text`, writing as character references what the SRT reader
    /// would otherwise read as markup or as a timing line.
    static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        var text = text
        let needsEscaping = text.withUTF8 { utf8 -> Bool in
            if Self.mayNeedEscaping.occurs(in: utf8, 0..<utf8.count) { return true }
            out.append(contentsOf: utf8)
            return false
        }
        guard needsEscaping else { return }
        let bytes = Array(text.utf8)
        for (i, byte) in bytes.enumerated() {
            let next = i + 1 < bytes.count ? bytes[i + 1] : 0
            switch byte {
            case UInt8(ascii: "<") where next == UInt8(ascii: "/") || (next | 0x20) >= 0x61 && (next | 0x20) <= 0x7A:
                out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: "&") where CharacterReferences.match(bytes, at: i) != nil:
                out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "{") where next == UInt8(ascii: "\\"):
                out.append(contentsOf: "&#123;".utf8)
            case UInt8(ascii: ">") where i >= 2 && bytes[i - 1] == UInt8(ascii: "-") && bytes[i - 2] == UInt8(ascii: "-"):
                out.append(contentsOf: "&gt;".utf8)
            default:
                out.append(byte)
            }
        }
    }
}
