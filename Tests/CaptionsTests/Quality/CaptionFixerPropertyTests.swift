import Testing
@testable import Captions

/// Seeded random documents (the test target's `SeededGenerator`): what the
/// fixer promises must hold for all of them.
@Suite("Caption fixer properties")
struct CaptionFixerPropertyTests {
    static let words = ["the", "minister", "said", "on", "Tuesday,", "that", "talks", "had", "failed", "and", "a",
                        "vote", "would", "be", "held", "next", "week.", "Rain", "closed", "roads", "to", "north"]

    func randomDocument(_ random: inout SeededGenerator) -> CaptionDocument {
        var cues: [Cue] = []
        var time = Int64.random(in: 0...2000, using: &random)
        for _ in 0..<Int.random(in: 2...12, using: &random) {
            let length = Int64.random(in: 300...8000, using: &random)
            var text = (0..<Int.random(in: 1...16, using: &random)).map { _ in Self.words.randomElement(using: &random)! }
                .joined(separator: " ")
            if Bool.random(using: &random), let space = text.firstIndex(of: " ") { text.replaceSubrange(space...space, with: "\n") }
            var next = cue(time, time + length, text)
            if Int.random(in: 0..<5, using: &random) == 0 { next.settings.line = .number(0) }
            cues.append(next)
            time += Int64.random(in: -3000...2500, using: &random)
            time = max(0, time)
        }
        return CaptionDocument(format: .webvtt, cues: cues)
    }

    @Test(arguments: [QualityProfile.netflix, .bbc, .dcmp])
    func fixingKeepsTextAndStartsAndClearsWhatItDidNotLeave(profile: QualityProfile) {
        var random = SeededGenerator(seed: 2026)
        let fixer = CaptionFixer(profile: profile)
        let checker = CaptionChecker(profile: profile)
        for _ in 0..<300 {
            let input = randomDocument(&random)
            let result = fixer.fix(input)
            let output = result.document
            #expect(output.cues.count == input.cues.count)
            #expect(output.cues.map(\.start) == input.cues.map(\.start))
            #expect(output.cues.map { CueLines($0.content).words } == input.cues.map { CueLines($0.content).words })
            #expect(output.cues.allSatisfy { cue in cue.end.map { $0 > cue.start } ?? true })
            let after = checker.check(output)
            if result.changes[.overlapLeft] == nil {
                #expect(!after.contains { $0.rule == .overlap && $0.severity == .error }, "\(input.cues)")
            }
            if result.changes[.overlapLeft] == nil && result.changes[.gapLeft] == nil {
                #expect(!after.contains { $0.rule == .minGap }, "\(input.cues)")
            }
            if result.changes[.linesLeft] == nil {
                #expect(!after.contains { $0.rule == .maxCharactersPerLine || ($0.rule == .maxLines && $0.severity == .error) },
                        "\(input.cues)")
            }
        }
    }
}
