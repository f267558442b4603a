/// Text colours as WebVTT classes: how the inline colours of formats without
/// style sheets (SRT `<font color="...">`) become `<c.NAME>` spans, and how a
/// class turns back into a colour.
///
/// A colour that equals one of WebVTT's default colour classes takes that
/// class's name (`#00ff00` and `lime` both become `lime`); any other becomes
/// `color-` followed by the letters and digits of its value (`#1a2b3c` becomes
/// `color-1a2b3c`, `green` becomes `color-green`, since CSS green is not lime).
public enum ColorClasses {
    /// WebVTT's default text colour classes and their colours, as the
    /// WebVTT specification lists them.
    public static let webVTTDefaults: [(name: String, color: String)] = [
        ("white", "#ffffff"), ("lime", "#00ff00"), ("cyan", "#00ffff"), ("red", "#ff0000"),
        ("yellow", "#ffff00"), ("magenta", "#ff00ff"), ("blue", "#0000ff"), ("black", "#000000"),
    ]

    /// The class that stands for a colour written in markup.
    ///
    /// - Parameter value: a colour as written in a `color` attribute: `#rgb`,
    ///   `#rrggbb`, `rrggbb` without the `#`, or a CSS colour name.
    /// - Returns: the class name and the colour in a normalised CSS form
    ///   (lowercase, `#rrggbb` for hexadecimal), or `nil` when the value has no
    ///   letters or digits.
    public static func colorClass(forColor value: String) -> (name: String, color: String)? {
        let color = normalized(value)
        let alphanumerics = color.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
        guard !alphanumerics.isEmpty else { return nil }
        if let match = webVTTDefaults.first(where: { $0.color == color || $0.name == color }) {
            return (match.name, match.color)
        }
        var name = "color-"
        name.unicodeScalars.append(contentsOf: alphanumerics)
        return (name, color)
    }

    /// The colour a class stands for: the document's own ``CaptionDocument/classColors``
    /// first, then WebVTT's default colour classes.
    ///
    /// - Parameters:
    ///   - className: a class of a cue span.
    ///   - classColors: the document's class colours.
    /// - Returns: a CSS colour, or `nil` when the class is not a colour.
    public static func color(ofClass className: String, in classColors: [String: String]) -> String? {
        if let color = classColors[className] { return color }
        return webVTTDefaults.first { $0.name == className }?.color
    }

    /// The colours that simple WebVTT style sheet rules give classes:
    /// `::cue(.NAME) { color: VALUE }`. Rules with other selectors are ignored.
    ///
    /// - Parameter styleSheets: CSS text, such as WebVTT `STYLE` blocks.
    /// - Returns: the colour of each class a rule colours, the last rule winning.
    public static func colors(inStyleSheets styleSheets: [String]) -> [String: String] {
        var colors: [String: String] = [:]
        let selector = Array("::cue(.".utf8)
        for sheet in styleSheets {
            let css = Array(sheet.utf8)
            var i = 0
            while let found = firstIndex(of: selector, in: css, from: i) {
                i = found + selector.count
                // The class name, then `)`, optional spaces and the rule's block.
                let nameStart = i
                while i < css.count, css[i] != UInt8(ascii: ")"), css[i] != UInt8(ascii: "."), css[i] > 0x20 { i += 1 }
                guard i < css.count, css[i] == UInt8(ascii: ")"), i > nameStart else { continue }
                let name = String(decoding: css[nameStart..<i], as: UTF8.self)
                i += 1
                while i < css.count, css[i] <= 0x20 { i += 1 }
                guard i < css.count, css[i] == UInt8(ascii: "{"),
                      let blockEnd = css[i...].firstIndex(of: UInt8(ascii: "}")) else { continue }
                let block = String(decoding: css[(i + 1)..<blockEnd], as: UTF8.self)
                i = blockEnd
                for declaration in block.split(separator: ";") {
                    let parts = declaration.split(separator: ":", maxSplits: 1)
                    guard parts.count == 2, parts[0].filter({ !$0.isWhitespace }) == "color" else { continue }
                    colors[name] = normalized(String(parts[1]))
                }
            }
        }
        return colors
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        for i in start...(haystack.count - needle.count) where haystack[i..<(i + needle.count)].elementsEqual(needle) {
            return i
        }
        return nil
    }

    /// Lowercases a colour, strips quotes and spaces, and writes hexadecimal
    /// colours as `#rrggbb` (`#0f0` and `00ff00` become `#00ff00`).
    static func normalized(_ value: String) -> String {
        let trimmed = value.lowercased().filter { $0 != "\"" && $0 != "'" && !$0.isWhitespace }
        let hex = trimmed.hasPrefix("#") ? trimmed.dropFirst() : Substring(trimmed)
        guard hex.allSatisfy(\.isHexDigit) else { return trimmed }
        switch hex.count {
        case 3: return "#" + hex.map { "\($0)\($0)" }.joined()
        case 6, 8: return "#" + hex
        default: return trimmed
        }
    }
}

extension CaptionDocument {
    /// A WebVTT style sheet that gives each of ``classColors`` its colour,
    /// one `::cue(.NAME) { color: VALUE; }` rule per class in name order, or
    /// `nil` when the document has no class colours.
    public var classColorStyleSheet: String? {
        guard !classColors.isEmpty else { return nil }
        return classColors.keys.sorted().map { "::cue(.\($0)) { color: \(classColors[$0] ?? ""); }" }.joined(separator: "\n")
    }
}
