/// Writes TTML time expressions: clock times by default, or frame time codes
/// `HH:MM:SS:FF` at a frame rate for broadcast workflows.
///
/// At a whole frame rate (25, 30, 50) the media time base counts frames
/// within each second, so `HH:MM:SS:FF` is exact. At an NTSC rate
/// (`30000/1001`) no whole number of frames fills a second of media time, so
/// frame labels are SMPTE time code (`ttp:timeBase="smpte"`, continuous
/// markers): frame `n` is labelled as time code counts it, with drop-frame
/// labels at 29.97 and 59.94 (`ttp:dropMode="dropNTSC"`), and reads back as
/// `n / rate` seconds (TTML1 N.3).
struct TTMLTimeFormatter {
    /// The frame rate for frame time codes; `nil` for clock times.
    let frameRate: FrameRate?

    /// `ttp:frameRate`: the whole number of frame labels per second.
    var nominalRate: Int64 {
        guard let frameRate else { return 30 }
        return max(1, Int64((frameRate.value).rounded()))
    }

    /// `ttp:frameRateMultiplier` as `numerator denominator`, when the rate is not whole.
    var multiplier: (numerator: Int64, denominator: Int64)? {
        guard let frameRate else { return nil }
        let ratio = MediaTime(numerator: frameRate.numerator, denominator: frameRate.denominator * nominalRate)
        return ratio == MediaTime(seconds: 1) ? nil : (ratio.numerator, ratio.denominator)
    }

    /// The time code is SMPTE (`ttp:timeBase="smpte"`): the rate is not whole.
    var usesSMPTETimeBase: Bool { multiplier != nil }

    /// Drop-frame labels apply: 29.97 or 59.94 frames per second.
    var dropsFrames: Bool {
        guard let frameRate, usesSMPTETimeBase else { return false }
        return frameRate.denominator == 1001 && (nominalRate == 30 || nominalRate == 60)
    }

    /// The attributes `<tt>` needs for times written this way.
    var parameters: [(key: String, value: String)] {
        guard frameRate != nil else { return [] }
        var attributes: [(key: String, value: String)] = [("ttp:frameRate", String(nominalRate))]
        if let multiplier { attributes.append(("ttp:frameRateMultiplier", "\(multiplier.numerator) \(multiplier.denominator)")) }
        if usesSMPTETimeBase {
            attributes.append(("ttp:timeBase", "smpte"))
            attributes.append(("ttp:markerMode", "continuous"))
            attributes.append(("ttp:dropMode", dropsFrames ? "dropNTSC" : "nonDrop"))
        }
        return attributes
    }

    /// `time` as a time expression: `HH:MM:SS.mmm`, or `HH:MM:SS:FF` at the
    /// nearest frame.
    func string(_ time: MediaTime) -> String {
        guard let frameRate else { return TimestampFormatter(fractionSeparator: ".").string(time) }
        // The nearest frame: the time in frames, rounded to a whole number.
        let frames = (max(.zero, time) * MediaTime(numerator: frameRate.numerator, denominator: frameRate.denominator))
            .rounded(toUnitsPerSecond: 1)
        var label = frames
        if dropsFrames { label = TTMLTimeFormatter.dropFrameLabel(frames, nominalRate: nominalRate) }
        let rate = nominalRate
        let digits = String(rate - 1).count
        func padded(_ value: Int64, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let hours = label / (rate * 3600)
        let minutes = label / (rate * 60) % 60
        let seconds = label / rate % 60
        return "\(padded(hours, 2)):\(padded(minutes, 2)):\(padded(seconds, 2)):\(padded(label % rate, max(2, digits)))"
    }

    /// The counted frame label of frame `index` under NTSC drop-frame time
    /// code: two labels (four at 59.94) skipped at each minute except every
    /// tenth, the inverse of TTML's `countedFrames - droppedFrames`.
    static func dropFrameLabel(_ index: Int64, nominalRate: Int64) -> Int64 {
        let dropped = nominalRate / 15  // 2 at 30, 4 at 60
        let perMinute = nominalRate * 60 - dropped
        let perTenMinutes = perMinute * 10 + dropped
        let tens = index / perTenMinutes
        let rest = index % perTenMinutes
        let minutesInto = rest < dropped ? 0 : (rest - dropped) / perMinute
        return index + dropped * 9 * tens + dropped * minutesInto
    }
}
