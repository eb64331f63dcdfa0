import Foundation
import ShareSimTestSupport
import Testing

/// Files no one writes by hand (a device, a generated line of megabytes) are refused or
/// reported in bounded output, as `check` prints it; see also the malformed catalogue's
/// `many-errors`, `megabyte-name` and `long-garbage-run`.
@Suite struct BoundedDiagnosticsTests {
    @Test func checkOfDevZeroRefusesBeforeReadingAGigabyte() throws {
        let outcome = try BinaryRunner.run(["check", "/dev/zero"])
        #expect(outcome.status == 66)
        #expect(outcome.stderr == """
            /dev/zero:1:1: error: '/dev/zero' is larger than 16 MiB; scenarios larger than 16 MiB are refused unread
            help: is this the right file? A larger scenario is read with SHARESIM_MAX_SCENARIO_MIB set to its size in MiB

            """)
    }

    /// A valid scenario padded with comments to 16 MiB and a byte: refused by its size,
    /// unread, until SHARESIM_MAX_SCENARIO_MIB lets it through, and then it checks.
    @Test func aScenarioPastSixteenMiBIsRefusedUntilTheLimitIsRaised() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sharesim-big-\(UUID().uuidString).scn").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let scenario = try String(contentsOfFile: Fixtures.scenarioPath("huawei-substitution"), encoding: .utf8)
        let comment = "# " + String(repeating: "padding ", count: 127) + "\n"
        let padding = String(repeating: comment, count: ((16 << 20) - scenario.utf8.count) / comment.utf8.count + 1)
        try (scenario + padding).write(toFile: path, atomically: false, encoding: .utf8)
        let size = try #require(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(size > 16 << 20 && size < 17 << 20)

        let refused = try BinaryRunner.run(["check", path])
        #expect(refused.status == 66)
        #expect(refused.stderr == """
            \(path):1:1: error: '\(path)' is \(String(format: "%.1f", Double(size) / 1_000_000)) MB; scenarios larger than 16 MiB are refused unread
            help: if it is the right file, raise the limit (in MiB) in the environment: SHARESIM_MAX_SCENARIO_MIB=17

            """)

        let misspelt = try BinaryRunner.run(["check", path], environment: ["SHARESIM_MAX_SCENARIO_MIB": "17M"])
        #expect(misspelt.status == 66)
        #expect(misspelt.stderr.contains("help: SHARESIM_MAX_SCENARIO_MIB='17M' is not a whole number of MiB from 1 to 1024; the limit stays 16 MiB\n"))

        let raised = try BinaryRunner.run(["check", path], environment: ["SHARESIM_MAX_SCENARIO_MIB": "17"])
        #expect(raised.status == 0)
        #expect(raised.stderr == "")
    }

    /// The scenario size limit guards against checking a wrong, huge scenario; run output
    /// read back by `compare` is rightly larger (a century of months of ten vendors here is
    /// 1.2 MB), so only a scenario given to `compare` meets the limit.
    @Test func compareReadsRunOutputPastTheScenarioLimitButNotAScenario() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sharesim-limit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let vendors = (1...10).map { "vendor V\($0) origin US\n" }.joined()
        let shares = (1...10).map { "V\($0) 10%" }.joined(separator: ", ")
        let scenario = "scenario \"Long\"\ntimeline 2000-01 to 2099-12 monthly\nsegment s \"S\" lifetime 5y\n\(vendors)share s 2000-01: \(shares)\n"
        let scenarioPath = directory.appendingPathComponent("long.scn").path, csv = directory.appendingPathComponent("long.csv").path
        try scenario.write(toFile: scenarioPath, atomically: false, encoding: .utf8)
        #expect(try BinaryRunner.run(["run", scenarioPath, "--format", "csv", "-o", csv]).status == 0)
        let size = try #require(FileManager.default.attributesOfItem(atPath: csv)[.size] as? Int)
        #expect(size > 1 << 20)

        let limited = ["SHARESIM_MAX_SCENARIO_MIB": "1"]
        let table = try BinaryRunner.run(["compare", csv, csv], environment: limited)
        #expect(table.status == 0)
        #expect(table.stdout.hasSuffix("identical: no vendor differs at any of the 1200 dates\n"))

        let padded = directory.appendingPathComponent("padded.scn").path
        try (scenario + String(repeating: "# padding\n", count: 110_000)).write(toFile: padded, atomically: false, encoding: .utf8)
        let refused = try BinaryRunner.run(["compare", padded, csv], environment: limited)
        #expect(refused.status == 66)
        #expect(refused.stderr.contains("scenarios larger than 1 MiB are refused unread\n"))
    }

    /// 2.5 million stray `§`, each between two `$` symbols: once minutes of work and millions of
    /// quoted lines, now a hundred errors, a note on how many more, and the true total.
    /// The time limit only turns a hang into a failure (a debug build on a loaded machine took
    /// over a minute); its speed is measured in release, not asserted here.
    @Test(.timeLimit(.minutes(3))) func aFiveMegabyteLineOfStrayCharactersIsReportedBounded() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sharesim-stray-\(UUID().uuidString).scn").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ("scenario \"Stray\"\n" + String(repeating: "§$", count: 2_500_000) + "\n").write(toFile: path, atomically: false, encoding: .utf8)

        let outcome = try BinaryRunner.run(["check", path])
        #expect(outcome.status == 65)
        let lines = outcome.stderr.split(separator: "\n")
        #expect(lines.filter { $0.contains(": error: ") }.count == 100)
        #expect(lines.filter { $0.hasPrefix("note: ") } == ["note: 2499904 more errors in this file not shown; fix these first"])
        #expect(lines.last == "2500004 errors")
        #expect(lines.allSatisfy { $0.unicodeScalars.count < 200 }, "every quoted line is an excerpt")
    }
}
