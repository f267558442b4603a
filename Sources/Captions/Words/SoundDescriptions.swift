/// Finds the tokens of a cue that describe sounds rather than speech:
/// `[applause]`, `(laughs)`, and song lyrics between `♪` marks.
enum SoundDescriptions {
    /// Marks the sound-description tokens of one cue.
    ///
    /// Brackets and music marks are followed across tokens and lines but not
    /// across cues: an unclosed `[` runs to the end of its cue.
    static func mark(_ tokens: inout [CueToken]) {
        var squareDepth = 0
        var roundDepth = 0
        var inMusic = false
        for index in tokens.indices {
            var isSound = squareDepth > 0 || roundDepth > 0 || inMusic
            let bytes = Array(tokens[index].text.utf8)
            var i = 0
            while i < bytes.count {
                switch bytes[i] {
                case 0x5B: squareDepth += 1
                case 0x5D: squareDepth = max(0, squareDepth - 1)
                case 0x28: roundDepth += 1
                case 0x29: roundDepth = max(0, roundDepth - 1)
                case 0xE2 where i + 2 < bytes.count && bytes[i + 1] == 0x99 && (bytes[i + 2] == 0xAA || bytes[i + 2] == 0xAB):
                    // ♪ (U+266A) or ♫ (U+266B): opens or closes a song.
                    inMusic.toggle()
                    isSound = true
                    i += 2
                default:
                    if squareDepth > 0 || roundDepth > 0 || inMusic { isSound = true }
                }
                i += 1
            }
            tokens[index].isSoundDescription = isSound
        }
    }
}
