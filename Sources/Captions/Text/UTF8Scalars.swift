/// Reading Unicode scalars straight out of UTF-8 bytes, forwards and
/// backwards, so byte-level scanners can ask "is this a letter?" or "what
/// punctuation mark is this?" without building a `String`.
///
/// Malformed sequences read as U+FFFD of length 1, so a scan always advances.
extension RandomAccessCollection where Element == UInt8, Index == Int {
    /// The scalar starting at `index` and how many bytes it takes.
    @inline(__always)
    func scalar(at index: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = self[index]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: return ("\u{FFFD}", 1)
        }
        guard index + length <= endIndex else { return ("\u{FFFD}", 1) }
        for k in 1..<length {
            let byte = self[index + k]
            guard byte & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The scalar that ends just before `index`, and where it starts; `nil` at the start.
    func scalar(before index: Int) -> (scalar: Unicode.Scalar, start: Int)? {
        guard index > startIndex else { return nil }
        var start = index - 1
        // Step back over at most three continuation bytes to the lead byte.
        while start > startIndex, index - start < 4, self[start] & 0xC0 == 0x80 { start -= 1 }
        let (scalar, length) = self.scalar(at: start)
        return start + length == index ? (scalar, start) : ("\u{FFFD}", index - 1)
    }
}

extension Array where Element == UInt8 {
    /// How many words the text holds: runs of letters and digits, an
    /// apostrophe or hyphen inside a word not splitting it. Scripts written
    /// without spaces (Chinese, Japanese) count a word per two characters.
    func wordCount() -> Int {
        var words = 0, unspaced = 0
        var inWord = false
        var i = 0
        while i < count {
            let (scalar, length) = self.scalar(at: i)
            if scalar.isUnspacedScript {
                unspaced += 1
                inWord = false
            } else if scalar.isWordCharacter {
                if !inWord { words += 1 }
                inWord = true
            } else if !(inWord && (scalar == "'" || scalar == "\u{2019}" || scalar == "-")) {
                inWord = false
            }
            i += length
        }
        return words + unspaced / 2
    }
}

extension Unicode.Scalar {
    /// Letters and digits of any script: what words are made of.
    var isWordCharacter: Bool {
        if isASCII {
            let v = value
            return (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
        }
        return properties.isAlphabetic || properties.numericType != nil
    }

    /// Spaces of every kind, line breaks included.
    var isSpace: Bool { properties.isWhitespace }

    /// Han ideographs, kana and hangul: scripts written without spaces between words.
    var isUnspacedScript: Bool {
        switch value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
        default: false
        }
    }
}
