/// English words that news writing uses to name and introduce people and to
/// attribute speech: closed classes of the language (honorifics, titles,
/// role nouns, reporting verbs, pronouns), not names of any particular people.
/// Every word is lowercase.
enum Lexicon {
    enum Gender: Sendable, Hashable { case male, female }

    /// Courtesy titles before a surname or full name, with the gender they tell.
    static let honorifics: [String: Gender?] = [
        "mr": .male, "mrs": .female, "ms": .female, "miss": .female, "mx": nil, "dr": nil, "prof": nil,
        "professor": nil, "sir": .male, "dame": .female, "lord": .male, "lady": .female, "rev": nil, "reverend": nil,
        "mister": .male, "madam": .female, "madame": .female, "monsieur": .male, "herr": .male, "frau": .female,
    ]

    /// Office titles written before a name (`President Macron`, `Prime Minister Ardern`).
    static let titles: [String: Gender?] = [
        "president": nil, "premier": nil, "chancellor": nil, "senator": nil, "sen": nil, "governor": nil, "gov": nil,
        "mayor": nil, "judge": nil, "justice": nil, "general": nil, "gen": nil, "colonel": nil, "col": nil,
        "captain": nil, "capt": nil, "sergeant": nil, "sgt": nil, "lieutenant": nil, "lt": nil, "commander": nil,
        "admiral": nil, "king": .male, "queen": .female, "prince": .male, "princess": .female, "pope": .male,
        "cardinal": nil, "bishop": nil, "archbishop": nil, "rabbi": nil, "imam": nil, "sheikh": .male,
        "minister": nil, "secretary": nil, "commissioner": nil, "chief": nil, "inspector": nil, "detective": nil,
        "constable": nil, "superintendent": nil, "coach": nil, "ambassador": nil, "chairman": .male,
        "chairwoman": .female, "representative": nil, "rep": nil, "speaker": nil, "councillor": nil, "cllr": nil,
        "father": .male, "sister": .female, "brother": .male, "emperor": .male, "empress": .female, "sultan": .male,
        "ayatollah": .male, "marshal": nil, "major": nil, "corporal": nil, "officer": nil, "agent": nil,
    ]

    /// Nouns naming what a person is or does, heading descriptions such as
    /// `the Russian president` or `Kremlin spokesperson`, with the gender some tell.
    static let roleNouns: [String: Gender?] = [
        "spokesperson": nil, "spokesman": .male, "spokeswoman": .female, "editor": nil, "correspondent": nil,
        "reporter": nil, "journalist": nil, "presenter": nil, "anchor": nil, "minister": nil, "secretary": nil,
        "president": nil, "chancellor": nil, "leader": nil, "chief": nil, "director": nil, "officer": nil,
        "adviser": nil, "advisor": nil, "analyst": nil, "expert": nil, "professor": nil, "lawyer": nil, "attorney": nil,
        "prosecutor": nil, "judge": nil, "mp": nil, "senator": nil, "mayor": nil, "governor": nil, "ambassador": nil,
        "envoy": nil, "diplomat": nil, "general": nil, "commander": nil, "official": nil, "executive": nil,
        "ceo": nil, "founder": nil, "chairman": .male, "chairwoman": .female, "chair": nil, "head": nil,
        "manager": nil, "coach": nil, "captain": nil, "striker": nil, "singer": nil, "actor": nil, "actress": .female,
        "author": nil, "writer": nil, "economist": nil, "scientist": nil, "researcher": nil, "doctor": nil,
        "nurse": nil, "surgeon": nil, "historian": nil, "campaigner": nil, "activist": nil, "candidate": nil,
        "politician": nil, "premier": nil, "king": .male, "queen": .female, "prince": .male, "princess": .female,
        "businessman": .male, "businesswoman": .female, "witness": nil, "resident": nil, "survivor": nil,
        "owner": nil, "teacher": nil, "student": nil, "detective": nil, "inspector": nil, "superintendent": nil,
        "constable": nil, "deputy": nil, "mother": .female, "father": .male, "wife": .female, "husband": .male,
        "son": .male, "daughter": .female, "brother": .male, "sister": .female, "boss": nil, "commentator": nil,
        "strategist": nil, "pollster": nil, "negotiator": nil, "mediator": nil, "councillor": nil, "man": .male,
        "woman": .female, "boy": .male, "girl": .female, "monarch": nil, "dictator": nil, "chancellor-elect": nil,
        "president-elect": nil, "representative": nil, "psychologist": nil, "engineer": nil, "pilot": nil,
        "soldier": nil, "farmer": nil, "worker": nil, "volunteer": nil, "fan": nil, "player": nil, "veteran": nil,
        "lecturer": nil, "academic": nil, "commissioner": nil, "secretary-general": nil, "ombudsman": nil,
        "whip": nil, "banker": nil, "investor": nil, "entrepreneur": nil, "physician": nil, "paramedic": nil,
    ]

    /// The gender a role noun or title word tells, if any.
    static func gender(ofRole word: String) -> Gender? {
        if let gender = honorifics[word] { return gender }
        if let gender = titles[word] { return gender }
        return roleNouns[word] ?? nil
    }

    /// Verbs that report speech, in every form news writing uses them.
    static let speechVerbs: Set<String> = {
        let regular = [
            "add", "answer", "appeal", "argue", "assert", "beg", "boast", "claim", "comment", "complain", "concede",
            "conclude", "confirm", "continue", "counter", "declare", "demand", "deny", "describe", "exclaim", "explain",
            "insist", "joke", "maintain", "mention", "mutter", "note", "observe", "plead", "pledge", "post", "predict",
            "promise", "quip", "recall", "remark", "repeat", "reply", "respond", "retort", "reveal", "scream", "shout",
            "sigh", "state", "stress", "suggest", "tweet", "urge", "vow", "warn", "whisper", "wonder", "acknowledge",
            "announce", "ask", "caution", "implore", "query", "admit", "agree", "accuse", "emphasise", "emphasize",
            "cry", "yell", "reiterate", "testify", "allege", "thunder", "call",
        ]
        var forms: Set<String> = []
        for verb in regular {
            forms.insert(verb)
            if verb.hasSuffix("y"), !verb.hasSuffix("ey"), !verb.hasSuffix("ay") {
                let stem = String(verb.dropLast())
                forms.formUnion([stem + "ies", stem + "ied", verb + "ing"])
            } else if verb.hasSuffix("e") {
                let stem = String(verb.dropLast())
                forms.formUnion([verb + "s", verb + "d", stem + "ing"])
            } else {
                let sibilant = verb.hasSuffix("s") || verb.hasSuffix("sh") || verb.hasSuffix("ch") || verb.hasSuffix("x")
                forms.formUnion([verb + (sibilant ? "es" : "s"), verb + "ed", verb + "ing"])
            }
        }
        // Irregular verbs, and doubled consonants the rules above miss.
        forms.formUnion([
            "say", "said", "says", "saying", "tell", "told", "tells", "telling", "write", "wrote", "writes", "written",
            "writing", "speak", "spoke", "speaks", "speaking", "quipped", "quipping", "begged", "begging", "admitted",
            "admitting", "sing", "sang", "sings",
        ])
        // Bare forms that are more often nouns (`a note`, `the state`, `in a post`).
        forms.subtract(["post", "posts", "state", "states", "note", "notes", "comment", "comments", "counter", "answer",
                        "answers", "demand", "demands", "promise", "promises", "query", "appeal", "appeals", "tweet",
                        "tweets", "pledge", "pledges", "wonder", "cry", "cries", "stress", "sigh", "joke", "jokes",
                        "plea", "call", "calls", "repeat", "remark", "remarks", "reply", "warning", "thunder", "whisper"])
        return forms
    }()

    /// Words that may stand between a subject and its reporting verb (`has told`, `went on to say`).
    static let auxiliaries: Set<String> = [
        "has", "had", "have", "was", "is", "were", "will", "would", "also", "then", "later", "previously", "earlier",
        "went", "on", "to", "had", "reportedly", "once", "again", "further", "simply", "just", "repeatedly", "not",
    ]

    /// Prepositions after which a capitalised run is a place or body the
    /// phrase before belongs to (`the mayor of Port Ellery`), not a speaker.
    static let placePrepositions: Set<String> = ["of", "in", "at", "from", "near"]

    /// Pronouns that can be the subject of a reporting verb, with their gender.
    static let subjectPronouns: [String: Gender] = ["he": .male, "she": .female]

    /// Words that join a title to a name inside a capitalised run (`Prime Minister`), kept as part of the title.
    static let titleModifiers: Set<String> = ["prime", "vice", "deputy", "foreign", "home", "health", "defence", "defense",
                                              "chief", "first", "lord", "attorney", "interior", "finance", "culture",
                                              "education", "transport", "shadow", "former", "acting", "crown", "grand"]

    /// Words that make a capitalised run an organisation or place, not a person.
    static let organisationWords: Set<String> = [
        "news", "ministry", "council", "office", "party", "union", "kingdom", "states", "republic", "government",
        "department", "university", "bank", "court", "army", "forces", "police", "church", "company", "corporation",
        "group", "agency", "association", "committee", "commission", "parliament", "assembly", "house", "street",
        "road", "square", "city", "county", "club", "league", "world", "war", "sea", "ocean", "river", "mountain",
        "international", "airport", "station", "hospital", "school", "college", "institute", "foundation", "trust",
        "service", "times", "post", "herald", "daily", "tv", "radio", "channel", "network", "media", "press",
        "federation", "organisation", "organization", "nations", "security", "defence", "defense", "national",
        "centre", "center", "museum", "festival", "cup", "championship", "olympics", "games", "airlines", "airways",
        "inc", "ltd", "plc", "limited", "holdings", "fund", "board", "authority", "brigade", "regiment", "fleet",
        "navy", "guard", "cabinet", "senate", "congress", "treasury", "exchange", "market", "markets", "tower",
        "palace", "bridge", "park", "valley", "island", "islands", "republican", "democrats", "republicans",
        "conservatives", "labour", "liberal", "democratic", "east", "west", "north", "south", "central", "twitter",
        "facebook", "google", "apple", "microsoft", "instagram", "youtube", "telegram", "online", "group", "team",
    ]

    /// Capitalised words that start sentences or name times, never a person.
    static let neverNames: Set<String> = [
        "the", "a", "an", "in", "on", "at", "but", "and", "or", "it", "this", "that", "these", "those", "he", "she",
        "they", "we", "i", "you", "his", "her", "their", "its", "our", "my", "your", "during", "after", "before",
        "while", "when", "where", "why", "how", "what", "who", "if", "as", "for", "from", "to", "with", "without",
        "by", "of", "earlier", "later", "meanwhile", "however", "yesterday", "today", "tomorrow", "tonight", "there",
        "here", "then", "now", "so", "yet", "still", "also", "both", "many", "most", "some", "all", "one", "two",
        "speaking", "asked", "according", "although", "though", "since", "until", "once", "instead", "despite",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "not", "no", "yes", "please", "thank", "thanks", "hi", "hello", "read", "watch",
        "more", "latest", "live", "breaking", "video", "photo", "echoing", "asked", "whether",
    ]

    /// Lowercase name particles inside a name (`Ursula von der Leyen`).
    static let nameParticles: Set<String> = ["von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "la", "le",
                                             "bin", "ibn", "al", "el", "ter", "ten", "dos", "das"]

    /// Words that begin a description of someone (`the Russian president`, `a spokesperson`).
    static let determiners: [String: Bool] = ["the": true, "a": false, "an": false, "this": true, "that": true]

    /// Words a description never runs back over when collecting its modifiers.
    static let descriptionStops: Set<String> = [
        "the", "a", "an", "and", "or", "but", "of", "to", "by", "with", "for", "from", "in", "on", "at", "as", "that",
        "which", "who", "whom", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those", "is",
        "was", "were", "are", "be", "been", "has", "had", "have", "it", "he", "she", "they", "we", "i", "you", "not",
        "than", "then", "when", "while", "after", "before", "during", "about", "into", "over", "under", "between",
    ]

    /// Abbreviations whose full stop does not end a sentence.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "capt", "rev", "jr", "sr", "sen", "rep",
        "gov", "no", "vs", "etc", "inc", "ltd", "co", "mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "u.s", "u.k", "a.m", "p.m", "approx", "cllr", "est", "fig",
    ]
}
