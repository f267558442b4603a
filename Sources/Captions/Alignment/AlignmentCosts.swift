/// The scores and thresholds of quote alignment.
///
/// An alignment pairs the quote's words with caption words; each step adds
/// its score, and the best-scoring path wins. A spoken word quoted exactly
/// earns ``match``; every kind of difference costs something, and the
/// differences that happen between speech and print for no fault of the
/// writer (fillers, restarts, an ellipsis, an editor's brackets) cost little
/// or nothing. Docs/Alignment.md explains each value with worked examples.
public struct AlignmentCosts: Sendable, Hashable {
    /// A quote word that equals the spoken word (after normalisation: case,
    /// punctuation, numbers, contractions). Misspelled words earn their
    /// similarity instead (from 0.75 to 0.95).
    public var match = 1.0
    /// A quote word paired with a different spoken word. (Whether the
    /// difference is a harmless slip or a change of meaning is decided
    /// afterwards, on the chosen alignment only.)
    public var substitution = -1.0
    /// An editor's bracketed word paired with a different spoken word it
    /// stands for (`[Putin]` for `he`).
    public var editorialStandIn = -0.1
    /// An editor's bracketed word that stands for nothing spoken (`[sic]`,
    /// `We [the government] will act`). A little cheaper than standing in,
    /// so a bracket covers as few spoken words as it can.
    public var editorialUnspoken = -0.05
    /// Each spoken word skipped beside an editor's bracket: part of what
    /// the bracket stands for (`[Putin]` for `the president`). Cheaper than
    /// an unquoted word, dear enough that a bracket covers only a few.
    public var bracketSkip = -0.3
    /// A quote word that was not spoken.
    public var unspokenWord = -0.8
    /// A spoken word the quote leaves out.
    public var unquotedWord = -0.8
    /// A filler, broken-off word, or the first copy of a restart, left out
    /// of the quote; also a filler in the quote that was not spoken.
    public var skippedFiller = -0.1
    /// A negation added or dropped (`not`, `never`, `no`).
    public var negation = -2.0
    /// Starting to skip spoken words where the quote has an ellipsis, an
    /// editor's bracket, or a break between its parts.
    public var gapOpen = -0.3
    /// Each spoken word skipped inside such a gap.
    public var gapExtend = -0.01
    /// How much of a full match two words written as one (or one as two)
    /// earn: `e-mail`/`email`, `health care`/`healthcare`.
    public var mergeFactor = 0.95

    /// How many quote words may carry one unexplained edit (a transcription
    /// slip, a dropped or added small word) and still count as spoken:
    /// `(words + 4) / 10`, so none below 6 words, one up to 15, two up to 25.
    public var wordsPerEdit = 10
    /// The shortest run of quote words that makes a quote `partial`.
    public var minimumPartialRun = 5

    /// The default costs.
    public init() {}

    /// How many unexplained edits a run of `words` quote words may have.
    public func editBudget(words: Int) -> Int {
        max(0, (words + wordsPerEdit / 2 - 1) / wordsPerEdit)
    }
}
