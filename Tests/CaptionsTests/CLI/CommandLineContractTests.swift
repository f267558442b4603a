import Foundation
import Testing

@Suite("Command-line contract")
struct CommandLineContractTests {
    @Test func missingInputExits66() throws {
        let result = try CommandRunner.run(["inspect", "/nonexistent/file.srt"])
        #expect(result.status == 66)
        #expect(result.standardError.contains("/nonexistent/file.srt"))
    }

    @Test func usageErrorExits64() throws {
        let result = try CommandRunner.run(["inspect"])
        #expect(result.status == 64)
    }

    @Test func unknownFormatExits65WithLocation() throws {
        let result = try CommandRunner.run(["inspect", "-"], input: Data("just some words\n".utf8))
        #expect(result.status == 65)
        #expect(result.standardError.hasPrefix("-:1:1: error: "))
    }

    @Test func existingOutputIsKeptWithoutForce() throws {
        let dir = try FixtureFiles.temporaryDirectory()
        let out = dir.appendingPathComponent("out.json")
        try Data("keep me".utf8).write(to: out)
        let result = try CommandRunner.run(["inspect", "-", "-o", out.path], input: Data("WEBVTT\n".utf8))
        #expect(result.status == 73)
        #expect(try String(contentsOf: out, encoding: .utf8) == "keep me")
    }
}
