/// Splits a page saved as plain text (a copy of the page's visible text) into
/// blocks: blank lines separate blocks, and lines inside a block are one
/// paragraph only when the block is hard-wrapped (every line short, the
/// broken lines at least 70% of the longest); otherwise each line is its own block, since
/// scraped pages often put a label and the text after it on adjacent lines.
enum TextPageReader {
    /// Lines longer than this are not hard-wrapped prose.
    private static let wrapWidth = 110

    static func blocks(_ utf8: [UInt8], file: String?) -> [PageBlock] {
        var reader = LineReader(utf8)
        var blocks: [PageBlock] = []
        var group: [LineReader.Line] = []
        func flush() {
            defer { group.removeAll(keepingCapacity: true) }
            let longest = group.map(\.range.count).max() ?? 0
            var paragraph: [LineReader.Line] = []
            for line in group {
                if let previous = paragraph.last {
                    // A wrapped line is nearly full; the short line ends its paragraph.
                    let wrapped = longest <= wrapWidth && previous.range.count >= 40 && previous.range.count * 10 >= longest * 7
                    if !wrapped {
                        append(paragraph)
                        paragraph.removeAll()
                    }
                }
                paragraph.append(line)
            }
            append(paragraph)
        }
        func append(_ lines: [LineReader.Line]) {
            guard let first = lines.first, let last = lines.last else { return }
            let range = first.range.lowerBound..<last.range.upperBound
            let text = ArticleText.normalize(utf8, range, decodingReferences: true)
            guard !text.isEmpty else { return }
            var column = 1
            while first.range.lowerBound + column - 1 < first.range.upperBound,
                  utf8[first.range.lowerBound + column - 1] == 0x20 || utf8[first.range.lowerBound + column - 1] == 0x09 {
                column += 1
            }
            blocks.append(PageBlock(text: String(decoding: text, as: UTF8.self), kind: .other, hints: [], linkBytes: 0,
                                    location: SourceLocation(file: file, line: first.number, column: column)))
        }
        while let line = reader.next() {
            if isBlank(utf8, line.range) {
                flush()
            } else {
                group.append(line)
            }
        }
        flush()
        return blocks
    }

    private static func isBlank(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        bytes[range].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0C }
    }
}
