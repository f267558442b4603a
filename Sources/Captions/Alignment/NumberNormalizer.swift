/// Brings numbers to one form, whether printed in digits or spoken in words.
///
/// | written | spoken | tokens |
/// | --- | --- | --- |
/// | `2%` | two per cent | `2` `percent` |
/// | `£4.5m`, `£4.5 million` | four point five million pounds | `4.5` `million` `pounds` |
/// | `$2,500,000` | two and a half million dollars | `2.5` `million` `dollars` |
/// | `1,000` | a thousand, one thousand | `1000` |
/// | `1990s` | nineteen nineties | `1990s` |
/// | `2021` | twenty twenty-one, two thousand and twenty-one | `2021` |
/// | `21st` | twenty-first | `21th` |
///
/// Millions and larger stay a separate word after the number, as both
/// speakers and writers keep them; thousands and hundreds are multiplied in.
enum NumberNormalizer {
    /// Reads the numbers in a run of pieces and returns the tokens.
    static func normalize(_ pieces: [WordNormalizer.Piece]) -> [MatchToken] {
        var tokens: [MatchToken] = []
        tokens.reserveCapacity(pieces.count)
        var i = 0
        while i < pieces.count {
            let piece = pieces[i]
            if piece.text == "per", i + 1 < pieces.count, pieces[i + 1].text == "cent" {
                tokens.append(MatchToken(key: "percent", source: piece.source.lowerBound..<pieces[i + 1].source.upperBound, flags: piece.flags.union(.exactOnly)))
                i += 2
                continue
            }
            var reader = Reader(pieces: pieces, start: i)
            if Reader.mayStartNumber(piece), let number = reader.read() {
                let source = piece.source.lowerBound..<pieces[i + number.count - 1].source.upperBound
                for (offset, key) in number.keys.enumerated() {
                    let flags = (offset == 0 ? piece.flags : piece.flags.subtracting(.gapBefore)).union(MatchingLexicon.entries[key]?.flags ?? [])
                    tokens.append(MatchToken(key: key, source: source, flags: flags))
                }
                i += number.count
                continue
            }
            var key = piece.entry?.unitForm ?? piece.text
            var flags = piece.flags.union(piece.entry?.flags ?? [])
            // `No. 10` is "number ten", not a negation.
            if key == "no", piece.endsWithPeriod, i + 1 < pieces.count, pieces[i + 1].text.first?.isNumber == true {
                key = "number"
                flags.remove(.negation)
            }
            if piece.entry?.unitForm != nil { flags.formUnion(MatchingLexicon.entries[key]?.flags ?? []) }
            tokens.append(MatchToken(key: key, source: piece.source, flags: flags, alternates: piece.alternates))
            i += 1
        }
        return tokens
    }

    /// A decimal number kept exactly: `mantissa / 10^scale`.
    struct Decimal: Equatable {
        var mantissa: Int
        var scale: Int

        static func whole(_ value: Int) -> Decimal { Decimal(mantissa: value, scale: 0) }

        /// Parses `123`, `4.5`, `0.25` (commas were removed by the normalizer).
        init?<S: StringProtocol>(digits: S) {
            var mantissa = 0
            var scale = 0
            var seenPoint = false
            for scalar in digits.unicodeScalars {
                if scalar == "." {
                    guard !seenPoint else { return nil }
                    seenPoint = true
                    continue
                }
                guard scalar.value >= 0x30, scalar.value <= 0x39 else { return nil }
                let (m, o1) = mantissa.multipliedReportingOverflow(by: 10)
                let (sum, o2) = m.addingReportingOverflow(Int(scalar.value - 0x30))
                guard !o1, !o2 else { return nil }
                mantissa = sum
                if seenPoint { scale += 1 }
            }
            self.init(mantissa: mantissa, scale: scale)
        }

        init(mantissa: Int, scale: Int) {
            var m = mantissa
            var s = scale
            while s > 0, m % 10 == 0 { m /= 10; s -= 1 }
            self.mantissa = m
            self.scale = s
        }

        func multiplied(by factor: Int) -> Decimal? {
            let (m, overflow) = mantissa.multipliedReportingOverflow(by: factor)
            return overflow ? nil : Decimal(mantissa: m, scale: scale)
        }

        func adding(_ other: Decimal) -> Decimal? {
            let scale = max(self.scale, other.scale)
            guard let a = aligned(to: scale), let b = other.aligned(to: scale) else { return nil }
            let (sum, overflow) = a.addingReportingOverflow(b)
            return overflow ? nil : Decimal(mantissa: sum, scale: scale)
        }

        private func aligned(to target: Int) -> Int? {
            var m = mantissa
            for _ in scale..<target {
                let (next, overflow) = m.multipliedReportingOverflow(by: 10)
                if overflow { return nil }
                m = next
            }
            return m
        }

        /// `4.5`, `1000`.
        var text: String {
            guard scale > 0 else { return String(mantissa) }
            var digits = String(mantissa.magnitude)
            if digits.count <= scale { digits = String(repeating: "0", count: scale - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -scale))
            return (mantissa < 0 ? "-" : "") + digits
        }

        /// A large whole number as a smaller one and the magnitude word it is
        /// usually said with (`2500000` → `2.5 million`), when that is exact to
        /// three decimals.
        var withMagnitude: (Decimal, String)? {
            guard scale == 0 else { return nil }
            for (power, word) in [(12, "trillion"), (9, "billion"), (6, "million")] {
                let unit = Self.powerOfTen(power)
                guard mantissa >= unit, mantissa % (unit / 1000) == 0 else { continue }
                return (Decimal(mantissa: mantissa / (unit / 1000), scale: 3), word)
            }
            return nil
        }

        static func powerOfTen(_ n: Int) -> Int { (0..<n).reduce(1) { value, _ in value * 10 } }
    }

    /// What a number phrase turned into, and how many pieces it used.
    struct Number {
        var keys: [String]
        var count: Int
    }

    /// Reads one number phrase starting at a piece.
    private struct Reader {
        let pieces: [WordNormalizer.Piece]
        let start: Int
        private var position: Int

        init(pieces: [WordNormalizer.Piece], start: Int) {
            self.pieces = pieces
            self.start = start
            self.position = start
        }

        /// A cheap test that rules out most words before a full read.
        static func mayStartNumber(_ piece: WordNormalizer.Piece) -> Bool {
            guard let first = piece.text.utf8.first else { return false }
            return first >= 0x30 && first <= 0x39 || first >= 0x80 || first == 0x24 || piece.entry?.startsNumber == true
        }

        private func word(_ offset: Int = 0) -> String? {
            position + offset < pieces.count ? pieces[position + offset].text : nil
        }

        mutating func read() -> Number? {
            guard let first = word() else { return nil }
            var value: Decimal
            var suffixKeys: [String] = []
            var magnitude: String?
            if let scalar = first.unicodeScalars.first, scalar.properties.numericType != nil || MatchingLexicon.currencySymbols[scalar] != nil {
                guard let written = Self.parseDigits(first) else { return nil }
                position += 1
                value = written.value
                switch written.suffix {
                case .ordinal: return Number(keys: [written.value.text + "th"], count: 1)
                case .decade: return Number(keys: [written.value.text + "s"], count: 1)
                case .plain: break
                case .percent: suffixKeys.append("percent")
                case .times(let factor):
                    guard let scaled = value.multiplied(by: factor) else { return nil }
                    value = scaled
                case .magnitude(let word): magnitude = word
                case .pence: suffixKeys.append("pence")
                }
                if let currency = written.currency { suffixKeys.append(currency) }
                // `5 thousand`, `3 hundred`.
                if magnitude == nil, written.value.scale == 0, let factor = ["hundred": 100, "thousand": 1000][word() ?? ""],
                   let scaled = value.multiplied(by: factor) {
                    value = scaled
                    position += 1
                }
            } else {
                guard let spoken = readWords() else { return nil }
                if case .ordinal = spoken.kind { return Number(keys: [spoken.value.text + "th"], count: position - start) }
                if case .decade = spoken.kind { return Number(keys: [spoken.value.text + "s"], count: position - start) }
                value = spoken.value
            }
            // `and a half`.
            if word() == "and", word(1) == "a", word(2) == "half", let sum = value.adding(Decimal(mantissa: 5, scale: 1)) {
                value = sum
                position += 3
            }
            if magnitude == nil, let next = word(), MatchingLexicon.magnitudes.contains(next) {
                magnitude = next
                position += 1
            }
            if magnitude == nil, let (smaller, word) = value.withMagnitude {
                value = smaller
                magnitude = word
            }
            return Number(keys: [value.text] + (magnitude.map { [$0] } ?? []) + suffixKeys, count: position - start)
        }

        // MARK: Words

        private enum Kind { case cardinal, ordinal, decade }
        private enum Last { case none, unit, teen, tens, hundred, thousand }

        /// Reads number words: `two hundred and five`, `nineteen eighty-four`,
        /// `four point five`, `a thousand`, `twenty-first`, `the nineties`.
        private mutating func readWords() -> (value: Decimal, kind: Kind)? {
            var total = 0
            var current = 0
            var last = Last.none
            if word() == "a", let next = word(1), next == "hundred" || next == "thousand" || MatchingLexicon.magnitudes.contains(next) {
                current = 1
                last = .unit
                position += 1
            }
            let begin = position
            loop: while let w = word() {
                if let v = MatchingLexicon.units[w], w != "oh" {
                    switch last {
                    case .none, .hundred, .thousand: current += v; last = v < 10 ? .unit : .teen
                    case .tens where v > 0 && v < 10: current += v; last = .unit
                    default: break loop
                    }
                } else if let v = MatchingLexicon.tens[w] {
                    guard last == .none || last == .hundred || last == .thousand else { break loop }
                    current += v
                    last = .tens
                } else if w == "hundred" {
                    guard current < 100, last != .hundred, last != .thousand else { break loop }
                    current = max(current, 1) * 100
                    last = .hundred
                } else if w == "thousand" {
                    guard last != .thousand, total == 0 else { break loop }
                    total = max(current, 1) * 1000
                    current = 0
                    last = .thousand
                } else if w == "and", last == .hundred || last == .thousand, let next = word(1),
                          MatchingLexicon.units[next] != nil || MatchingLexicon.tens[next] != nil || MatchingLexicon.ordinals[next] != nil {
                    position += 1
                    continue
                } else if let v = MatchingLexicon.ordinals[w] {
                    let fits = last == .none || last == .hundred || last == .thousand || (last == .tens && v < 10)
                    guard fits else { break loop }
                    position += 1
                    return (.whole(total + current + v), .ordinal)
                } else if let v = MatchingLexicon.decades[w], last == .none {
                    position += 1
                    return (.whole(v), .decade)
                } else {
                    break loop
                }
                position += 1
            }
            guard position > begin || current > 0 else { return nil }
            var value = Decimal.whole(total + current)
            // A year said in pairs: `nineteen eighty-four`, `twenty twenty`, `twenty oh eight`.
            if total == 0, current >= 10, current <= 99, last != .hundred, let year = readYearHalf() {
                switch year {
                case .number(let low): return (.whole(current * 100 + low), .cardinal)
                case .decade(let low): return (.whole(current * 100 + low), .decade)
                }
            }
            // `four point five`, `point two five`.
            if word() == "point", let digit = word(1), let d = MatchingLexicon.units[digit], d < 10 {
                position += 1
                var fraction = ""
                while let w = word(), let d = MatchingLexicon.units[w], d < 10 {
                    fraction += String(d)
                    position += 1
                }
                if let decimal = Decimal(digits: "\(total + current).\(fraction)") { value = decimal }
            }
            return (value, .cardinal)
        }

        private enum YearHalf { case number(Int), decade(Int) }

        /// The second half of a year said in pairs, if the next words are one.
        private mutating func readYearHalf() -> YearHalf? {
            guard let w = word() else { return nil }
            if w == "oh", let next = word(1), let v = MatchingLexicon.units[next], v > 0, v < 10 {
                position += 2
                return .number(v)
            }
            if let v = MatchingLexicon.units[w], v >= 10 {
                position += 1
                return .number(v)
            }
            if let v = MatchingLexicon.tens[w] {
                position += 1
                if let next = word(), let unit = MatchingLexicon.units[next], unit > 0, unit < 10 {
                    position += 1
                    return .number(v + unit)
                }
                return .number(v)
            }
            if let v = MatchingLexicon.decades[w], v >= 10 {
                position += 1
                return .decade(v)
            }
            return nil
        }

        // MARK: Digits

        private enum Suffix: Equatable {
            case plain, percent, ordinal, decade, pence
            case times(Int)
            case magnitude(String)
        }

        /// Parses `£4.5bn`, `2%`, `1990s`, `21st`, `5k`, `50p`.
        private static func parseDigits(_ text: String) -> (value: Decimal, suffix: Suffix, currency: String?)? {
            var scalars = Substring(text).unicodeScalars[...]
            var currency: String?
            if let first = scalars.first, let name = MatchingLexicon.currencySymbols[first] {
                currency = name
                scalars = scalars.dropFirst()
            }
            let digitEnd = scalars.firstIndex { !($0.value >= 0x30 && $0.value <= 0x39) && $0 != "." } ?? scalars.endIndex
            guard digitEnd > scalars.startIndex, let value = Decimal(digits: String(scalars[..<digitEnd])) else { return nil }
            let suffix = String(scalars[digitEnd...])
            switch suffix {
            case "": return (value, .plain, currency)
            case "%": return (value, .percent, currency)
            case "s": return (value, .decade, currency)
            case "st", "nd", "rd", "th": return value.scale == 0 ? (value, .ordinal, currency) : nil
            case "k": return (value, .times(1000), currency)
            case "p": return currency == nil ? (value, .pence, nil) : nil
            default:
                if let word = MatchingLexicon.magnitudeSuffixes[suffix] { return (value, .magnitude(word), currency) }
                return nil
            }
        }
    }
}
