import Testing
@testable import Captions

@Suite("MediaTime")
struct MediaTimeTests {
    @Test func reducesFractions() {
        let t = MediaTime(numerator: 3003, denominator: 30000)
        #expect(t.numerator == 1001 && t.denominator == 10000)
    }

    @Test(arguments: [
        (0, 0, 1), (1, 1, 1000), (500, 1, 2), (1500, 3, 2), (250, 1, 4), (125, 1, 8),
        (40, 1, 25), (8, 1, 125), (3_600_000, 3600, 1), (-1500, -3, 2), (-8, -1, 125), (7, 7, 1000),
        (Int64.max, Int64.max, 1000), (Int64.min, Int64.min / 8, 125),
    ] as [(Int64, Int64, Int64)])
    func millisecondsAreReducedLikeAnyFraction(milliseconds: Int64, numerator: Int64, denominator: Int64) {
        let time = MediaTime(milliseconds: milliseconds)
        #expect(time.numerator == numerator && time.denominator == denominator)
        #expect(time == MediaTime(numerator: milliseconds, denominator: 1000))
    }

    @Test func framesAtNTSCRateStayExact() {
        // 30 frames at 30000/1001 fps is exactly 1.001 s.
        let rate = FrameRate(numerator: 30000, denominator: 1001)
        #expect(rate.time(ofUnit: 30) == MediaTime(milliseconds: 1001))
        // 1 frame is 1001/30000 s = 33.3667 ms, which rounds to 33 ms only when written.
        #expect(rate.time(ofUnit: 1).roundedMilliseconds == 33)
    }

    @Test func addsAndComparesAcrossDenominators() {
        let a = MediaTime(numerator: 1, denominator: 3)
        let b = MediaTime(numerator: 1, denominator: 6)
        #expect(a + b == MediaTime(numerator: 1, denominator: 2))
        #expect(b < a)
        #expect(a - a - b == MediaTime(numerator: -1, denominator: 6))
    }

    @Test func roundsHalvesAwayFromZero() {
        #expect(MediaTime(numerator: 1, denominator: 2000).roundedMilliseconds == 1)  // 0.5 ms
        #expect(MediaTime(numerator: -1, denominator: 2000).roundedMilliseconds == -1)
        #expect(MediaTime(numerator: 1, denominator: 3000).roundedMilliseconds == 0)
    }

    @Test(arguments: [("25", 25, 1), ("29.97", 30000, 1001), ("30000/1001", 30000, 1001), ("23.976", 24000, 1001)])
    func parsesFrameRates(text: String, numerator: Int64, denominator: Int64) {
        let rate = FrameRate(parsing: text)
        #expect(rate == FrameRate(numerator: numerator, denominator: denominator))
    }
}
