/// One unit of comparison between a quote and the captions: a word (or part
/// of one) reduced to the form in which speech and print agree.
///
/// `Don't` becomes `do` + `not`, `£4.5m` becomes `4.5` + `million` + `pounds`,
/// `two per cent` becomes `2` + `percent`, `well-known` becomes `well` +
/// `known`. Each token remembers which original words it stands for, so
/// times and differences are reported in the words as written.
struct MatchToken: Sendable, Hashable {
    /// What kind of word a token is, for the alignment costs.
    struct Flags: OptionSet, Sendable, Hashable {
        let rawValue: UInt16
        /// `um`, `uh`, or part of `you know`, `I mean`: free to leave out.
        static let filler = Flags(rawValue: 1 << 0)
        /// `not`, `never`, `no`...: never a small edit.
        static let negation = Flags(rawValue: 1 << 1)
        /// An auxiliary, pronoun, quantifier or number: equal or different, never "similar".
        static let exactOnly = Flags(rawValue: 1 << 2)
        /// Inside an editor's `[brackets]` or `(parentheses)` in a quote.
        static let editorial = Flags(rawValue: 1 << 3)
        /// The quote skips words before this token (an ellipsis, or a new part
        /// of a quote interrupted by its attribution).
        static let gapBefore = Flags(rawValue: 1 << 4)
        /// A caption sound description (`[applause]`).
        static let sound = Flags(rawValue: 1 << 5)
        /// A word broken off by the speaker (`wh-`, `I--`).
        static let cutOff = Flags(rawValue: 1 << 6)
        /// The first copy of a phrase the speaker says again at once
        /// (`we will, we will go`).
        static let restart = Flags(rawValue: 1 << 7)
        /// A number in digits (`4.5`, `1990s`, `21th` for an ordinal).
        static let numeric = Flags(rawValue: 1 << 8)
        /// A quote word capitalised inside a sentence: most likely a name,
        /// which transcription garbles more than other words.
        static let capitalised = Flags(rawValue: 1 << 9)
    }

    /// The normalised form.
    var key: String
    /// The original words this token stands for (indices into the word list it came from).
    var source: Range<Int>
    /// What kind of word it is.
    var flags: Flags
    /// Other words the token may stand for (`'s` is `is`, `has` or `us`).
    var alternates: [String] = []
    /// The token's number in the caption vocabulary, or -1 when the captions never use it.
    var id: Int32 = -1

    /// `true` when leaving the token out of an alignment costs almost nothing.
    var isSkippable: Bool { !flags.isDisjoint(with: [.filler, .sound, .cutOff, .restart]) }
}
