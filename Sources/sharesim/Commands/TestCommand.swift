import ArgumentParser
import Foundation
import ShareSimCore

struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run scenarios and check their expect lines.",
        discussion: """
            Directories are searched for .scn files. Ends with 'N passed, N failed'; exits 1 if any failed.

            Example:
              sharesim test scenarios
            """)

    @Argument(help: "Scenario files or directories.")
    var paths: [String]

    @OptionGroup var diagnostics: DiagnosticOptions

    func run() throws {
        let printer = diagnostics.printer
        let input = ScenarioInput(printer: printer)
        var passed = 0, failed = 0
        var worst: Int32 = 0
        for file in try ScenarioFiles.expand(paths) {
            switch input.load(file) {
            case .failure(let code):
                worst = max(worst, code.rawValue)
                Output.out("ERROR \(file)\n")
            case .success(let loaded):
                let result = try runOrInterrupt(loaded.scenario)
                let outcomes = ExpectationChecker.check(result)
                let bad = outcomes.filter { !$0.passed }
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
                out += found.map { (p as NSString).appendingPathComponent($0) }
            } else {
                out.append(p)
            }
        }
        return out
    }
}
