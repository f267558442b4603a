/// Finds the quotations of an article and who speaks them.
///
/// Quote marks: straight and curly double and single quotes (single quotes
/// as used in British headlines and house styles, told apart from
/// apostrophes such as `Ukraine’s`, `passengers'`, `don't` and `’90s`),
/// « », » «, „ “, ‚ ‘, ‹ › and 「 」/『 』. Nested quotes stay inside the
/// quotation that holds them.
///
/// What makes one quotation:
/// - a quote continued over paragraphs, in the news convention of an opening
///   mark on each paragraph and no closing mark until the last, is one
///   quotation with a part per paragraph;
/// - a quote interrupted by its attribution (`“It is true,” she said, “such
///   work can start”`) is one quotation with two parts: the attribution is
///   short, holds a reporting verb, ends in a comma or dash, and the first
///   part does not end a sentence;
/// - fewer than ``minimumWords`` words (scare quotes such as “demilitarise”)
///   is not a quotation.
///
/// Headline quotes are reported with paragraph index `-1`, first, even when
/// the body repeats or extends them: each is a quotation in article order, as
/// readers meet it, and alignment looks for each on its own. A headline quote
/// with no attribution of its own takes the speaker of the body quotation
/// that contains its words (``Quotation/Attribution/repetition``).
///
/// Speakers are resolved as ``Quotation/speaker`` describes; see
/// ``Quotation/Attribution`` for the kinds of evidence.
public struct QuoteExtractor: Sendable {
    /// Quotes with fewer words than this are scare quotes or titles, not quotations.
    public var minimumWords: Int

    /// Creates an extractor.
    ///
    /// - Parameter minimumWords: the fewest words a quotation has (3 by default).
    public init(minimumWords: Int = 3) {
        self.minimumWords = minimumWords
    }

    /// The quotations of `article`, in article order (headline first), with speakers.
    ///
    /// - Parameter article: the article, as ``ArticleReader`` reads it.
    /// - Returns: the quotations.
    /// - Complexity: O(n log n) in the article's length: quotes are found in
    ///   one pass over each paragraph's bytes, and each speaker is searched for
    ///   in a bounded window of words around its quote.
    public func quotations(in article: Article) -> [Quotation] {
        let headlineSections = article.headline == nil ? 0 : 1
        let texts = (article.headline.map { [$0] } ?? []) + article.paragraphs.map(\.text)
        let bytes = texts.map { Array($0.utf8) }
        var sections: [SpeakerResolver.Section] = []
        for index in bytes.indices {
            let next = index + 1
            let continues = index >= headlineSections && next < bytes.count
                && QuoteScanner.startsWithOpener(bytes[next], family: .single)
            sections.append(SpeakerResolver.Section(bytes: bytes[index],
                                                    spans: QuoteScanner.spans(in: bytes[index], singleMayRunOn: continues)))
        }

        let drafts = assemble(sections, bodyStart: headlineSections).filter { draft in
            draft.parts.reduce(0) { $0 + Array(sections[$1.section].bytes[$1.range]).wordCount() } >= minimumWords
        }
        let requests = drafts.map { draft in
            SpeakerResolver.Request(section: draft.parts[0].section,
                                    spans: draft.parts.filter { $0.section == draft.parts[0].section }.map(\.span))
        }
        let answers = SpeakerResolver.resolve(sections: sections, requests: requests,
                                              freshStart: headlineSections == 1 ? 1 : nil)

        var quotations: [Quotation] = zip(drafts, answers).map { draft, answer in
            let positions = draft.parts.map { part in
                Quotation.Position(paragraphIndex: part.section - headlineSections,
                                   range: sections[part.section].bytes.trimmedRange(part.range))
            }
            let parts = draft.parts.map { sections[$0.section].bytes.trimmed($0.range) }
            return Quotation(text: parts.joined(separator: " "), parts: parts,
                             paragraphIndex: positions[0].paragraphIndex,
                             paragraphIndices: Array(Set(positions.map(\.paragraphIndex))).sorted(),
                             range: positions[0].range, speaker: answer.speaker, partPositions: positions,
                             attribution: answer.attribution)
        }
        fillRepeatedHeadlineSpeakers(&quotations)
        return quotations
    }

    // MARK: Assembling parts into quotations

    private struct Draft {
        struct Part {
            var section: Int
            var span: Int
            /// The quoted bytes, marks excluded.
            var range: Range<Int>
        }
        var parts: [Part]
    }

    private func assemble(_ sections: [SpeakerResolver.Section], bodyStart: Int) -> [Draft] {
        var drafts: [Draft] = []
        var consumed = Set<[Int]>()
        for section in sections.indices {
            var index = 0
            let spans = sections[section].spans
            while index < spans.count {
                defer { index += 1 }
                if consumed.contains([section, index]) { continue }
                var parts = [Draft.Part(section: section, span: index, range: spans[index].content)]
                var current = (section: section, span: index)
                while true {
                    let currentSpans = sections[current.section].spans
                    let span = currentSpans[current.span]
                    if current.span + 1 < currentSpans.count,
                       isInterruption(sections[current.section].bytes, span, currentSpans[current.span + 1]) {
                        current.span += 1
                        parts.append(Draft.Part(section: current.section, span: current.span,
                                                range: currentSpans[current.span].content))
                        consumed.insert([current.section, current.span])
                        continue
                    }
                    // Run-on paragraphs: no closing mark, and the next paragraph opens with the same kind of mark.
                    let next = current.section + 1
                    if span.closeRange == nil, current.span == currentSpans.count - 1, current.section >= bodyStart,
                       next < sections.count, let opening = sections[next].spans.first, opening.openRange.lowerBound == 0,
                       opening.opener.family == span.opener.family {
                        current = (next, 0)
                        parts.append(Draft.Part(section: next, span: 0, range: opening.content))
                        consumed.insert([next, 0])
                        continue
                    }
                    break
                }
                if current.section == section { index = current.span }
                drafts.append(Draft(parts: parts))
            }
        }
        return drafts
    }

    /// `“It is true,” she said, “such work can start”`: the text between two
    /// quotes is a short attribution with a reporting verb that leads on with a
    /// comma or dash, and the first quote stops mid-sentence.
    private func isInterruption(_ bytes: [UInt8], _ first: QuoteSpan, _ second: QuoteSpan) -> Bool {
        guard let close = first.closeRange else { return false }
        let firstText = bytes.trimmed(first.content)
        if let last = firstText.unicodeScalars.last, ".!?".unicodeScalars.contains(last) { return false }
        let gap = Array(bytes[close.upperBound..<second.openRange.lowerBound])
        let words = WordTokenizer.tokenize(gap, outside: []).words
        guard (1...12).contains(words.count), words.contains(where: { Lexicon.speechVerbs.contains($0.lower) }),
              // `she said. “Such…”` starts a new sentence: two quotations.
              !words.contains(where: { $0.follower == .sentenceEnd }) else { return false }
        let trimmedGap = gap.trimmed(0..<gap.count)
        guard let last = trimmedGap.unicodeScalars.last else { return false }
        return last == "," || last == "\u{2013}" || last == "\u{2014}" || last == "-"
    }

    /// A headline quote nobody is named for takes the speaker of the body quote that holds its words.
    private func fillRepeatedHeadlineSpeakers(_ quotations: inout [Quotation]) {
        for index in quotations.indices where quotations[index].paragraphIndex == -1 && quotations[index].speaker == nil {
            let words = folded(quotations[index].text)
            if let source = quotations.first(where: { $0.paragraphIndex >= 0 && $0.speaker != nil && folded($0.text).contains(words) }) {
                quotations[index].speaker = source.speaker
                quotations[index].attribution = .repetition
            }
        }
    }

    /// Lowercase letters and digits with single spaces, so punctuation and case do not hide a repeat.
    private func folded(_ text: String) -> String {
        var out = ""
        var space = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isWordCharacter {
                if space, !out.isEmpty { out.append(" ") }
                out.unicodeScalars.append(scalar)
                space = false
            } else if scalar != "'" && scalar != "\u{2019}" {
                space = true
            }
        }
        return out
    }
}

extension Array where Element == UInt8 {
    /// `range` without the spaces at its ends.
    fileprivate func trimmedRange(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, self[lower] == 0x20 { lower += 1 }
        while upper > lower, self[upper - 1] == 0x20 { upper -= 1 }
        return lower..<upper
    }

    /// The text of `range` without the spaces at its ends.
    fileprivate func trimmed(_ range: Range<Int>) -> String {
        utf8String(trimmedRange(range))
    }
}
