import ArgumentParser
import Foundation
import ShareSimCore

struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run scenarios and check their expect lines and observations.",
        discussion: """
            Directories are searched for .scn files; one that holds none is an error (exit 66). Each observation is listed with the run's value and its error; a 'check' observation fails when the error is beyond its ± and counts as an expectation does, a 'fit' observation is shown for information. Ends with 'N passed, N failed', where a file that cannot be run counts as one failure; exits 1 if an expectation or a check failed, 65 or 66 if a file could not be run.

            Example:
              sharesim test scenarios
            """)

    @Argument(help: "Scenario files or directories.")
    var paths: [String]

    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        try ScenarioInput.checkStandardInputOnce(paths)
    }

    func run() throws {
        let printer = diagnostics.printer
        let input = ScenarioInput(printer: printer)
        var passed = 0, failed = 0
        var worst: Int32 = 0
        for file in try ScenarioFiles.expand(paths) {
            switch input.load(file) {
            case .failure(let code):
                worst = max(worst, code.rawValue)
                failed += 1
                Output.out("ERROR \(file)\n")
            case .success(let loaded):
                let run: RunResponse
                do { run = try RunRequest(scenario: loaded.scenario, checksExpectations: true).perform() } catch { throw input.exitCode(for: error) }
                let (outcomes, bad, checks, badChecks) = (run.expectations, run.failedExpectations, run.checks, run.failedChecks)
                let timeline = run.result.scenario.timeline
                passed += outcomes.count - bad.count + checks.count - badChecks.count
                failed += bad.count + badChecks.count
                var counts = NumberText.counted(outcomes.count, "expectation")
                if !checks.isEmpty { counts += ", \(NumberText.counted(checks.count, "check"))" }
                if run.observations.count > checks.count { counts += ", \(NumberText.counted(run.observations.count - checks.count, "fit observation"))" }
                Output.out("\(bad.isEmpty && badChecks.isEmpty ? "ok   " : "FAIL ") \(file) (\(counts))\n")
                for o in bad {
                    Output.out(printer.render(ExpectationChecker.diagnostic(o, timeline: timeline), sources: loaded.sources))
                }
                for o in run.observations {
                    Output.out("      \(o.passed ? "" : "FAIL ")\(ObservationChecker.line(o, timeline: timeline))\n")
                }
                for o in badChecks {
                    Output.out(printer.render(ObservationChecker.diagnostic(o, timeline: timeline), sources: loaded.sources))
                }
            }
        }
        Output.out("\(passed) passed, \(failed) failed\n")
        if worst != 0 { throw ExitCode(worst) }
        if failed > 0 { throw ExitCode(ExitStatus.expectationFailed) }
    }
}

enum ScenarioFiles {
    /// Files as given; directories expanded to their .scn files, sorted, recursively.
    static func expand(_ paths: [String]) throws -> [String] {
        var out: [String] = []
        for p in paths {
            var isDir: ObjCBool = false
            let real = URL(fileURLWithPath: p).resolvingSymlinksInPath().path
            if FileManager.default.fileExists(atPath: real, isDirectory: &isDir), isDir.boolValue {
                let found = (FileManager.default.enumerator(atPath: real)?.allObjects as? [String] ?? [])
                    .filter { $0.hasSuffix(".scn") }.sorted()
                guard !found.isEmpty else {
                    throw Output.fail("'\(p)' holds no .scn files", help: "give scenario files, or a directory that holds some", status: ExitStatus.noInput)
                }
                out += found.map { (p as NSString).appendingPathComponent($0) }
            } else {
                out.append(p)
            }
        }
        return out
    }
}
