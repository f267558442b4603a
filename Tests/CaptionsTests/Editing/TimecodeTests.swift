import Testing
@testable import Captions

@Suite("Times typed by users")
struct TimecodeTests {
    @Test(arguments: [
        ("12.5", MediaTime(numerator: 25, denominator: 2)),
        ("-3", MediaTime(seconds: -3)),
        ("+0.040", MediaTime(numerator: 1, denominator: 25)),
        ("90", MediaTime(seconds: 90)),
        ("01:02:03.500", MediaTime(numerator: 7447, denominator: 2)),
        ("02:03,5", MediaTime(numerator: 247, denominator: 2)),
        ("-00:00:01.250", MediaTime(numerator: -5, denominator: 4)),
        ("0.333333333", MediaTime(numerator: 333_333_333, denominator: 1_000_000_000)),
    ])
    func readsSecondsAndClockTimesExactly(text: String, expected: MediaTime) throws {
        #expect(try MediaTime(parsingTime: text) == expected)
    }

    @Test func smpteFramesCountAtTheGivenRate() throws {
        // 1 s + 12 of 24 frames.
        #expect(try MediaTime(parsingTime: "00:00:01:12", frameRate: FrameRate(numerator: 24)) == MediaTime(numerator: 3, denominator: 2))
        // Non-drop NTSC: 45 frames of 1001/30000 s = 1.5015 s.
        #expect(try MediaTime(parsingTime: "00:00:01:15", frameRate: FrameRate(numerator: 30000, denominator: 1001))
                == MediaTime(numerator: 3003, denominator: 2000))
    }

    @Test func dropFrameTimecodeSkipsTwoFrameNumbersEachMinuteButTheTenth() throws {
        let ntsc = FrameRate(numerator: 30000, denominator: 1001)
        // 00:01:00;02 is frame 1800 (1802 labels less 2 skipped): 1800 × 1001/30000 = 60.06 s.
        #expect(try MediaTime(parsingTime: "00:01:00;02", frameRate: ntsc) == MediaTime(numerator: 3003, denominator: 50))
        // 00:10:00;00 is frame 18000 - 2 × 9 = 17982: 599.9994 s.
        #expect(try MediaTime(parsingTime: "00:10:00;00", frameRate: ntsc) == MediaTime(numerator: 2_999_997, denominator: 5000))
    }

    @Test(arguments: [
        ("00:00:01:12", nil as FrameRate?, "give --fps"),
        ("00:00:01:25", FrameRate(numerator: 25), "frames must be below 25"),
        ("00:01:00;00", FrameRate(numerator: 30000, denominator: 1001), "does not exist"),
        ("00:00:01;00", FrameRate(numerator: 25), "needs --fps 29.97"),
        ("01:60:00", nil, "below 60"),
        ("abc", nil, "not a time"),
        ("1..5", nil, "fraction"),
        ("", nil, "not a time"),
        ("1::2", nil, "not a time"),
        ("999999999999:00:00:00", FrameRate(numerator: 9999), "hours must be below"),
    ])
    func rejectsMalformedTimesSayingWhy(text: String, rate: FrameRate?, reason: String) {
        #expect {
            _ = try MediaTime(parsingTime: text, frameRate: rate)
        } throws: { error in
            (error as? TimeParseError)?.message.contains(reason) == true
        }
    }
}
