import Testing
@testable import Captions

/// Time expressions worked out by hand from TTML1 §10.3.1 and appendix N.
@Suite("TTML time expressions")
struct TTMLTimeExpressionTests {
    func time(_ text: String, _ parameters: TTMLTimingParameters = TTMLTimingParameters()) throws -> MediaTime {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buffer throws(TTMLTimeExpressionError) in
            try TTMLTimeExpression(buffer, parameters: parameters).offset
        }
    }

    static func rate(_ frames: Int64, multiplier: MediaTime = MediaTime(seconds: 1), subFrames: Int64 = 1) -> TTMLTimingParameters {
        var parameters = TTMLTimingParameters()
        parameters.frameRate = frames
        parameters.frameRateIsSpecified = true
        parameters.frameRateMultiplier = multiplier
        parameters.subFrameRate = subFrames
        return parameters
    }

    static let ntsc = rate(30, multiplier: MediaTime(numerator: 1000, denominator: 1001))

    @Test func clockTimesWithAndWithoutAFraction() throws {
        #expect(try time("01:02:03") == MediaTime(seconds: 3723))
        #expect(try time("01:02:03.5") == seconds("3723.5"))
        #expect(try time("00:00:00.040") == MediaTime(milliseconds: 40))
        // Hours may take more than two digits.
        #expect(try time("100:00:00") == MediaTime(seconds: 360_000))
    }

    @Test func offsetTimesInEveryMetric() throws {
        #expect(try time("1.5h") == MediaTime(seconds: 5400))
        #expect(try time("90m") == MediaTime(seconds: 5400))
        #expect(try time("2.5s") == seconds("2.5"))
        #expect(try time("250ms") == seconds("0.25"))
        #expect(try time("0.5ms") == MediaTime(numerator: 1, denominator: 2000))
    }

    @Test func framesAt25AreTwentyFifthsOfASecond() throws {
        // 00:00:01:12 = 1 + 12/25 = 1.48 s; 50f = 2 s.
        #expect(try time("00:00:01:12", Self.rate(25)) == seconds("1.48"))
        #expect(try time("50f", Self.rate(25)) == MediaTime(seconds: 2))
    }

    @Test func framesDefaultTo30PerSecond() throws {
        // No ttp:frameRate: 30 (TTML1 §6.2.4). 00:00:02:15 = 2.5 s; 45f = 1.5 s.
        #expect(try time("00:00:02:15") == seconds("2.5"))
        #expect(try time("45f") == seconds("1.5"))
    }

    @Test func framesAtNTSCRateUseTheEffectiveRate() throws {
        // Effective rate 30 × 1000/1001. 00:00:01:15 = 1 + 15 × 1001/30000 = 3001/2000 s.
        #expect(try time("00:00:01:15", Self.ntsc) == MediaTime(numerator: 3001, denominator: 2000))
        // 30f = 30 × 1001/30000 = 1.001 s.
        #expect(try time("30f", Self.ntsc) == seconds("1.001"))
    }

    @Test func subFramesDivideAFrame() throws {
        // 25 fps, 2 sub-frames: 00:00:00:12.1 = (12 + 1/2)/25 = 0.5 s.
        #expect(try time("00:00:00:12.1", Self.rate(25, subFrames: 2)) == seconds("0.5"))
    }

    @Test func ticksUseTheTickRate() throws {
        var parameters = TTMLTimingParameters()
        parameters.specifiedTickRate = 10_000_000
        #expect(try time("15000000t", parameters) == seconds("1.5"))
    }

    @Test func tickRateDefaultsToFramesTimesSubFramesOrOnePerSecond() throws {
        // TTML1 §6.2.11: with a frame rate, ticks are sub-frames: 25 × 4 = 100 per second.
        #expect(try time("250t", Self.rate(25, subFrames: 4)) == seconds("2.5"))
        // Without one, one tick per second.
        #expect(try time("3t") == MediaTime(seconds: 3))
    }

    @Test func smpteNonDropCountsFramesAtTheNominalRate() throws {
        var parameters = Self.ntsc
        parameters.timeBase = .smpte
        // 00:01:00:00 labels frame 60 × 30 = 1800, at 1001/30000 s each: 60.06 s.
        #expect(try time("00:01:00:00", parameters) == seconds("60.06"))
    }

    @Test func smpteDropFrameSkipsTwoLabelsAMinuteExceptEveryTenth() throws {
        var parameters = Self.ntsc
        parameters.timeBase = .smpte
        parameters.dropMode = .dropNTSC
        // 00:01:00:02 is the first label of minute 1: counted 1802, 2 dropped, frame 1800 = 60.06 s.
        #expect(try time("00:01:00:02", parameters) == seconds("60.06"))
        // 00:10:00:00: counted 18000, 9 minutes × 2 dropped, frame 17982 = 17982 × 1001/30000 s.
        #expect(try time("00:10:00:00", parameters) == MediaTime(numerator: 17982 * 1001, denominator: 30000))
        #expect(TTMLTimeExpression.droppedFrames(hours: 1, minutes: 0, mode: .dropNTSC) == 108)
    }

    @Test func framesPastTheFrameRateAreClampedAndFlagged() throws {
        let bytes = Array("00:00:00:30".utf8)
        let expression = try bytes.withUnsafeBufferPointer { buffer throws(TTMLTimeExpressionError) in
            try TTMLTimeExpression(buffer, parameters: Self.rate(25))
        }
        #expect(expression.clampedFrames)
        #expect(expression.offset == seconds("0.96"))
    }

    @Test(arguments: ["", "abc", "10", "5 s", "1:2:3", "00:60:00", "00:00:61", "00:00:00.", "1.s", "2x", "wallclock(2018-12-31T23:59:45)",
                      "1234567890123456789s"])
    func malformedExpressionsAreRejected(_ text: String) {
        #expect(throws: TTMLTimeExpressionError.self) { try time(text) }
    }
}
