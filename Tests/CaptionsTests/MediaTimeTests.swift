import Testing
@testable import Captions

@Suite("MediaTime")
struct MediaTimeTests {
    @Test func reducesFractions() {
        let t = MediaTime(numerator: 3003, denominator: 30000)
        #expect(t.numerator == 1001 && t.denominator == 10000)
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
