/// The numbers of WebVTT cue and region settings: reading them with the
/// specification's "parse a percentage string" rules and the checks of the
/// `line` setting, and writing them back so that they read the same.
enum WebVTTNumber {
    /// "Parse a percentage string": `bytes[range]` must be a WebVTT percentage
    /// (one or more digits, optionally `.` and one or more digits, then `%`)
    /// whose value is in 0...100.
    ///
    /// - Returns: the percentage, or `nil` when the text is not one.
    static func percentage(_ bytes: [UInt8], _ range: Range<Int>) -> Double? {
        guard range.count >= 2, bytes[range.upperBound - 1] == UInt8(ascii: "%") else { return nil }
        let number = range.lowerBound..<(range.upperBound - 1)
        var i = number.lowerBound
        while i < number.upperBound, bytes[i].isASCIIDigit { i += 1 }
        guard i > number.lowerBound else { return nil }
        if i < number.upperBound {
            guard bytes[i] == UInt8(ascii: ".") else { return nil }
            i += 1
            let fractionStart = i
            while i < number.upperBound, bytes[i].isASCIIDigit { i += 1 }
            guard i > fractionStart, i == number.upperBound else { return nil }
        }
        guard let value = floatingPoint(bytes, number), value >= 0, value <= 100 else { return nil }
        return value
    }

    /// The non-percentage branch of the `line` setting: only `-`, digits and
    /// `.`; a `-` only first; at most one `.`, with a digit on each side; then
    /// the floating-point rules.
    ///
    /// - Returns: the line number, or `nil` when the text is not one.
    static func lineNumber(_ bytes: [UInt8], _ range: Range<Int>) -> Double? {
        var dots = 0
        for i in range {
            let b = bytes[i]
            if b == UInt8(ascii: "-") {
                guard i == range.lowerBound else { return nil }
            } else if b == UInt8(ascii: ".") {
                dots += 1
                guard dots == 1, i > range.lowerBound, i + 1 < range.upperBound,
                      bytes[i - 1].isASCIIDigit, bytes[i + 1].isASCIIDigit else { return nil }
            } else if !b.isASCIIDigit {
                return nil
            }
        }
        return floatingPoint(bytes, range)
    }

    /// HTML's "rules for parsing floating-point number values" for text the
    /// callers have already checked to be `-`? digits (`.` digits)?: the value
    /// rounded to the nearest double, never -0, and an error (`nil`) when it
    /// rounds to infinity.
    private static func floatingPoint(_ bytes: [UInt8], _ range: Range<Int>) -> Double? {
        if let value = exactlyRepresentable(bytes, range) { return value }
        guard let value = Double(bytes.utf8String(range)), value.isFinite else { return nil }
        // The HTML rules take their result from the finite doubles "except -0".
        return value == 0 ? 0 : value
    }

    /// The common short case without building a string: when the digits
    /// (point removed) make an integer below 2^53 and there are at most 22
    /// decimals, both it and the power of ten are exact doubles, and one
    /// IEEE division rounds their quotient correctly.
    private static func exactlyRepresentable(_ bytes: [UInt8], _ range: Range<Int>) -> Double? {
        var digits: Int64 = 0
        var decimals = -1
        var negative = false
        for i in range {
            switch bytes[i] {
            case UInt8(ascii: "-") where i == range.lowerBound: negative = true
            case UInt8(ascii: ".") where decimals < 0: decimals = 0
            case let b where b.isASCIIDigit:
                guard digits < (1 << 53) / 10 else { return nil }
                digits = digits * 10 + Int64(b - 0x30)
                if decimals >= 0 { decimals += 1 }
            default: return nil
            }
        }
        guard decimals <= 22 else { return nil }
        let value = Double(digits) / powersOfTen[max(0, decimals)]
        return negative && value != 0 ? -value : value
    }

    private static let powersOfTen: [Double] = (0...22).map { exponent in
        (0..<exponent).reduce(1.0) { power, _ in power * 10 }
    }

    /// `value` as plain decimal digits (no exponent, no trailing `.0`) that
    /// read back as exactly `value`: `40`, `12.5`, `0.00001`.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        // `description` is the shortest text that reads back exactly; move its
        // exponent into the digits, since the WebVTT syntax has no exponent.
        let text = value.description
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }), let exponent = Int(text[text.index(after: e)...]) else {
            return text
        }
        var mantissa = text[..<e]
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa = mantissa.dropFirst() }
        let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts.first.map(String.init) ?? ""
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        var digits = whole + fraction
        var point = whole.count + exponent
        if point <= 0 {
            digits = String(repeating: "0", count: 1 - point) + digits
            point = 1
        } else if point > digits.count {
            digits += String(repeating: "0", count: point - digits.count)
        }
        var result = String(digits.prefix(point))
        let decimals = digits.dropFirst(point).reversed().drop { $0 == "0" }.reversed()
        if !decimals.isEmpty { result += "." + String(decimals) }
        return (negative ? "-" : "") + result
    }
}
