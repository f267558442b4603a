@testable import Captions
import Testing

@Suite("Word normalisation")
struct WordNormalizerTests {
    private func keys(_ text: String, role: WordNormalizer.Role = .quote) -> [String] {
        WordNormalizer.tokens(text.split(separator: " ").map(String.init), role: role).map(\.key)
    }

    @Test(arguments: [
        ("Take power into your own HANDS.", "take power into your own hands"),
        ("Don’t, won't, can't, cannot", "do not will not can not can not"),
        ("we're you've they'll I'm", "we are you have they will i am"),
        ("gonna wanna", "going to want to"),
        ("well-known e-mail 24/7", "well known e mail 24 7"),
        ("Zelenskyy's café, naïve São", "zelenskyy s cafe naive sao"),
        ("the U.S. and O'Brien", "the us and obrien"),
        ("“Quoted” ‘inner’ words—here", "quoted inner words here"),
    ])
    func wordsReachOneForm(text: String, expected: String) {
        #expect(keys(text) == expected.split(separator: " ").map(String.init))
    }

    @Test(arguments: [
        ("2%", "2 percent"), ("two per cent", "2 percent"), ("two percent", "2 percent"),
        ("£4.5 million", "4.5 million pounds"), ("£4.5m", "4.5 million pounds"),
        ("four point five million pounds", "4.5 million pounds"),
        ("$2,500,000", "2.5 million dollars"), ("two and a half million dollars", "2.5 million dollars"),
        ("1,000", "1000"), ("a thousand", "1000"), ("one thousand", "1000"), ("5k", "5000"),
        ("1990s", "1990s"), ("nineteen nineties", "1990s"), ("the '90s", "the 90s"), ("the nineties", "the 90s"),
        ("2021", "2021"), ("twenty twenty-one", "2021"), ("two thousand and twenty-one", "2021"),
        ("nineteen eighty-four", "1984"), ("twenty oh eight", "2008"),
        ("20", "20"), ("twenty", "20"), ("twenty-five", "25"), ("one hundred and five", "105"),
        ("21st", "21th"), ("twenty-first", "21th"), ("first", "1th"),
        ("a million people", "1 million people"), ("50p", "50 pence"), ("No. 10", "number 10"),
        ("three pounds", "3 pounds"), ("a dollar", "a dollars"),
    ])
    func numbersReachOneForm(text: String, expected: String) {
        #expect(keys(text) == expected.split(separator: " ").map(String.init))
    }

    @Test func ellipsisAndBracketsShapeTheQuote() {
        let tokens = WordNormalizer.tokens(["We", "will...", "[the", "army]", "go", "…", "on"], role: .quote)
        #expect(tokens.map(\.key) == ["we", "will", "the", "army", "go", "on"])
        #expect(tokens.map { $0.flags.contains(.editorial) } == [false, false, true, true, false, false])
        #expect(tokens.map { $0.flags.contains(.gapBefore) } == [false, false, true, false, false, true])
        #expect(tokens.map(\.source) == [0..<1, 1..<2, 2..<3, 3..<4, 4..<5, 6..<7])
    }

    @Test func fillersNegationsAndCutOffWordsAreFlagged() {
        let tokens = WordNormalizer.tokens(["Um,", "you", "know,", "I", "wh-", "don't"], role: .caption)
        #expect(tokens.map(\.key) == ["um", "you", "know", "i", "wh", "do", "not"])
        #expect(tokens.map { $0.flags.contains(.filler) } == [true, true, true, false, false, false, false])
        #expect(tokens[4].flags.contains(.cutOff))
        #expect(tokens[6].flags.contains(.negation))
    }

    @Test func possessiveAndIsShareAToken() {
        let tokens = WordNormalizer.tokens(["it's"], role: .quote)
        #expect(tokens.map(\.key) == ["it", "s"])
        #expect(tokens[1].alternates.contains("is"))
    }
}
