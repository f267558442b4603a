import ArgumentParser
import Captions

/// `captions align`: where each quotation of an article is spoken in the captions.
struct Align: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find each quotation of an article in the captions and report where, and how faithfully, it is spoken.",
        discussion: """
            Quotes come from --article (an HTML page or a text file) and from --quote, in that order. \
            Each is matched (spoken, allowing small edits: case, punctuation, misspellings, numbers as digits \
            or words, contractions, fillers, restarts, an ellipsis, an editor's [brackets]), partial (a run of \
            five or more of its words is spoken) or unmatched. Times are those of the quoted words themselves.

            The format is --format, or else the extension of -o (.json, .html, .vtt, .csv), or else json. \
            Several --captions files can be given (one per video); each quote says which it is in. \
            --offset adds a time to what is reported: one value for all files, or one per --captions, \
            as seconds or, at --fps, as a timecode (10:00:00:00).
            """
    )

    /// The report formats the command line accepts.
    enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
        case json, html, vtt, csv

        init?(path: String) {
            guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
            switch path[path.index(after: dot)...].lowercased() {
            case "json": self = .json
            case "html", "htm": self = .html
            case "vtt", "webvtt": self = .vtt
            case "csv": self = .csv
            default: return nil
            }
        }
    }

    @Option(help: "The article: an HTML page or a text file (- for standard input).")
    var article: String?

    @Option(name: .customLong("captions"), help: "A caption file (SRT, WebVTT or TTML); repeat for several videos.")
    var captions: [String] = []

    @Option(name: .customLong("quote"), help: "A quotation to look for, as printed; repeatable.")
    var quotes: [String] = []

    @Option(help: "The report format: json, html, vtt (a WebVTT metadata track) or csv (markers).")
    var format: ReportFormat?

    @OptionGroup var output: OutputOptions

    @Option(help: "The captions' format (srt, vtt, ttml); detected from the content when omitted.")
    var from: FormatName?

    @Option(help: "The frame rate for CSV timecodes and timecode offsets (25, 29.97, 30000/1001).")
    var fps: String = "25"

    @Option(name: .customLong("offset"), help: "Added to every reported time: seconds or a timecode; once, or once per --captions.")
    var offsets: [String] = []

    @Option(help: "HTML: the URL of the video, so times link to URL#t=START,END.")
    var media: String?

    @Option(help: "HTML: the page title; defaults to the article's headline.")
    var title: String?

    @Option(help: "Roll-up repeats in the captions: automatic (detect), always, or never.")
    var rollUp: RollUpName = .automatic

    func validate() throws {
        guard !captions.isEmpty else { throw ValidationError("Give at least one --captions file.") }
        guard article != nil || !quotes.isEmpty else { throw ValidationError("Give --article, or one or more --quote.") }
        guard let rate = FrameRate(parsing: fps) else {
            throw ValidationError("--fps must be a positive rate such as 25, 29.97 or 30000/1001, not '\(fps)'.")
        }
        guard offsets.count <= 1 || offsets.count == captions.count else {
            throw ValidationError("Give one --offset for all caption files, or one per --captions (\(captions.count)).")
        }
        for offset in offsets {
            do { _ = try MediaTime(parsingTime: offset, frameRate: rate) } catch {
                throw ValidationError("--offset: \(error.message)")
            }
        }
        if ([article] + captions).filter({ $0 == "-" }).count > 1 {
            throw ValidationError("Only one input can be read from standard input (-).")
        }
    }

    func run() async throws {
        try checkOutputIsFree(output)
        let rate = FrameRate(parsing: fps) ?? FrameRate(numerator: 25)
        let offsetTimes = offsets.compactMap { try? MediaTime(parsingTime: $0, frameRate: rate) }

        var videos: [AlignmentReport.Video] = []
        for (index, path) in captions.enumerated() {
            let document = try readDocument(path: path, format: from?.format)
            guard !document.spokenCues.isEmpty else {
                throw captions_cli.exit(for: CaptionError(.invalidInput, "no cues to look for quotes in", at: SourceLocation(file: path, line: 1)))
            }
            let words = CaptionWords(document, options: .init(rollUp: rollUp.mode))
            let offset = offsetTimes.isEmpty ? .zero : offsetTimes[offsetTimes.count == 1 ? 0 : index]
            videos.append(.init(file: path, document: document, words: words, offset: offset))
        }

        var quotations: [Quotation] = []
        var parsedArticle: Article?
        if let path = article {
            let bytes = try readInput(path)
            do {
                let read = try ArticleReader().read(bytes, file: path)
                for diagnostic in read.diagnostics where diagnostic.severity != .info { StandardError.print(diagnostic.description) }
                quotations = QuoteExtractor().quotations(in: read)
                parsedArticle = read
            } catch {
                throw captions_cli.exit(for: error)
            }
            if quotations.isEmpty {
                StandardError.print("\(path):1:1: warning: no quotations found in the article")
            }
        }
        quotations += quotes.map { text in
            Quotation(text: text, parts: [text], paragraphIndex: -1, paragraphIndices: [], range: 0..<text.utf8.count, speaker: nil)
        }

        let results = QuoteAligner(videos: videos.map(\.words)).align(quotations)
        let report = AlignmentReport(videos: videos, article: parsedArticle, results: results)
        let target = format ?? output.output.flatMap(ReportFormat.init(path:)) ?? .json
        let text: String
        switch target {
        case .json: text = report.json().serialized() + "\n"
        case .html: text = report.html(title: title, media: media)
        case .vtt: text = report.webVTT()
        case .csv: text = report.csv(frameRate: rate)
        }
        try emit(Array(text.utf8), to: output)
    }
}
