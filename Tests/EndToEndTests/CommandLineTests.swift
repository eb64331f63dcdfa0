import Foundation
import ShareSimTestSupport
import Testing

/// The executable as a user meets it: outputs and the contract's exit codes.
@Suite struct CommandLineTests {
    @Test func testCommandPassesTheBundledScenarios() throws {
        let run = try BinaryRunner.run(["test", "scenarios"])
        #expect(run.status == 0)
        #expect(run.stdout.hasSuffix("21 passed, 0 failed\n"))
        #expect(run.stdout.contains("ok    scenarios/china-chip-share.scn (2 expectations, 2 checks, 2 fit observations)"))
    }

    @Test func aFailedExpectationExitsOneWithItsLocation() throws {
        let text = try String(contentsOfFile: Fixtures.scenarioPath("china-chip-share"), encoding: .utf8)
            + "expect installed share origin CN in chips at 2023-06 <= 40%\n"
        let path = try Fixtures.temporaryFile("failing.scn", text)
        let run = try BinaryRunner.run(["test", path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("\(path):70:1: error: expectation failed: found 42.0% at 2023-06"))
        #expect(run.stdout.hasSuffix("4 passed, 1 failed\n"))
    }

    @Test func badScenarioExits65WithLocatedDiagnostics() throws {
        let path = try Fixtures.temporaryFile("bad.scn", "timeline 2021-01 to 2022-12 monthly\nvendor A origin US\nsegment s lifetime 8y\nshare s: A 45\n")
        let run = try BinaryRunner.run(["check", path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("\(path):4:12: error: a share of 45 is not a fraction"))
        #expect(run.stderr.contains(" 4 | share s: A 45\n"))
        #expect(run.stderr.contains("help: did you mean 45%?"))
    }

    /// `test` never reads as clean when something was not tested.
    @Test func aFileThatCannotRunCountsAsAFailureAndAnEmptyDirectoryIsAnError() throws {
        let broken = try Fixtures.temporaryFile("broken-for-test.scn", "timeline 2021\n")
        let run = try BinaryRunner.run(["test", "scenarios/ofac-easing.scn", broken])
        #expect(run.status == 65)
        #expect(run.stdout.hasSuffix("ERROR \(broken)\n4 passed, 1 failed\n"))
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("sharesim-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let none = try BinaryRunner.run(["test", empty.path])
        #expect(none.status == 66)
        #expect(none.stderr.hasPrefix("sharesim: error: '\(empty.path)' holds no .scn files\n"))
        #expect(none.stdout.isEmpty)
    }

    @Test(arguments: ["run", "check", "test"])
    func standardInputCanBeNamedOnce(_ command: String) throws {
        let run = try BinaryRunner.run([command, "-", "-"], stdin: "timeline 2021-01 to 2021-12 monthly\n")
        #expect(run.status == 2)
        #expect(run.stderr.contains("'-' (standard input) can be given only once"))
    }

    @Test func missingFileExits66() throws {
        let run = try BinaryRunner.run(["run", "no/such/file.scn"])
        #expect(run.status == 66)
        #expect(run.stderr.contains("cannot read 'no/such/file.scn'"))
    }

    @Test func usageErrorsExitTwo() throws {
        #expect(try BinaryRunner.run(["run"]).status == 2)
        #expect(try BinaryRunner.run(["run", "scenarios/ofac-easing.scn", "--format", "xml"]).status == 2)
        #expect(try BinaryRunner.run(["frobnicate"]).status == 2)
        #expect(try BinaryRunner.run(["run", "scenarios/ofac-easing.scn", "--at", "2030-01"]).status == 2)
    }

    @Test func helpAndVersionSucceed() throws {
        let help = try BinaryRunner.run(["--help"])
        #expect(help.status == 0 && help.stdout.contains("USAGE: sharesim"))
        let runHelp = try BinaryRunner.run(["run", "--help"])
        #expect(runHelp.status == 0 && runHelp.stdout.contains("--format"))
        #expect(try BinaryRunner.run(["--version"]).stdout == "0.1.0\n")
    }

    /// `sharesim help NAME` for no command is a usage error, not the top-level help and success.
    @Test func helpOfAnUnknownCommandIsAUsageError() throws {
        let typo = try BinaryRunner.run(["help", "mrege"])
        #expect(typo.status == 2 && typo.stdout.isEmpty)
        #expect(typo.stderr.hasPrefix("sharesim: error: unknown command 'mrege'\nhelp: did you mean 'merge'?\nUsage: sharesim <subcommand>\n"))
        let nothing = try BinaryRunner.run(["help", "frob"])
        #expect(nothing.status == 2 && nothing.stderr.hasPrefix("sharesim: error: unknown command 'frob'\n") && !nothing.stderr.contains("help: "))
        let known = try BinaryRunner.run(["help", "merge"])
        #expect(known.status == 0 && known.stdout.hasPrefix("OVERVIEW: Combine the partial results"))
    }

    @Test func inspectJSONRunsLikeTheScenario() throws {
        let json = try BinaryRunner.run(["inspect", "scenarios/ofac-easing.scn", "--json"])
        #expect(json.status == 0)
        #expect(json.stdout.hasPrefix("{\n  \"format\": \"sharesim-resolved\",\n  \"version\": 2,"))
        let path = try Fixtures.temporaryFile("resolved.json", json.stdout)
        let fromJSON = try BinaryRunner.run(["run", path, "--format", "csv"])
        let fromText = try BinaryRunner.run(["run", "scenarios/ofac-easing.scn", "--format", "csv"])
        #expect(fromJSON.status == 0 && fromJSON.stdout == fromText.stdout)
    }

    @Test func standardInputReadsAsAScenario() throws {
        let text = try String(contentsOfFile: Fixtures.scenarioPath("china-chip-share"), encoding: .utf8)
        let run = try BinaryRunner.run(["run", "-", "--by", "origin", "--at", "2023-01"], stdin: text)
        #expect(run.status == 0)
        #expect(run.stdout.contains("CN       42.0%"))
        let bad = try BinaryRunner.run(["check", "-"], stdin: "vendor\n")
        #expect(bad.status == 65 && bad.stderr.hasPrefix("<stdin>:1:7: error:"))
    }

    @Test func severalRunsShareOneCSVWithARunColumn() throws {
        let run = try BinaryRunner.run(["run", "scenarios/ofac-easing.scn", "scenarios/ofac-no-easing.scn", "--format", "csv", "--by", "origin"])
        let lines = run.stdout.split(separator: "\n")
        #expect(lines[0] == "run,step,date,segment,origin,installed_share,sales_share,installed,sales")
        #expect(lines.contains { $0.hasPrefix("ofac-no-easing,83,2027-12-01,telecom,US,") })
    }

    @Test func outputFileIsWrittenWhole() throws {
        let out = try Fixtures.temporaryFile("out.csv", "old contents")
        let run = try BinaryRunner.run(["run", "scenarios/china-chip-share.scn", "--format", "csv", "-o", out])
        #expect(run.status == 0 && run.stdout == "")
        let written = try String(contentsOfFile: out, encoding: .utf8)
        #expect(written.hasPrefix("step,date,segment,vendor,origin,"))
        let dir = (out as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).allSatisfy { !$0.hasPrefix(".out.csv.") })
    }

    @Test func aRecordedSessionReplays() throws {
        let transcript = try Fixtures.temporaryFile("recorded.txt", "")
        let session = try BinaryRunner.run(["repl", "--record", transcript, "scenarios/china-chip-share.scn"],
                                           stdin: "run as base\nshow --by origin at 2023-01\n")
        #expect(session.status == 0)
        let recorded = try String(contentsOfFile: transcript, encoding: .utf8)
        #expect(recorded.hasPrefix("# the file named on the command line\nsharesim> load \"scenarios/china-chip-share.scn\"\nloaded scenarios/china-chip-share.scn"))
        #expect(recorded.contains("sharesim> show --by origin at 2023-01\n"))
        let replay = try BinaryRunner.run(["replay", transcript])
        #expect(replay.status == 0 && replay.stdout.hasSuffix("(3 inputs)\n1 passed, 0 failed\n"))
        let one = try Fixtures.temporaryFile("one-input.txt", "sharesim> runs\nno runs yet; 'run' or 'run as NAME' makes one\n")
        #expect(try BinaryRunner.run(["replay", one]).stdout.hasSuffix("(1 input)\n1 passed, 0 failed\n"))
        try (recorded.replacingOccurrences(of: "42.0%", with: "43.0%")).write(toFile: transcript, atomically: true, encoding: .utf8)
        let changed = try BinaryRunner.run(["replay", transcript])
        #expect(changed.status == 1 && changed.stdout.contains("FAIL \(transcript):"))
    }
}
