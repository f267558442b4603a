import Captions
import Testing

@Suite("Timecode formatting")
struct TimecodeFormattingTests {
    private let ntsc = FrameRate(numerator: 30000, denominator: 1001)

    @Test func nonDropFrameCountsWholeFrames() {
        // 3723.48 s at 25 fps is frame 93087: 1 h 2 min 3 s and 12 frames.
        #expect(MediaTime(milliseconds: 3_723_480).timecode(at: FrameRate(numerator: 25)) == "01:02:03:12")
        #expect(MediaTime.zero.timecode(at: FrameRate(numerator: 25)) == "00:00:00:00")
        #expect(MediaTime(seconds: -5).timecode(at: FrameRate(numerator: 25)) == "00:00:00:00")
    }

    @Test func dropFrameSkipsTwoLabelsEachMinuteButTheTenth() {
        // Frame 1799 is the last of the first minute; frame 1800 is labelled ;02.
        #expect(ntsc.time(ofUnit: 1799).timecode(at: ntsc) == "00:00:59;29")
        #expect(ntsc.time(ofUnit: 1800).timecode(at: ntsc) == "00:01:00;02")
        // Ten minutes is 17982 frames, and minute ten keeps its ;00.
        #expect(ntsc.time(ofUnit: 17982).timecode(at: ntsc) == "00:10:00;00")
        #expect(ntsc.time(ofUnit: 1800).timecode(at: ntsc, dropFrame: false) == "00:01:00:00")
    }

    @Test(arguments: ["00:00:00;00", "00:01:00;02", "00:09:59;29", "00:10:00;00", "01:23:45;16", "10:00:00;00"])
    func dropFrameLabelsRoundTrip(label: String) throws {
        #expect(try MediaTime(parsingTime: label, frameRate: ntsc).timecode(at: ntsc) == label)
    }

    @Test(arguments: ["00:00:00:00", "00:00:59:24", "01:00:00:00", "23:59:59:24"])
    func labelsAt25RoundTrip(label: String) throws {
        let rate = FrameRate(numerator: 25)
        #expect(try MediaTime(parsingTime: label, frameRate: rate).timecode(at: rate) == label)
    }
}
