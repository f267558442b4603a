import Testing
@testable import Captions

@Suite("Time maps")
struct TimeMapTests {
    @Test func speedChangeKeepsFramesOnFrames() {
        let map = TimeMap.speedChange(from: FrameRate(numerator: 25), to: FrameRate(numerator: 24000, denominator: 1001))
        // Frame 1500 at 25 fps is 60 s; frame 1500 at 24000/1001 is 1500 × 1001/24000 = 62.5625 s.
        #expect(map(MediaTime(seconds: 60)) == MediaTime(numerator: 1001, denominator: 16))
        #expect(map.scale == MediaTime(numerator: 1001, denominator: 960))
    }

    @Test func twoPointSyncIsTheLineThroughBothPoints() throws {
        // 10 ↦ 12 and 110 ↦ 212: twice as long, 8 s earlier.
        let map = try #require(TimeMap(mapping: (MediaTime(seconds: 10), MediaTime(seconds: 12)),
                                       (MediaTime(seconds: 110), MediaTime(seconds: 212))))
        #expect(map.scale == MediaTime(seconds: 2) && map.offset == MediaTime(seconds: -8))
        #expect(map(MediaTime(seconds: 60)) == MediaTime(seconds: 112))
    }

    @Test func mapsThatWouldReverseOrCollapseTimeAreRefused() {
        #expect(TimeMap(mapping: (MediaTime(seconds: 10), MediaTime(seconds: 20)), (MediaTime(seconds: 20), MediaTime(seconds: 5))) == nil)
        #expect(TimeMap(mapping: (MediaTime(seconds: 10), MediaTime(seconds: 20)), (MediaTime(seconds: 10), MediaTime(seconds: 30))) == nil)
        #expect(TimeMap(scale: .zero, offset: .zero) == nil)
    }

    @Test func inverseUndoesTheMapExactly() throws {
        // A 25 fps programme synced to a 30000/1001 recording at two points.
        let map = try #require(TimeMap(mapping: (MediaTime(seconds: 10), MediaTime(numerator: 1001, denominator: 100)),
                                       (MediaTime(seconds: 3600), MediaTime(numerator: 3_603_600, denominator: 1000))))
        for ms: Int64 in [0, 1, 999, 1234, 3_599_999] {
            let time = MediaTime(milliseconds: ms)
            #expect(map.inverse(map(time)) == time)
        }
    }
}
