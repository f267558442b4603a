/// Reads a cue's timing line: the WebVTT specification's "collect WebVTT cue
/// timings and settings" and "parse the WebVTT cue settings", over the line's
/// UTF-8 bytes.
enum WebVTTCueTimingsParser {
    /// What a timing line holds.
    struct Timings {
        var start: MediaTime
        var end: MediaTime
        var settings: CueSettings
    }

    /// Why a line with `-->` is not a timing line; `offset` is where reading stopped.
    struct Failure: Error {
        var offset: Int
        var message: String
    }

    /// Reads the timing line `bytes[line]`.
    ///
    /// - Parameters:
    ///   - bytes: the file.
    ///   - line: the line's byte range (without its terminator).
    ///   - regions: the regions defined so far, for the `region` setting.
    ///   - ignored: called for each setting that has no effect.
    /// - Returns: the times and settings, or why the line is not a timing line.
    static func parse(
        _ bytes: [UInt8], line: Range<Int>, regions: [Region], ignored: (WebVTTSettingsList.Ignored) -> Void
    ) -> Result<Timings, Failure> {
        let scanner = TimestampScanner(mode: .webVTT)
        let end = line.upperBound
        var i = bytes.skippingWhitespace(from: line.lowerBound, to: end)
        guard let (start, afterStart) = scanner.scan(bytes, from: i, to: end) else {
            return .failure(Failure(offset: i, message: "invalid cue start time; expected a timestamp such as 00:01.000 or 01:02:03.000"))
        }
        i = bytes.skippingWhitespace(from: afterStart, to: end)
        guard i + 3 <= end, bytes[i] == UInt8(ascii: "-"), bytes[i + 1] == UInt8(ascii: "-"), bytes[i + 2] == UInt8(ascii: ">") else {
            return .failure(Failure(offset: i, message: "expected '-->' after the cue start time"))
        }
        i = bytes.skippingWhitespace(from: i + 3, to: end)
        guard let (stop, afterEnd) = scanner.scan(bytes, from: i, to: end) else {
            return .failure(Failure(offset: i, message: "invalid cue end time; expected a timestamp such as 00:01.000 or 01:02:03.000"))
        }
        // The settings are whatever follows the end time, even with no space between.
        let settings = parseSettings(bytes, afterEnd..<end, regions: regions, ignored: ignored)
        return .success(Timings(start: start, end: stop, settings: settings))
    }

    /// "Parse the WebVTT cue settings" from `bytes[range]`.
    static func parseSettings(
        _ bytes: [UInt8], _ range: Range<Int>, regions: [Region], ignored: (WebVTTSettingsList.Ignored) -> Void
    ) -> CueSettings {
        var settings = CueSettings()
        WebVTTSettingsList.forEach(bytes, range) { token, name, value in
            guard let name, let value else {
                ignored(.init(offset: token.lowerBound, message: "cue setting '\(bytes.webVTTString(token))' ignored: expected NAME:VALUE"))
                return
            }
            func ignore(_ why: String) {
                ignored(.init(offset: token.lowerBound, message: "cue setting '\(bytes.webVTTString(token))' \(why)"))
            }
            if bytes.equals("region", in: name) {
                let id = bytes.webVTTString(value)
                if regions.last(where: { $0.id == id }) != nil {
                    settings.region = id
                } else {
                    settings.region = nil
                    ignore("ignored: no REGION block defines this id")
                }
            } else if bytes.equals("vertical", in: name) {
                if let vertical = CueSettings.Vertical(rawValue: bytes.webVTTString(value)) {
                    settings.vertical = vertical
                } else {
                    ignore("ignored: expected rl or lr")
                }
                // There are no vertical regions.
                if settings.vertical != .horizontal { settings.region = nil }
            } else if bytes.equals("line", in: name) {
                parseLine(bytes, value, into: &settings, ignore: ignore)
            } else if bytes.equals("position", in: name) {
                parsePosition(bytes, value, into: &settings, ignore: ignore)
            } else if bytes.equals("size", in: name) {
                guard let size = WebVTTNumber.percentage(bytes, value) else { return ignore("ignored: expected a percentage from 0% to 100%") }
                settings.size = size
                // An explicitly sized cue drops out of its region.
                if size != 100 { settings.region = nil }
            } else if bytes.equals("align", in: name) {
                if let align = CueSettings.TextAlign(rawValue: bytes.webVTTString(value)) {
                    settings.align = align
                } else {
                    ignore("ignored: expected start, center, end, left or right")
                }
            } else {
                ignore("ignored: unknown setting")
            }
        }
        return settings
    }

    /// The `line` setting: a number or a percentage, then optionally `,start`,
    /// `,center` or `,end`.
    private static func parseLine(_ bytes: [UInt8], _ value: Range<Int>, into settings: inout CueSettings, ignore: (String) -> Void) {
        let (linePosition, lineAlign) = WebVTTSettingsList.splitAtComma(bytes, value)
        guard linePosition.contains(where: { bytes[$0].isASCIIDigit }) else { return ignore("ignored: expected a line number or a percentage") }
        let isPercentage = bytes[linePosition.upperBound - 1] == UInt8(ascii: "%")
        let number = isPercentage ? WebVTTNumber.percentage(bytes, linePosition) : WebVTTNumber.lineNumber(bytes, linePosition)
        guard let number else {
            return ignore(isPercentage ? "ignored: expected a percentage from 0% to 100%" : "ignored: expected a line number such as -1 or 2")
        }
        if let lineAlign {
            // The specification drops the whole setting for an unknown
            // alignment; browsers and the web-platform-tests keep the line.
            if let align = CueSettings.LineAlign(rawValue: bytes.webVTTString(lineAlign)) {
                settings.lineAlign = align
            } else {
                ignore("kept without its alignment: expected start, center or end after the comma")
            }
        }
        settings.line = isPercentage ? .percentage(number) : .number(number)
        // A cue placed on an explicit line drops out of its region.
        settings.region = nil
    }

    /// The `position` setting: a percentage, then optionally `,line-left`,
    /// `,center` or `,line-right`.
    private static func parsePosition(_ bytes: [UInt8], _ value: Range<Int>, into settings: inout CueSettings, ignore: (String) -> Void) {
        let (columnPosition, columnAlign) = WebVTTSettingsList.splitAtComma(bytes, value)
        guard let number = WebVTTNumber.percentage(bytes, columnPosition) else { return ignore("ignored: expected a percentage from 0% to 100%") }
        if let columnAlign {
            // As for `line`, an unknown alignment leaves the position set.
            if let align = CueSettings.PositionAlign(rawValue: bytes.webVTTString(columnAlign)), align != .auto {
                settings.positionAlign = align
            } else {
                ignore("kept without its alignment: expected line-left, center or line-right after the comma")
            }
        }
        settings.position = number
    }
}
