/// The TTML style properties the reader carries into the caption model, each
/// `nil` until specified.
///
/// One value serves every stage of style resolution (TTML1 §8.4.4): the set a
/// `<style>` element specifies, the specified set of an element (referential,
/// then nested, then inline styling, each overriding the one before), and the
/// computed set after inheritance, where an unspecified inheritable property
/// takes its parent's value.
struct TTMLStyle: Sendable, Hashable {
    /// `tts:fontStyle` italic or oblique (inherited).
    var italic: Bool?
    /// `tts:fontWeight` bold (inherited).
    var bold: Bool?
    /// The underline part of `tts:textDecoration` (inherited).
    var underline: Bool?
    /// `tts:color` (inherited).
    var color: TTMLColor?
    /// `tts:textAlign` (inherited).
    var textAlign: CueSettings.TextAlign?
    /// `tts:visibility` is `hidden` (inherited).
    var hidden: Bool?
    /// `tts:display` is `none` (not inherited: it removes the element and its descendants).
    var displayNone: Bool?
    /// `tts:displayAlign` (regions).
    var displayAlign: TTMLDisplayAlign?
    /// `tts:origin` (regions); `nil` also for `auto`.
    var origin: TTMLLengthPair?
    /// `tts:extent` (regions and the root); `nil` also for `auto`.
    var extent: TTMLLengthPair?
    /// `tts:writingMode` (regions).
    var writingMode: CueSettings.Vertical?
    /// `tts:ruby` (TTML2): the element's part in a ruby annotation.
    var ruby: TTMLRubyRole?

    /// This set with every property `other` specifies taking `other`'s value.
    func overridden(by other: TTMLStyle) -> TTMLStyle {
        var result = self
        result.italic = other.italic ?? italic
        result.bold = other.bold ?? bold
        result.underline = other.underline ?? underline
        result.color = other.color ?? color
        result.textAlign = other.textAlign ?? textAlign
        result.hidden = other.hidden ?? hidden
        result.displayNone = other.displayNone ?? displayNone
        result.displayAlign = other.displayAlign ?? displayAlign
        result.origin = other.origin ?? origin
        result.extent = other.extent ?? extent
        result.writingMode = other.writingMode ?? writingMode
        result.ruby = other.ruby ?? ruby
        return result
    }

    /// The computed set of an element that specifies this set and whose
    /// parent computed `parent`: inheritable properties fall back to the
    /// parent's, the others stay as specified.
    func inheriting(from parent: TTMLStyle) -> TTMLStyle {
        var result = self
        result.italic = italic ?? parent.italic
        result.bold = bold ?? parent.bold
        result.underline = underline ?? parent.underline
        result.color = color ?? parent.color
        result.textAlign = textAlign ?? parent.textAlign
        result.hidden = hidden ?? parent.hidden
        return result
    }

    /// Reads one `tts:` attribute into this set.
    ///
    /// - Parameters:
    ///   - name: the attribute's local name (`color` for `tts:color`).
    ///   - value: its value.
    /// - Returns: `false` when the value is not one TTML allows (the property
    ///   stays unspecified); `true` otherwise, including for properties that
    ///   have no counterpart in the caption model.
    mutating func read(_ name: String, _ value: String) -> Bool {
        let token = value.trimmingXMLWhitespace
        switch name {
        case "fontStyle":
            guard ["normal", "italic", "oblique", "reverseOblique"].contains(token) else { return false }
            italic = token != "normal"
        case "fontWeight":
            guard token == "normal" || token == "bold" else { return false }
            bold = token == "bold"
        case "textDecoration":
            return readTextDecoration(token)
        case "color":
            guard let parsed = TTMLColor(parsing: token) else { return false }
            color = parsed
        case "textAlign":
            switch token {
            case "left": textAlign = .left
            case "center": textAlign = .center
            case "right": textAlign = .right
            case "start", "justify": textAlign = .start
            case "end": textAlign = .end
            default: return false
            }
        case "visibility":
            guard token == "visible" || token == "hidden" else { return false }
            hidden = token == "hidden"
        case "display":
            guard token == "auto" || token == "none" || token == "inlineBlock" else { return false }
            displayNone = token == "none"
        case "displayAlign":
            guard let align = TTMLDisplayAlign(rawValue: token == "justify" ? "before" : token) else { return false }
            displayAlign = align
        case "origin":
            if token == "auto" { origin = nil; return true }
            guard let pair = TTMLLengthPair(parsing: token) else { return false }
            origin = pair
        case "extent":
            if token == "auto" { extent = nil; return true }
            guard let pair = TTMLLengthPair(parsing: token) else { return false }
            extent = pair
        case "writingMode":
            switch token {
            case "lrtb", "rltb", "lr", "rl": writingMode = .horizontal
            case "tbrl", "tb": writingMode = .rightToLeft
            case "tblr": writingMode = .leftToRight
            default: return false
            }
        case "ruby":
            guard let role = TTMLRubyRole(rawValue: token) else { return false }
            ruby = role
        default:
            break
        }
        return true
    }

    private mutating func readTextDecoration(_ value: String) -> Bool {
        var seen = false
        for word in value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
            switch word {
            case "none": underline = false
            case "underline": underline = true
            case "noUnderline": underline = false
            case "lineThrough", "noLineThrough", "overline", "noOverline": break
            default: return false
            }
            seen = true
        }
        return seen
    }
}

/// `tts:displayAlign`: where a region's lines sit in its block direction.
enum TTMLDisplayAlign: String, Sendable, Hashable {
    case before, center, after
}

/// `tts:ruby` (TTML2 §10.2.37): an element's part in a ruby annotation.
enum TTMLRubyRole: String, Sendable, Hashable {
    case none, container, base, baseContainer, text, textContainer, delimiter
}

/// A TTML `<color>`: `#rrggbb`, `#rrggbbaa`, `rgb(r,g,b)`, `rgba(r,g,b,a)` or a named colour.
struct TTMLColor: Sendable, Hashable {
    var red: UInt8
    var green: UInt8
    var blue: UInt8
    var alpha: UInt8

    /// TTML1 §8.3.14's named colours.
    static let named: [(name: String, color: TTMLColor)] = [
        ("white", .init(red: 255, green: 255, blue: 255, alpha: 255)),
        ("black", .init(red: 0, green: 0, blue: 0, alpha: 255)),
        ("yellow", .init(red: 255, green: 255, blue: 0, alpha: 255)),
        ("cyan", .init(red: 0, green: 255, blue: 255, alpha: 255)),
        ("magenta", .init(red: 255, green: 0, blue: 255, alpha: 255)),
        ("red", .init(red: 255, green: 0, blue: 0, alpha: 255)),
        ("lime", .init(red: 0, green: 255, blue: 0, alpha: 255)),
        ("blue", .init(red: 0, green: 0, blue: 255, alpha: 255)),
        ("green", .init(red: 0, green: 128, blue: 0, alpha: 255)),
        ("silver", .init(red: 192, green: 192, blue: 192, alpha: 255)),
        ("gray", .init(red: 128, green: 128, blue: 128, alpha: 255)),
        ("maroon", .init(red: 128, green: 0, blue: 0, alpha: 255)),
        ("purple", .init(red: 128, green: 0, blue: 128, alpha: 255)),
        ("olive", .init(red: 128, green: 128, blue: 0, alpha: 255)),
        ("navy", .init(red: 0, green: 0, blue: 128, alpha: 255)),
        ("teal", .init(red: 0, green: 128, blue: 128, alpha: 255)),
        ("fuchsia", .init(red: 255, green: 0, blue: 255, alpha: 255)),
        ("aqua", .init(red: 0, green: 255, blue: 255, alpha: 255)),
        ("transparent", .init(red: 0, green: 0, blue: 0, alpha: 0)),
    ]

    init(red: UInt8, green: UInt8, blue: UInt8, alpha: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// Parses a TTML colour expression; `nil` when it is not one.
    init?(parsing text: String) {
        let value = text.trimmingXMLWhitespace
        if let entry = TTMLColor.named.first(where: { $0.name == value }) {
            self = entry.color
            return
        }
        let bytes = Array(value.utf8)
        if bytes.first == UInt8(ascii: "#"), bytes.count == 7 || bytes.count == 9 {
            var components: [UInt8] = []
            var i = 1
            while i < bytes.count {
                guard let high = bytes[i].hexValue, let low = bytes[i + 1].hexValue else { return nil }
                components.append(high << 4 | low)
                i += 2
            }
            self.init(red: components[0], green: components[1], blue: components[2], alpha: components.count == 4 ? components[3] : 255)
            return
        }
        for (prefix, count) in [("rgba(", 4), ("rgb(", 3)] where value.hasPrefix(prefix) && value.hasSuffix(")") {
            let inner = value.dropFirst(prefix.count).dropLast()
            let numbers = inner.split(separator: ",").map { Int($0.stripping(" \t")) }
            guard numbers.count == count, numbers.allSatisfy({ $0.map { (0...255).contains($0) } ?? false }) else { return nil }
            let n = numbers.map { UInt8($0!) }
            self.init(red: n[0], green: n[1], blue: n[2], alpha: count == 4 ? n[3] : 255)
            return
        }
        return nil
    }

    /// `#rrggbb`, or `#rrggbbaa` when not opaque.
    var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = [UInt8(ascii: "#")]
        for component in alpha == 255 ? [red, green, blue] : [red, green, blue, alpha] {
            out.append(digits[Int(component >> 4)])
            out.append(digits[Int(component & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The colour TTML text has when none is given (TTML1 `tts:color` initial value).
    static let initial = TTMLColor(red: 255, green: 255, blue: 255, alpha: 255)
}

extension UInt8 {
    /// The value of an ASCII hexadecimal digit, or `nil`.
    var hexValue: UInt8? {
        switch self {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): self - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): self - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): self - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension String {
    /// The string without leading and trailing XML whitespace.
    var trimmingXMLWhitespace: String {
        guard let first = utf8.first, let last = utf8.last, first.isXMLWhitespace || last.isXMLWhitespace else {
            return String(self)
        }
        return stripping(" \t\n\r")
    }
}

extension StringProtocol {
    /// The string without leading and trailing characters from `set`.
    func stripping(_ set: String) -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, set.unicodeScalars.contains(scalars[start]) { start = scalars.index(after: start) }
        while end > start, set.unicodeScalars.contains(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }
}
