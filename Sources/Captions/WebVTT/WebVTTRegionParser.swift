/// Reads the settings of a `REGION` block: the WebVTT specification's
/// "collect WebVTT region settings".
enum WebVTTRegionParser {
    /// Reads a region from the lines after `REGION`.
    ///
    /// - Parameters:
    ///   - bytes: the file.
    ///   - lines: the byte ranges of the block's lines after the `REGION` line;
    ///     settings are split on whitespace across them.
    ///   - ignored: called for each setting that has no effect.
    /// - Returns: the region, with the defaults for what is not given.
    static func parse(_ bytes: [UInt8], lines: [Range<Int>], ignored: (WebVTTSettingsList.Ignored) -> Void) -> Region {
        var region = Region(id: "")
        for line in lines {
            WebVTTSettingsList.forEach(bytes, line) { token, name, value in
                func ignore(_ why: String) {
                    ignored(.init(offset: token.lowerBound, message: "region setting '\(bytes.webVTTString(token))' ignored: \(why)"))
                }
                guard let name, let value else { return ignore("expected NAME:VALUE") }
                if bytes.equals("id", in: name) {
                    region.id = bytes.webVTTString(value)
                } else if bytes.equals("width", in: name) {
                    guard let width = WebVTTNumber.percentage(bytes, value) else { return ignore("expected a percentage from 0% to 100%") }
                    region.width = width
                } else if bytes.equals("lines", in: name) {
                    guard value.allSatisfy({ bytes[$0].isASCIIDigit }) else { return ignore("expected a whole number") }
                    var lines = 0
                    for i in value {
                        // Saturate rather than overflow on absurd digit strings.
                        let digit = Int(bytes[i] - 0x30)
                        lines = lines > (Int.max - digit) / 10 ? .max : lines * 10 + digit
                    }
                    region.lines = lines
                } else if bytes.equals("regionanchor", in: name) {
                    guard let (x, y) = anchor(bytes, value) else { return ignore("expected two percentages such as 0%,100%") }
                    region.regionAnchorX = x
                    region.regionAnchorY = y
                } else if bytes.equals("viewportanchor", in: name) {
                    guard let (x, y) = anchor(bytes, value) else { return ignore("expected two percentages such as 10%,90%") }
                    region.viewportAnchorX = x
                    region.viewportAnchorY = y
                } else if bytes.equals("scroll", in: name) {
                    guard bytes.equals("up", in: value) else { return ignore("expected up") }
                    region.scroll = .up
                } else {
                    ignore("unknown setting")
                }
            }
        }
        return region
    }

    /// An anchor point: two percentages separated by the first comma.
    private static func anchor(_ bytes: [UInt8], _ value: Range<Int>) -> (Double, Double)? {
        let (xRange, yRange) = WebVTTSettingsList.splitAtComma(bytes, value)
        guard let yRange, let x = WebVTTNumber.percentage(bytes, xRange), let y = WebVTTNumber.percentage(bytes, yRange) else { return nil }
        return (x, y)
    }
}
