/// Everything an alignment run found, ready to be written out as JSON, an
/// HTML review page, a WebVTT metadata track or CSV markers for an editor.
///
/// ```swift
/// let words = CaptionWords(document)
/// let results = QuoteAligner(videos: [words]).align(QuoteExtractor().quotations(in: article))
/// let report = AlignmentReport(videos: [.init(file: "news.vtt", document: document, words: words)],
///                              article: article, results: results)
/// print(report.json().serialized())
/// ```
public struct AlignmentReport: Sendable {
    /// One caption file (one video) the quotes were looked for in.
    public struct Video: Sendable {
        /// The file's name as given.
        public var file: String
        /// The captions.
        public var document: CaptionDocument
        /// The captions' word stream, as aligned.
        public var words: CaptionWords
        /// Added to every time reported for this video (where the captions'
        /// zero falls in the video, or in an edit's timeline).
        public var offset: MediaTime

        /// Creates a video entry.
        ///
        /// - Parameters:
        ///   - file: the caption file's name.
        ///   - document: the captions.
        ///   - words: their word stream, the one the aligner was given.
        ///   - offset: added to every time reported; zero by default.
        public init(file: String, document: CaptionDocument, words: CaptionWords, offset: MediaTime = .zero) {
            self.file = file
            self.document = document
            self.words = words
            self.offset = offset
        }
    }

    /// The videos, in the order the aligner numbered them.
    public var videos: [Video]
    /// The article the quotes came from, or `nil` for quotes given directly.
    public var article: Article?
    /// The alignment of each quote, in article order.
    public var results: [QuoteAlignment]

    /// Creates a report.
    ///
    /// - Parameters:
    ///   - videos: the videos, as numbered by the aligner.
    ///   - article: the article, when the quotes came from one.
    ///   - results: what ``QuoteAligner/align(_:)`` returned.
    public init(videos: [Video], article: Article?, results: [QuoteAlignment]) {
        self.videos = videos
        self.article = article
        self.results = results
    }

    // MARK: Shared by the renderings

    /// A time of `video`, with its offset added.
    func time(_ time: MediaTime, video: Int) -> MediaTime {
        videos.indices.contains(video) ? time + videos[video].offset : time
    }

    /// For each video, the quotes (indices into ``results``) whose chosen
    /// occurrence each cue carries, keyed by index in the video's spoken cues.
    var quotesByCue: [[Int: [Int]]] {
        var table = [[Int: [Int]]](repeating: [:], count: videos.count)
        for (quote, result) in results.enumerated() {
            guard let chosen = result.chosen, table.indices.contains(chosen.video) else { continue }
            for cue in chosen.cues { table[chosen.video][cue, default: []].append(quote) }
        }
        return table
    }

    /// For each article paragraph, the quotes that start or run in it.
    var quotesByParagraph: [Int: [Int]] {
        var table: [Int: [Int]] = [:]
        for (quote, result) in results.enumerated() {
            let paragraphs = result.quotation.paragraphIndices.isEmpty ? [result.quotation.paragraphIndex] : result.quotation.paragraphIndices
            for paragraph in paragraphs { table[paragraph, default: []].append(quote) }
        }
        return table
    }

    /// The speaker of each cue of `video` (by index in its spoken cues): its
    /// voice, or else who its words are attributed to.
    func cueSpeakers(video: Int) -> [Int: String] {
        var speakers: [Int: String] = [:]
        for word in videos[video].words.words {
            if speakers[word.cueIndex] == nil, let speaker = word.speaker { speakers[word.cueIndex] = speaker }
        }
        for (index, cue) in videos[video].document.spokenCues.enumerated() {
            if let voice = cue.content.voices.first { speakers[index] = voice }
        }
        return speakers
    }

    /// Counts of each verdict.
    var counts: [QuoteAlignment.Status: Int] {
        var counts: [QuoteAlignment.Status: Int] = [:]
        for result in results { counts[result.status, default: 0] += 1 }
        return counts
    }

    /// A score rounded to three decimals, for output.
    static func rounded(_ score: Double) -> Double {
        (score * 1000).rounded() / 1000
    }
}
