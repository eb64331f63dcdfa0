import ArgumentParser
import Foundation
import ShareSimCore

struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run scenarios and check their expect lines.",
        discussion: """
            Directories are searched for .scn files; one that holds none is an error (exit 66). Ends with 'N passed, N failed', where a file that cannot be run counts as one failure; exits 1 if an expectation failed, 65 or 66 if a file could not be run.

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
                let (result, outcomes, bad) = (run.result, run.expectations, run.failedExpectations)
                passed += outcomes.count - bad.count
                failed += bad.count
                Output.out("\(bad.isEmpty ? "ok   " : "FAIL ") \(file) (\(NumberText.counted(outcomes.count, "expectation")))\n")
                for o in bad {
                    Output.out(printer.render(ExpectationChecker.diagnostic(o, timeline: result.scenario.timeline), sources: loaded.sources))
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
