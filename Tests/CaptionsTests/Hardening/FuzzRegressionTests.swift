import Foundation
import FuzzChecks
import Testing

/// Every input a fuzzer once found crashing, hanging or breaking a check,
/// replayed through the check of the target that found it.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    /// `TARGET/FILE` for every kept finding.
    static let findings: [String] = {
        let root = FixtureFiles.fixtures.appendingPathComponent("fuzz-regressions")
        let targets = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return targets.filter { !$0.hasSuffix(".md") }.sorted().flatMap { target in
            ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(target).path)) ?? [])
                .sorted().map { "\(target)/\($0)" }
        }
    }()

    @Test(arguments: findings)
    func findingIsHandled(_ finding: String) throws {
        let bytes = try FixtureFiles.bytes("fuzz-regressions/" + finding)
        let target = try #require(FuzzTarget(rawValue: String(finding.prefix { $0 != "/" })))
        #expect(target.check(bytes) == nil)
    }

    /// A new fuzz target needs its check in `FuzzTarget`, or its findings could not be replayed.
    @Test func everyFuzzTargetFolderHasAReplayableCheck() throws {
        let tools = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Tools/Fuzz")
        let targets = try FileManager.default.contentsOfDirectory(atPath: tools.path)
            .filter { $0.hasPrefix("Fuzz") && $0 != "FuzzChecks" }
        #expect(Set(targets) == Set(FuzzTarget.allCases.map(\.rawValue)))
    }
}
