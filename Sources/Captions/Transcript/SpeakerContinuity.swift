/// Settles who speaks each word of a transcript.
///
/// A word the captions give no speaker, and that starts no turn, continues the
/// turn before it: files that put `<v Name>` or `NAME:` only on the first cue
/// of a turn are common. Names written all in capitals, as broadcast labels
/// are (`HELEN OKAFOR:`), are shown in title case (`Helen Okafor`), so the
/// same person has the same name whichever caption format named them.
enum SpeakerContinuity {
    /// The words with their speakers settled.
    static func attributed(_ words: [TimedWord]) -> [TimedWord] {
        var readable: [String: String] = [:]
        var current: String?
        return words.map { word in
            var word = word
            if word.startsTurn || word.speaker != nil {
                current = word.speaker.map { name in
                    if let known = readable[name] { return known }
                    let shown = readableName(name)
                    readable[name] = shown
                    return shown
                }
            }
            word.speaker = current
            return word
        }
    }

    /// Lowercase words inside a name, written lowercase unless they come first.
    private static let particles: Set<String> = ["of", "the", "and", "de", "del", "der", "van", "von", "da", "di", "du", "la", "le"]

    /// A name in capitals in title case; any other name as it is.
    ///
    /// Each letter after a space, hyphen, apostrophe or full stop starts a new
    /// word part (`O'BRIEN` is `O'Brien`, `JEAN-PAUL` is `Jean-Paul`). Names
    /// such as `McDONALD` lose their inner capital: the captions do not say it.
    static func readableName(_ name: String) -> String {
        guard name.contains(where: \.isLetter), !name.contains(where: \.isLowercase) else { return name }
        var words: [String] = []
        for (index, word) in name.split(separator: " ").enumerated() {
            let lower = word.lowercased()
            if index > 0, particles.contains(lower) {
                words.append(lower)
                continue
            }
            var result = ""
            var startsPart = true
            for character in lower {
                result += startsPart ? character.uppercased() : String(character)
                startsPart = character == "-" || character == "'" || character == "\u{2019}" || character == "."
            }
            words.append(result)
        }
        return words.joined(separator: " ")
    }
}
