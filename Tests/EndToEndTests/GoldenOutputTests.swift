import Foundation
import ShareSimTestSupport
import Testing

/// The bundled scenarios' CSV is kept under test byte for byte: any change to the engine,
/// the language or the scenarios that moves a number shows up here.
/// Regenerate after an intended change with:
///   for n in ofac-easing ofac-no-easing huawei-substitution china-chip-share chips-brand-only software-substitution; do
///     .build/debug/sharesim run scenarios/$n.scn --format csv > Tests/EndToEndTests/Golden/$n.csv; done
@Suite struct GoldenOutputTests {
    static func golden(_ name: String) throws -> String {
        try String(contentsOf: Bundle.module.url(forResource: "Golden/\(name)", withExtension: nil)!, encoding: .utf8)
    }

    @Test(arguments: Fixtures.bundledScenarios)
    func csvMatchesGolden(name: String) throws {
        let run = try BinaryRunner.run(["run", "scenarios/\(name).scn", "--format", "csv"])
        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(run.stdout == (try Self.golden("\(name).csv")))
    }

    @Test func defaultTableMatchesGolden() throws {
        let run = try BinaryRunner.run(["run", "scenarios/ofac-easing.scn"])
        #expect(run.status == 0)
        #expect(run.stdout == (try Self.golden("ofac-easing.table.txt")))
    }

    @Test func twoRunsAreByteIdentical() throws {
        let a = try BinaryRunner.run(["run", "scenarios/huawei-substitution.scn", "--format", "json"])
        let b = try BinaryRunner.run(["run", "scenarios/huawei-substitution.scn", "--format", "json"])
        #expect(a.status == 0 && a.stdout == b.stdout)
        #expect(a.stdout.contains("\"scenario_sha256\""))
    }

    /// The hash names what the engine ran: the same from any directory and for the
    /// resolved JSON, and the one the README shows.
    @Test func theScenarioHashIsTheREADMEsFromAnyDirectory() throws {
        func hash(_ arguments: [String], in directory: URL = Fixtures.packageRoot) throws -> String? {
            let run = try BinaryRunner.run(arguments + ["--format", "json"], directory: directory)
            let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            return (json?["meta"] as? [String: Any])?["scenario_sha256"] as? String
        }
        let relative = try hash(["run", "scenarios/china-chip-share.scn"])
        let absolute = try hash(["run", Fixtures.scenarioPath("china-chip-share")], in: FileManager.default.temporaryDirectory)
        let inspected = try BinaryRunner.run(["inspect", "scenarios/china-chip-share.scn", "--json"]).stdout
        let fromJSON = try hash(["run", Fixtures.temporaryFile("chips-resolved.json", inspected)])
        #expect(relative != nil && relative == absolute && relative == fromJSON)
        let readme = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("\"scenario_sha256\": \"\(relative ?? "")\""))
    }
}

/// The session transcripts under Tests/Transcripts replay without a difference.
@Suite struct TranscriptReplayTests {
    @Test func everyTranscriptReplays() throws {
        let dir = Fixtures.packageRoot.appendingPathComponent("Tests/Transcripts")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(files.count >= 10)
        let run = try BinaryRunner.run(["replay"] + files.map { "Tests/Transcripts/\($0)" })
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.hasSuffix("\(files.count) passed, 0 failed\n"))
    }
}
