// The numbers and their sources are collected in the project's research note
// on caption-quality profiles. Severity follows one policy: a hard limit
// (line length, line count, Netflix's durations and two-frame gap, BBC's own
// validator's 0.8 s gap) is an error; reading speed and softer guidance is a
// warning; a target below the usual limit is a note.

extension QualityProfile {
    /// The BBC Subtitle Guidelines, for broadcast (Teletext-width) subtitles at 25 fps.
    ///
    /// - 37 characters per line and 2 lines (§3.1, §3.3): errors.
    /// - 160–180 words per minute (§4): a warning above 180, a note above 160.
    /// - At least 0.3 s per word on screen (§4.1): a warning.
    /// - Gaps: closed, or at least 1.5 s (§4.5); the BBC's own `ttml-validator`
    ///   reports gaps under 0.8 s as errors and under 1.5 s as warnings.
    /// - Do not end a line on an article, preposition, conjunction, the
    ///   pronoun before its verb or part of a complex verb (§3.4): a warning.
    public static let bbc = QualityProfile(
        name: "bbc",
        guideline: "BBC Subtitle Guidelines",
        defaultFrameRate: FrameRate(numerator: 25),
        maxCharactersPerLine: Limit(37, .error, source: "BBC Subtitle Guidelines 3.1 Line length: 37 fixed-width characters"),
        maxLines: Limit(2, .error, source: "BBC Subtitle Guidelines 3.3 Number of lines: two lines (16:9, 4:3, 1:1)"),
        maxReadingSpeed: [
            Limit(.wordsPerMinute(180), .warning, source: "BBC Subtitle Guidelines 4 Timing: 160-180 words per minute"),
            Limit(.wordsPerMinute(160), .info, source: "BBC Subtitle Guidelines 4 Timing: 160-180 words per minute"),
        ],
        minDuration: Limit(.perWord(MediaTime(milliseconds: 300)), .warning,
                           source: "BBC Subtitle Guidelines 4.1 Target minimum timing: 0.3 s per word"),
        gap: GapRule(
            minimum: Limit(.seconds(MediaTime(milliseconds: 800)), .error,
                           source: "bbc/ttml-validator bbcTimingXmlCheck: gaps under 0.8 s are errors"),
            closeUpTo: Limit(.seconds(MediaTime(milliseconds: 1500)), .warning,
                             source: "BBC Subtitle Guidelines 4.5 Gaps: close the gap or leave at least 1 s, preferably 1.5 s"),
            includesLimit: false,
            closedGap: .frames(0)
        ),
        lineBreaks: Limit([.article, .preposition, .conjunction, .subjectPronoun, .auxiliary], .warning,
                          source: "BBC Subtitle Guidelines 3.4 Break at natural points")
    )

    /// The Netflix Timed Text Style Guide for English (USA), at 24 fps.
    ///
    /// - 42 characters per line and 2 lines: errors.
    /// - 20 characters per second for adult programmes: a warning.
    /// - At least 5/6 s (20 frames at 24 fps), at most 7 s on screen: errors.
    /// - At least 2 frames between cues at any frame rate: an error; gaps of
    ///   ½ s (12 frames at 24 fps) or less should be closed to 2 frames: a warning.
    /// - Break before conjunctions and prepositions; keep articles with their
    ///   noun, pronouns with their verb and auxiliaries with theirs: a warning.
    public static let netflix = QualityProfile(
        name: "netflix",
        guideline: "Netflix Timed Text Style Guide, English (USA)",
        defaultFrameRate: FrameRate(numerator: 24),
        maxCharactersPerLine: Limit(42, .error, source: "Netflix English (USA) Timed Text Style Guide: 42 characters per line"),
        maxLines: Limit(2, .error, source: "Netflix Timed Text Style Guide: 2 lines maximum"),
        maxReadingSpeed: [
            Limit(.charactersPerSecond(20), .warning,
                  source: "Netflix English (USA) Timed Text Style Guide: adult programs up to 20 characters per second"),
        ],
        minDuration: Limit(.fixed(.seconds(MediaTime(numerator: 5, denominator: 6))), .error,
                           source: "Netflix Timed Text Style Guide: minimum duration 5/6 s (20 frames at 24 fps)"),
        maxDuration: Limit(.seconds(MediaTime(seconds: 7)), .error,
                           source: "Netflix Timed Text Style Guide: maximum duration 7 s"),
        gap: GapRule(
            minimum: Limit(.frames(2), .error,
                           source: "Netflix Subtitle Timing Guidelines: minimum gap of 2 frames at any frame rate"),
            closeUpTo: Limit(.seconds(MediaTime(numerator: 1, denominator: 2)), .warning,
                             source: "Netflix Subtitle Timing Guidelines: gaps of 12 frames (1/2 s) or less are closed to 2 frames"),
            includesLimit: true,
            closedGap: .frames(2)
        ),
        lineBreaks: Limit([.article, .preposition, .conjunction, .subjectPronoun, .auxiliary], .warning,
                          source: "Netflix English (USA) Timed Text Style Guide: line treatment")
    )

    /// The DCMP Captioning Key, at 29.97 fps.
    ///
    /// - 32 characters per line (Text): an error.
    /// - 2 lines: a warning, since the number is commonly cited but was not
    ///   found in the Captioning Key itself.
    /// - 235 words per minute for adult programming (Presentation rate): a warning.
    /// - At least 2 seconds on screen: a warning.
    /// - Break where speech pauses: not after an article, preposition or conjunction.
    public static let dcmp = QualityProfile(
        name: "dcmp",
        guideline: "DCMP Captioning Key",
        defaultFrameRate: FrameRate(numerator: 30000, denominator: 1001),
        maxCharactersPerLine: Limit(32, .error, source: "DCMP Captioning Key, Text: maintain a 32-character line"),
        maxLines: Limit(2, .warning, source: "two lines, as commonly cited for the DCMP Captioning Key"),
        maxReadingSpeed: [
            Limit(.wordsPerMinute(235), .warning,
                  source: "DCMP Captioning Key, Presentation rate: adult programming up to 235 words per minute"),
        ],
        minDuration: Limit(.fixed(.seconds(MediaTime(seconds: 2))), .warning,
                           source: "DCMP Captioning Key: no caption should remain on screen less than two seconds"),
        lineBreaks: Limit([.article, .preposition, .conjunction], .warning,
                          source: "DCMP Captioning Key, Line division: break at a logical point where speech pauses")
    )
}
