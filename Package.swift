// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "captions",
    products: [
        .library(name: "Captions", targets: ["Captions"]),
        .executable(name: "captions", targets: ["captions-cli"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // libxml2 from the system (Debian: libxml2-dev). The shim header hides
        // libxml2's ICU headers from Swift; see Sources/CLibXML2/shim.h.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(name: "Captions", dependencies: ["CLibXML2"]),
        .executableTarget(
            name: "captions-cli",
            dependencies: [
                "Captions",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "CaptionsTests",
            // libxml2's HTML parser checks the structure of the HTML the library writes;
            // FuzzChecks replays every fuzzing finding.
            dependencies: ["Captions", "CLibXML2", "FuzzChecks"],
            resources: [.copy("Fixtures")]
        ),
        // Fuzzing (Tools/fuzz.sh): one libFuzzer executable per reader and one
        // for convert round trips. Built normally they do nothing; the checks
        // they apply are a library so the tests replay every finding.
        .target(name: "FuzzChecks", dependencies: ["Captions"], path: "Tools/Fuzz/FuzzChecks"),
    ] + ["FuzzSRT", "FuzzWebVTT", "FuzzTTML", "FuzzArticle", "FuzzRoundTrip"].map { name in
        .executableTarget(name: name, dependencies: ["Captions", "FuzzChecks"], path: "Tools/Fuzz/\(name)")
    }
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [
        .enableUpcomingFeature("ExistentialAny"),
        .enableUpcomingFeature("MemberImportVisibility"),
        .enableUpcomingFeature("InternalImportsByDefault"),
    ]
}
