/// The English word lists quote matching relies on: which words are fillers,
/// which carry meaning a small edit may not change, how numbers and
/// contractions are spoken.
///
/// Every list holds normalised keys (lowercase, no punctuation, contractions
/// already expanded).
enum MatchingLexicon {
    /// Sounds and phrases that fill a pause; a quote may leave them out.
    static let fillers: Set<String> = [
        "um", "umm", "uh", "uhh", "uhm", "er", "erm", "ah", "ahh", "eh", "hm", "hmm", "mm", "mmm", "mhm", "uh-huh",
    ]
    /// Two-word fillers (`you know`, `I mean`, `sort of`, `kind of`), also
    /// free to leave out.
    static func isFillerPhrase(_ first: String, _ second: String) -> Bool {
        switch (first, second) {
        case ("you", "know"), ("i", "mean"), ("sort", "of"), ("kind", "of"): true
        default: false
        }
    }

    /// Words whose presence or absence reverses a statement. Adding, dropping
    /// or changing one is never a small edit.
    static let negations: Set<String> = [
        "not", "no", "never", "nor", "neither", "none", "nobody", "nothing", "nowhere", "without",
    ]

    /// Words that cannot be swapped for another word of similar spelling: a
    /// different auxiliary, modal, pronoun or quantifier changes tense, person
    /// or amount (`am` for `was`, `we` for `they`, `all` for `some`).
    static let exactOnly: Set<String> = [
        "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "do", "does", "did",
        "will", "would", "shall", "should", "can", "could", "may", "might", "must",
        "i", "me", "my", "mine", "you", "your", "yours", "he", "him", "his", "she", "her", "hers", "it", "its",
        "we", "us", "our", "ours", "they", "them", "their", "theirs", "this", "that", "these", "those",
        "all", "some", "any", "every", "each", "many", "much", "few", "more", "most", "less", "least", "fewer",
        "both", "either", "only", "ever", "always", "sometimes", "often", "before", "after", "above", "below",
        "up", "down", "in", "out", "on", "off", "over", "under", "last", "next",
        "million", "billion", "trillion", "thousand", "hundred", "percent", "dollars", "pounds", "euros", "pence", "cents",
        "increase", "decrease", "increased", "decreased", "rise", "fall", "rose", "fell",
        "yes", "left", "right", "won", "lost", "win", "lose",
    ]

    /// The flags every word of the lists above carries, in one table so a
    /// token needs one lookup.
    static let wordFlags: [String: MatchToken.Flags] = {
        var table: [String: MatchToken.Flags] = [:]
        for word in fillers { table[word, default: []].insert(.filler) }
        for word in negations { table[word, default: []].insert(.negation) }
        for word in exactOnly { table[word, default: []].insert(.exactOnly) }
        return table
    }()

    /// Groups of words spoken alike that captions and articles confuse; any
    /// two of a group match with a high but imperfect similarity.
    static let homophones: [String: Int] = {
        let groups: [[String]] = [
            ["there", "their"], ["to", "too"],
            ["then", "than"], ["affect", "effect"], ["hear", "here"],
            ["right", "write", "rite"], ["weather", "whether"], ["principal", "principle"], ["lead", "led"],
            ["passed", "past"], ["peace", "piece"], ["wear", "where", "ware"], ["brake", "break"],
            ["council", "counsel"], ["cite", "site", "sight"], ["complement", "compliment"],
            ["kyiv", "kiev"], ["ok", "okay"], ["alright", "allright"], ["till", "until", "til"],
            ["mr", "mister"], ["mrs", "missus"], ["dr", "doctor"], ["st", "saint"], ["vs", "versus"],
        ]
        var table: [String: Int] = [:]
        for (index, group) in groups.enumerated() { for word in group { table[word] = index } }
        return table
    }()

    /// Prefixes that turn a word into its opposite (`likely`/`unlikely`).
    static let negatingPrefixes: [String] = ["un", "in", "im", "il", "ir", "dis", "non", "anti", "de", "mis"]
    /// Pairs of prefixes that make opposites of the same stem (`increase`/`decrease`).
    static let opposingPrefixes: [(String, String)] = [
        ("in", "de"), ("in", "ex"), ("im", "ex"), ("over", "under"), ("up", "down"), ("pre", "post"), ("pro", "anti"),
        ("max", "min"), ("inter", "intra"),
    ]

    /// Contractions whose expansion is not the stem plus a suffix.
    static let irregularContractions: [String: [String]] = [
        "won't": ["will", "not"], "can't": ["can", "not"], "cannot": ["can", "not"], "shan't": ["shall", "not"],
        "ain't": ["is", "not"], "let's": ["let", "us"], "y'all": ["you", "all"], "'em": ["them"],
        "gonna": ["going", "to"], "wanna": ["want", "to"], "gotta": ["got", "to"], "kinda": ["kind", "of"],
        "sorta": ["sort", "of"], "lemme": ["let", "me"], "gimme": ["give", "me"], "'cause": ["because"],
        "cuz": ["because"], "outta": ["out", "of"], "dunno": ["do", "not", "know"], "o'clock": ["oclock"],
    ]
    /// Regular contraction suffixes and what they stand for.
    static let contractionSuffixes: [(suffix: String, expansion: String)] = [
        ("n't", "not"), ("'re", "are"), ("'ve", "have"), ("'ll", "will"), ("'m", "am"),
    ]
    /// `'s` and `'d` stand for more than one word; the token keeps the
    /// letter and accepts any of these.
    static let ambiguousContractions: [String: [String]] = [
        "s": ["is", "has", "us", "was"], "d": ["would", "had", "did"],
    ]

    /// Number words and their values.
    static let units: [String: Int] = [
        "zero": 0, "nought": 0, "nil": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
        "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    ]
    static let tens: [String: Int] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90,
    ]
    /// Decades spoken as words (`the nineties`).
    static let decades: [String: Int] = [
        "tens": 10, "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
        "eighties": 80, "nineties": 90,
    ]
    static let ordinals: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
        "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
        "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
        "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
        "eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 1000,
    ]
    /// Magnitudes that stay words after a number (`4.5 million`), both in
    /// print and in speech.
    static let magnitudes: Set<String> = ["million", "billion", "trillion"]
    /// Abbreviated magnitudes written after digits (`£4.5bn`, `5k`).
    static let magnitudeSuffixes: [String: String] = [
        "m": "million", "mn": "million", "mln": "million", "bn": "billion", "b": "billion", "tn": "trillion",
        "trn": "trillion",
    ]
    /// What the lexicon says about one word, so a word costs one lookup.
    struct Entry: Sendable {
        /// What a contraction or slang form stands for (`gonna` → `going to`).
        var expansion: [String]?
        /// The word can start a number phrase.
        var startsNumber = false
        /// The one form of a currency or unit word (`dollar` → `dollars`).
        var unitForm: String?
        /// Filler, negation and exact-only flags.
        var flags: MatchToken.Flags = []
    }

    /// Every word the lists above mention, with what they say about it.
    static let entries: [String: Entry] = {
        var table: [String: Entry] = [:]
        for (word, expansion) in irregularContractions { table[word, default: Entry()].expansion = expansion }
        for word in numberStarters { table[word, default: Entry()].startsNumber = true }
        for (word, form) in unitWords { table[word, default: Entry()].unitForm = form }
        for (word, flags) in wordFlags { table[word, default: Entry()].flags = flags }
        return table
    }()

    /// Words that can start a number phrase (`a` only before `hundred`, `thousand`, `million`...).
    static let numberStarters: Set<String> = {
        var words = Set(units.keys).union(tens.keys).union(ordinals.keys).union(decades.keys)
        words.insert("a")
        return words
    }()
    /// Currency symbols and the word spoken for them.
    static let currencySymbols: [Unicode.Scalar: String] = ["$": "dollars", "£": "pounds", "€": "euros", "¥": "yen"]
    /// Currency and unit words folded to one form, singular or plural.
    static let unitWords: [String: String] = [
        "dollar": "dollars", "pound": "pounds", "euro": "euros", "cent": "cents", "penny": "pence",
        "percentage": "percent", "pct": "percent",
    ]
}
