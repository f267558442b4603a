import Benchmark
import CaptionSamples
import Captions

/// Parse and write speed of SRT, WebVTT and TTML on the deterministic sample
/// (CaptionSample) at 1, 10 and 50 MiB, so growth with size shows.
///
/// Besides the standard metrics, each benchmark reports `MB/s`: input (or
/// output) bytes per second, in millions, measured per iteration.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident, megabytesPerSecond],
        timeUnits: .milliseconds,
        maxDuration: .seconds(5),
        maxIterations: 20
    )

    for megabytes in [1, 10, 50] {
        Benchmark("SRT parse \(megabytes) MB") { benchmark in
            let bytes = Samples.shared.file(.srt, megabytes: megabytes)
            measure(benchmark, bytes: bytes.count) { try? SRTReader().read(bytes, file: nil) }
        }
        Benchmark("SRT write \(megabytes) MB") { benchmark in
            let document = Samples.shared.document(megabytes: megabytes)
            measure(benchmark, bytes: SRTWriter().write(document).bytes.count) { SRTWriter().write(document) }
        }
        Benchmark("WebVTT parse \(megabytes) MB") { benchmark in
            let bytes = Samples.shared.file(.webVTT, megabytes: megabytes)
            measure(benchmark, bytes: bytes.count) { try? WebVTTReader().read(bytes, file: nil) }
        }
        Benchmark("WebVTT write \(megabytes) MB") { benchmark in
            let document = Samples.shared.document(megabytes: megabytes)
            measure(benchmark, bytes: max(1, WebVTTWriter().write(document).bytes.count)) { WebVTTWriter().write(document) }
        }
        Benchmark("TTML parse \(megabytes) MB") { benchmark in
            let bytes = Samples.shared.file(.ttml, megabytes: megabytes)
            measure(benchmark, bytes: bytes.count) { try? TTMLReader().read(bytes, file: nil) }
        }
        Benchmark("TTML write \(megabytes) MB") { benchmark in
            let document = Samples.shared.document(megabytes: megabytes)
            measure(benchmark, bytes: max(1, TTMLWriter().write(document).bytes.count)) { TTMLWriter().write(document) }
        }
    }

    // Quote alignment on three hours of captions (AlignmentSample): the word
    // stream, the index, and 100 quotes once the captions are indexed.
    let alignmentConfiguration = Benchmark.Configuration(
        metrics: [.wallClock, .throughput, .mallocCountTotal], timeUnits: .milliseconds, maxDuration: .seconds(5), maxIterations: 30)
    Benchmark("Caption words, 3 h of captions", configuration: alignmentConfiguration) { benchmark in
        let document = Samples.shared.alignment.document
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(CaptionWords(document)) }
    }
    Benchmark("Alignment index, 3 h of captions", configuration: alignmentConfiguration) { benchmark in
        let words = CaptionWords(Samples.shared.alignment.document)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(QuoteAligner(videos: [words])) }
    }
    Benchmark("Align 100 quotes, 3 h of captions", configuration: alignmentConfiguration) { benchmark in
        let sample = Samples.shared.alignment
        let aligner = QuoteAligner(videos: [CaptionWords(sample.document)])
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(aligner.align(sample.quotes)) }
    }
}

/// Millions of bytes handled per second; larger is better.
let megabytesPerSecond = BenchmarkMetric.custom("MB/s", polarity: .prefersLarger, useScalingFactor: false)

/// Runs `work` once per iteration, timing it to report MB/s for `bytes` bytes.
func measure<Result>(_ benchmark: Benchmark, bytes: Int, _ work: () -> Result) {
    let clock = ContinuousClock()
    for _ in benchmark.scaledIterations {
        let start = clock.now
        blackHole(work())
        let seconds = start.duration(to: clock.now) / .seconds(1)
        benchmark.measurement(megabytesPerSecond, Int((Double(bytes) / 1e6 / max(seconds, 1e-9)).rounded()))
    }
}

/// The sample files and the documents read from them, made once per run.
final class Samples: @unchecked Sendable {
    static let shared = Samples()

    private var files: [String: [UInt8]] = [:]
    private var documents: [Int: CaptionDocument] = [:]

    /// The sample of `megabytes` MiB in `format`.
    func file(_ format: CaptionSample.Format, megabytes: Int) -> [UInt8] {
        let key = "\(format.rawValue)-\(megabytes)"
        if let bytes = files[key] { return bytes }
        let bytes = CaptionSample.bytes(format, atLeast: megabytes << 20)
        files[key] = bytes
        return bytes
    }

    /// The alignment workload.
    lazy var alignment = AlignmentSample()

    /// The SRT sample of `megabytes` MiB, read: what the writers write.
    func document(megabytes: Int) -> CaptionDocument {
        if let document = documents[megabytes] { return document }
        let document = (try? SRTReader().read(file(.srt, megabytes: megabytes), file: nil).document) ?? CaptionDocument()
        documents[megabytes] = document
        return document
    }
}
