// swift-tools-version: 6.0
import PackageDescription

// Times quote alignment on three hours of synthetic captions, in a release build:
//   swift run -c release --package-path Tools/AlignBenchmark
let package = Package(
    name: "AlignBenchmark",
    dependencies: [.package(name: "captions", path: "../..")],
    targets: [
        .executableTarget(name: "AlignBenchmark", dependencies: [.product(name: "Captions", package: "captions")]),
    ]
)
