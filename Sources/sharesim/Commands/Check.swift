import ArgumentParser
import Foundation
import ShareSimCore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check scenario files and report every problem, without running them.",
        discussion: "Example:\n  sharesim check scenarios/*.scn")

    @Argument(help: "Scenario files to check.")
    var files: [String]

    @Flag(name: .shortAndLong, help: "Print nothing for files without problems.")
    var quiet = false

    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        try ScenarioInput.checkStandardInputOnce(files)
    }

    func run() throws {
        let input = ScenarioInput(printer: diagnostics.printer)
        var worst: Int32 = 0
        for file in files {
            switch input.load(file) {
            case .failure(let code): worst = max(worst, code.rawValue)
            case .success(let loaded):
                let s = loaded.scenario
                if !quiet {
                    Output.out("\(ScenarioInput.name(file)): ok — \(NumberText.counted(s.vendors.count, "vendor")), \(NumberText.counted(s.segments.count, "segment")), \(NumberText.counted(s.changes.count, "change")), \(NumberText.counted(s.timeline.steps, s.timeline.step.rawValue)), \(NumberText.counted(s.expectations.count, "expectation"))\(s.observations.isEmpty ? "" : ", " + NumberText.counted(s.observations.count, "observation"))\n")
                }
            }
        }
        if worst != 0 { throw ExitCode(worst) }
    }
}
