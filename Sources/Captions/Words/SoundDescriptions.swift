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
            // The last two bytes seen, to recognise ♪ (E2 99 AA) and ♫ (E2 99 AB).
            var previous: (UInt8, UInt8) = (0, 0)
            for byte in tokens[index].text.utf8 {
                switch byte {
                case 0x5B: squareDepth += 1
                case 0x5D: squareDepth = max(0, squareDepth - 1)
                case 0x28: roundDepth += 1
                case 0x29: roundDepth = max(0, roundDepth - 1)
                case 0xAA where previous == (0xE2, 0x99), 0xAB where previous == (0xE2, 0x99):
                    // A music note opens or closes a song.
                    inMusic.toggle()
                    isSound = true
                default:
                    if squareDepth > 0 || roundDepth > 0 || inMusic { isSound = true }
                }
                previous = (previous.1, byte)
            }
            tokens[index].isSoundDescription = isSound
        }
    }
}
