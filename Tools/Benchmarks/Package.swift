// swift-tools-version: 6.1
import PackageDescription

// A nested package, so that the benchmark library and its dependencies stay
// out of the main package's build and CI. Run from the repository root:
//   swift package --package-path Tools/Benchmarks benchmark
let package = Package(
    name: "captions-benchmarks",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "generate-captions", targets: ["generate-captions"]),
    ],
    dependencies: [
        .package(name: "captions", path: "../.."),
        // Only the MallocInterposer trait: the default traits would also want
        // ordo-one/swift-runtime-interposer, which is not available here.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .target(
            name: "CaptionSamples",
            dependencies: [.product(name: "Captions", package: "captions")]
        ),
        .executableTarget(
            name: "generate-captions",
            dependencies: ["CaptionSamples"]
        ),
        .executableTarget(
            name: "CaptionBenchmarks",
            dependencies: [
                "CaptionSamples",
                .product(name: "Captions", package: "captions"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            // The benchmark plugin looks for <package root>/Benchmarks/<Target>/.
            path: "Benchmarks/CaptionBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
