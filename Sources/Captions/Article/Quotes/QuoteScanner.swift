/// A top-level quotation in one paragraph: the marks and the text between them.
struct QuoteSpan: Sendable, Hashable {
    var opener: QuoteMark
    /// The opening mark's bytes.
    var openRange: Range<Int>
    /// The bytes between the marks (up to the paragraph's end when unclosed).
    var content: Range<Int>
    /// The closing mark's bytes, or `nil` when the paragraph ended first (a
    /// quote continued in the next paragraph, or a missing closing mark).
    var closeRange: Range<Int>?

    /// From the opening mark to the closing mark (or the paragraph's end).
    var extent: Range<Int> { openRange.lowerBound..<(closeRange?.upperBound ?? content.upperBound) }
}

/// Finds the quotations in a paragraph's UTF-8 bytes, pairing marks with a
/// stack so quotes nest (a ‘single’ inside a “double”, or the reverse in
/// British style), and telling apostrophes from single quote marks:
///
/// - between letters (`don't`, `Ukraine’s`) a mark is an apostrophe;
/// - before a digit after a space (`’90s`) it stands for missing digits;
/// - after a letter and before a lowercase word (`passengers' bags`) it is a
///   weak closer, taken as an apostrophe when the next single mark in the
///   paragraph can close the quote instead;
/// - a single quote still open at the paragraph's end was an apostrophe
///   (`'em`) unless the next paragraph continues it, so the paragraph is
///   scanned again without it.
enum QuoteScanner {
    /// How many times a paragraph is rescanned to drop a stray single mark;
    /// bounds the work on hostile text full of apostrophes.
    private static let maxRescans = 8

    /// The top-level quotations of `bytes`, in order.
    ///
    /// - Parameters:
    ///   - bytes: the paragraph's text.
    ///   - singleMayRunOn: the next paragraph opens with a single quote mark, so
    ///     a single quote left open here continues there rather than being an apostrophe.
    static func spans(in bytes: [UInt8], singleMayRunOn: Bool) -> [QuoteSpan] {
        var ignored: Set<Int> = []
        while true {
            let (spans, strayOpener) = scan(bytes, ignoring: ignored, singleMayRunOn: singleMayRunOn)
            guard let strayOpener, ignored.count < maxRescans else { return spans }
            ignored.insert(strayOpener)
        }
    }

    /// `true` when the paragraph's first character opens a quote (so it may
    /// continue a quote left open by the paragraph before).
    static func startsWithOpener(_ bytes: [UInt8], family: QuoteMark.Family) -> Bool {
        guard !bytes.isEmpty, let (mark, length) = QuoteMark.at(bytes, 0), mark.family == family else { return false }
        return canOpen(mark, bytes, 0, length)
    }

    private struct Open {
        var mark: QuoteMark
        var range: Range<Int>
    }

    /// One pass. Returns the spans, or the position of a single mark left open
    /// at the bottom of the stack that should be read as an apostrophe.
    private static func scan(_ bytes: [UInt8], ignoring ignored: Set<Int>, singleMayRunOn: Bool)
        -> (spans: [QuoteSpan], strayOpener: Int?) {
        var spans: [QuoteSpan] = []
        var stack: [Open] = []
        var i = 0
        let count = bytes.count
        while i < count {
            let byte = bytes[i]
            // Only these bytes can start a quote mark.
            guard byte == 0x22 || byte == 0x27 || byte == 0xC2 || byte == 0xE2 || byte == 0xE3,
                  let (mark, length) = QuoteMark.at(bytes, i) else {
                i += 1
                continue
            }
            defer { i += length }
            if ignored.contains(i) || isApostrophe(mark, bytes, i, length) { continue }

            if let depth = stack.lastIndex(where: { $0.mark.closers.contains(mark) }), canClose(mark, bytes, i, length) {
                if isWeakCloser(mark, bytes, i, length), nextSingleMarkCloses(bytes, after: i + length) { continue }
                let open = stack[depth]
                stack.removeSubrange(depth...)
                if stack.isEmpty {
                    spans.append(QuoteSpan(opener: open.mark, openRange: open.range, content: open.range.upperBound..<i,
                                           closeRange: i..<i + length))
                }
                continue
            }
            if canOpen(mark, bytes, i, length) {
                stack.append(Open(mark: mark, range: i..<i + length))
            }
        }
        if let bottom = stack.first {
            if bottom.mark.family == .single, !singleMayRunOn { return (spans, bottom.range.lowerBound) }
            spans.append(QuoteSpan(opener: bottom.mark, openRange: bottom.range, content: bottom.range.upperBound..<count,
                                   closeRange: nil))
        }
        return (spans, nil)
    }

    // MARK: Context rules

    private static func left(_ bytes: [UInt8], _ i: Int) -> Unicode.Scalar? { bytes.scalar(before: i)?.scalar }
    private static func right(_ bytes: [UInt8], _ end: Int) -> Unicode.Scalar? {
        end < bytes.count ? bytes.scalar(at: end).scalar : nil
    }

    /// Between letters, or a space then a digit (`’90s`): not a quote mark at all.
    private static func isApostrophe(_ mark: QuoteMark, _ bytes: [UInt8], _ i: Int, _ length: Int) -> Bool {
        guard mark.isApostrophe || mark == .leftSingle else { return false }
        let before = left(bytes, i), after = right(bytes, i + length)
        if mark.isApostrophe, let before, let after, before.isWordCharacter, after.isWordCharacter { return true }
        if before.map({ $0.isSpace }) ?? true, let after, after.properties.numericType != nil,
           i + length + 2 <= bytes.count, bytes.scalar(at: i + length + 1).scalar.properties.numericType != nil {
            return true
        }
        return false
    }

    /// What may stand before an opening mark: nothing, a space, an opening
    /// bracket, a dash or slash, or another opening mark.
    private static func isOpeningContext(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return true }
        if scalar.isSpace { return true }
        switch scalar {
        case "(", "[", "{", "<", "-", "/", "\u{2013}", "\u{2014}", "\"", "'", "\u{201C}", "\u{2018}", "\u{201E}",
             "\u{201A}", "\u{00AB}", "\u{2039}", "\u{300C}", "\u{300E}":
            return true
        default:
            return false
        }
    }

    /// What may follow a closing mark: nothing, a space, or punctuation.
    private static func isClosingContext(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return true }
        return scalar.isSpace || !scalar.isWordCharacter
    }

    static func canOpen(_ mark: QuoteMark, _ bytes: [UInt8], _ i: Int, _ length: Int) -> Bool {
        guard let after = right(bytes, i + length) else { return false }
        if after.isSpace, !mark.allowsInnerSpace { return false }
        if mark.isOpeningOnly { return true }
        return mark.mayOpenByContext && isOpeningContext(left(bytes, i))
    }

    private static func canClose(_ mark: QuoteMark, _ bytes: [UInt8], _ i: Int, _ length: Int) -> Bool {
        guard let before = left(bytes, i) else { return false }
        if before.isSpace, !mark.allowsInnerSpace { return false }
        if mark == .straightDouble || mark.isApostrophe { return isClosingContext(right(bytes, i + length)) }
        return true
    }

    /// `passengers' bags`: a single mark after a letter and before a lowercase
    /// word may be a plural possessive rather than a closing mark.
    private static func isWeakCloser(_ mark: QuoteMark, _ bytes: [UInt8], _ i: Int, _ length: Int) -> Bool {
        guard mark.isApostrophe, let before = left(bytes, i), before.isWordCharacter,
              let space = right(bytes, i + length), space.isSpace else { return false }
        var next = i + length
        while next < bytes.count, bytes[next] == 0x20 { next += 1 }
        guard next < bytes.count else { return false }
        return bytes.scalar(at: next).scalar.properties.isLowercase
    }

    /// `true` when the next single quote mark after `start` is one that can close a quote.
    private static func nextSingleMarkCloses(_ bytes: [UInt8], after start: Int) -> Bool {
        var j = start
        while j < bytes.count {
            guard let (mark, length) = QuoteMark.at(bytes, j) else {
                j += 1
                continue
            }
            if mark.family == .single, !isApostrophe(mark, bytes, j, length) {
                if canOpen(mark, bytes, j, length), mark.isOpeningOnly || isOpeningContext(left(bytes, j)) { return false }
                if mark.isApostrophe, canClose(mark, bytes, j, length) { return true }
            }
            j += length
        }
        return false
    }
}
