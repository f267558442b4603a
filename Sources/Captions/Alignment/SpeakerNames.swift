/// Compares the speaker an article names with the one the captions name.
///
/// Captions name speakers loosely (`BIDEN`, `PRESIDENT BIDEN`, `Joe Biden`,
/// `MAN`, `REPORTER`), articles by their fullest name. Names agree when they
/// share a name word, allowing a misspelling (`ZELENSKY` / `Volodymyr
/// Zelenskyy`). Titles and roles are not names: a caption label made only of
/// them names nobody in particular, so it can neither agree nor disagree.
enum SpeakerNames {
    /// Words that describe a speaker without naming them.
    static let roles: Set<String> = [
        "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "professor", "rev", "reverend",
        "president", "vice", "prime", "minister", "secretary", "senator", "sen", "rep", "representative",
        "congressman", "congresswoman", "governor", "gov", "mayor", "chancellor", "general", "gen", "colonel",
        "captain", "capt", "king", "queen", "prince", "princess", "pope", "judge", "justice", "ambassador",
        "chairman", "chairwoman", "chair", "ceo", "chief", "spokesman", "spokeswoman", "spokesperson",
        "official", "officer", "commissioner", "leader", "speaker", "deputy", "foreign", "defence", "defense",
        "health", "home", "state", "the", "of", "and", "former", "us", "uk", "un", "eu",
        "man", "woman", "men", "women", "boy", "girl", "child", "male", "female", "voice", "narrator", "announcer",
        "reporter", "correspondent", "anchor", "host", "presenter", "interviewer", "interpreter", "translator",
        "crowd", "audience", "all", "both", "group", "protester", "protesters", "witness", "resident", "student",
        "teacher", "doctor", "nurse", "police", "unidentified", "unknown", "person", "participant", "caller",
        "moderator", "journalist", "a", "an", "in", "on", "vo", "os", "over",
    ]

    /// The name words of a speaker: lowercased, titles and roles removed.
    static func nameWords(_ speaker: String) -> [String] {
        WordNormalizer.tokens(speaker.split(whereSeparator: \.isWhitespace).map(String.init), role: .caption)
            .map(\.key)
            .filter { !roles.contains($0) && $0.count > 1 }
    }

    /// Whether the captions' speaker is the article's.
    ///
    /// - Parameters:
    ///   - article: who the article says is speaking.
    ///   - captions: who the captions say is speaking.
    /// - Returns: ``SpeakerAgreement/unknown`` when either names nobody.
    static func agreement(article: String?, captions: String?) -> SpeakerAgreement {
        guard let article, let captions else { return .unknown }
        let a = nameWords(article)
        let c = nameWords(captions)
        guard !a.isEmpty, !c.isEmpty else { return .unknown }
        for x in a {
            for y in c where x == y || WordSimilarity.similarity(x, y) >= WordSimilarity.fuzzyThreshold {
                return .agrees
            }
        }
        return .disagrees
    }
}
