import ArgumentParser
import Foundation
import ShareSimCore

struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Run a scenario over a range of parameter values and tabulate an outcome.",
        discussion: """
            --vary NAME=FROM..TO/COUNT takes COUNT evenly spaced values, both ends \
            included (11 without /COUNT); NAME=V1,V2,... takes the values listed. \
            Values are written as in scenarios: 2%, 0.5/y. Once: a table of \
            value -> outcome. Twice: a grid, rows for the first parameter, columns \
            for the second. The outcome reads like the left side of an expect line. \
            Runs go to every core (--threads); the output is the same whatever the \
            number of threads.

            Examples:
              sharesim sweep scenarios/china-chip-share.scn \\
                --vary leakage=2%..20%/10 \\
                --outcome "installed share origin CN, HK in chips at 2023-01"
              sharesim sweep scenarios/huawei-substitution.scn \\
                --vary huawei_trend=0.36/y..0.54/y/10 \\
                --outcome "sales growth Huawei from 2014-01 to 2019-01"
            """)

    @Argument(help: "The scenario file (.scn or resolved .json); '-' reads standard input.")
    var file: String

    @Option(name: .customLong("vary"), help: ArgumentHelp("A parameter and its values: NAME=FROM..TO/COUNT or NAME=V1,V2,…; once or twice.",
                                                           valueName: "spec"))
    var vary: [String]

    @Option(help: ArgumentHelp("What to tabulate, as an expect line's left side, e.g. \"installed share origin CN in chips at 2023-01\".",
                               valueName: "outcome"))
    var outcome: String

    @OptionGroup var threading: ThreadOptions

    @OptionGroup var report: ReportOutput
    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        guard vary.count <= 2 else {
            throw ValidationError("--vary once for a table or twice for a grid, not \(vary.count) times")
        }
    }

    func run() throws {
        try report.refuse(overwriting: [file])
        let input = ScenarioInput(printer: diagnostics.printer)
        let loaded = try input.load(file).get()
        let axes: [SweepAxis]
        let what: ScenarioOutcome
        do {
            axes = try vary.map { spec throws(ScenarioError) in try SweepAxis.parse(spec, source: "--vary") }
            what = try ScenarioOutcome.parse(outcome, in: loaded.scenario, source: "--outcome")
        } catch {
            input.report(error)
            throw ExitCode(ExitStatus.usage)
        }
        let sweep: Sweep
        do { sweep = try SweepRequest(input: loaded, axes: axes, outcome: what, threads: threading.count).perform(.interruptible()) } catch {
            throw input.exitCode(for: error)
        }
        let text: String
        switch report.format {
        case .table: text = SweepReport.table(sweep, width: report.tableWidth)
        case .csv: text = SweepReport.csv(sweep)
        case .json: text = SweepReport.json(sweep)
        }
        try Output.deliver(text, to: report.output)
    }
}
