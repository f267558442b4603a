/// The key by which roll-up detection compares words: a 64-bit FNV-1a hash
/// of the word's letters and digits, lowercased, so that a comma added when
/// the sentence continues, or a change of case, still gives the same key
/// (a collision would need two different words at the same place in
/// neighbouring cues).
///
/// It is built from a word's UTF-8 bytes, so the roll-up check can key a
/// whole document straight from its cue text without making a `String` per
/// word.
struct WordKey {
    private var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    private var hasLetterOrDigit = false

    /// The key, or `nil` when the word has no letter or digit (`--`, `>>`).
    var value: UInt64? { hasLetterOrDigit ? hash : nil }

    /// The key of `word`.
    static func of(_ word: String) -> UInt64? {
        var word = word
        var key = WordKey()
        word.withUTF8 { key.add(utf8: $0) }
        return key.value
    }

    /// Adds the letters and digits of well-formed UTF-8 bytes.
    mutating func add(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte < 0x80 {
                addASCII(byte)
                i += 1
            } else {
                let (scalar, length) = bytes.scalar(at: i)
                add(scalar)
                i += length
            }
        }
    }

    @inline(__always)
    private mutating func addASCII(_ byte: UInt8) {
        // Two subtractions and compares instead of a three-way range switch:
        // this runs for every byte of every cue when a document is checked
        // for roll-up.
        let lowercased = byte | 0x20
        if lowercased &- 0x61 < 26 {
            mix(UInt32(lowercased))
        } else if byte &- 0x30 < 10 {
            mix(UInt32(byte))
        }
    }

    private mutating func add(_ scalar: Unicode.Scalar) {
        if scalar.value < Self.lowercasedLetters.count {
            switch Self.lowercasedLetters[Int(scalar.value)] {
            case Self.notALetter: return
            case Self.lowercasesToSeveral: break
            case let lowercased:
                mix(lowercased)
                return
            }
        }
        guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else { return }
        for lower in scalar.properties.lowercaseMapping.unicodeScalars { mix(lower.value) }
    }

    /// For each scalar below U+3000 (Latin, Greek, Cyrillic and the other
    /// alphabets, and the punctuation blocks), its lowercase when it is a
    /// letter or digit that lowercases to one scalar, ``notALetter`` or
    /// ``lowercasesToSeveral``. Worked out once from the same Unicode
    /// properties ``add(_:)`` reads, because looking them up for every
    /// accented letter and curly quote of a long file is most of the cost.
    private static let lowercasedLetters: [UInt32] = (0..<0x3000).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)),
              scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        else { return notALetter }
        let lowercase = scalar.properties.lowercaseMapping.unicodeScalars
        if lowercase.count == 1, let only = lowercase.first { return only.value }
        return lowercasesToSeveral
    }

    /// Entries of ``lowercasedLetters`` that are not a scalar.
    private static let notALetter: UInt32 = 0
    private static let lowercasesToSeveral = UInt32.max

    @inline(__always)
    private mutating func mix(_ value: UInt32) {
        hash = (hash ^ UInt64(value)) &* 0x100_0000_01B3
        hasLetterOrDigit = true
    }
}
