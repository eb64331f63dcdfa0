import ArgumentParser
import Foundation
import ShareSimCharts
import ShareSimCore

struct SensitivityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Rank a scenario's uncertain parameters by how much they move an outcome.",
        discussion: """
            --method morris (the default) runs Morris elementary effects: R trajectories \
            (--trajectories, 20 unless told), each moving every uncertain parameter once \
            between levels at its distribution's quantiles; μ* ranks the parameters, with a \
            bootstrap interval, and the ranking is checked against twice the trajectories. \
            --method oat sets each parameter alone to its 10th and 90th percentile: for \
            showing, not ranking. The same --seed gives the same bytes on any number of threads.

            --assumptions ranks instead every plain figure the scenario tags [assumption] \
            (shares, appeals, buyer weights, lifetimes, growths, sizes, change values, param \
            lines), each moved by ±20% of its value (--by); shares varied keep their segment \
            summing to 100%, its other shares scaled together.

            Examples:
              sharesim sensitivity scenarios/china-chip-share.scn \\
                --outcome "installed share origin CN, HK in chips at 2023-01"
              sharesim sensitivity scenarios/china-chip-share.scn --method oat \\
                --outcome "installed share origin CN, HK in chips at 2023-01" --chart tornado.svg
              sharesim sensitivity scenarios/huawei-substitution.scn --assumptions --by 20% \\
                --outcome "sales share Huawei in telecom at 2019-01"
            """)

    @Argument(help: "The scenario file (.scn or resolved .json); '-' reads standard input.")
    var file: String

    @Option(help: ArgumentHelp("What to rank for, as an expect line's left side, e.g. \"installed share origin CN in chips at 2023-01\".",
                               valueName: "outcome"))
    var outcome: String

    @Option(help: "morris (ranking) or oat (one at a time, for showing).")
    var method: String = "morris"

    @Flag(help: "Rank the figures tagged [assumption] instead of the uncertain parameters.")
    var assumptions = false

    @Option(help: ArgumentHelp("With --assumptions: how far each figure moves either way, as a share of its value (default 20%).",
                               valueName: "spread"))
    var by: String?

    @Option(help: "Morris trajectories (2 to 10000).")
    var trajectories: Int = 20

    @Option(help: "The seed trajectory t draws from (as SEED + t).")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("With --method oat: also draw the tornado chart to this SVG file.", valueName: "OUT.svg"))
    var chart: String?

    @OptionGroup var threading: ThreadOptions
    @OptionGroup var report: ReportOutput
    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        guard Sensitivity.Method(rawValue: method) != nil else {
            throw ValidationError("--method takes morris or oat, not '\(method)'")
        }
        if chart != nil, method != Sensitivity.Method.oat.rawValue {
            throw ValidationError("--chart draws the one-at-a-time tornado: add --method oat")
        }
        if by != nil, !assumptions {
            throw ValidationError("--by says how far --assumptions moves each figure: add --assumptions")
        }
        guard (2...10_000).contains(trajectories) else {
            throw ValidationError("--trajectories takes 2 to 10000, e.g. --trajectories 20")
        }
    }

    func run() throws {
        try report.refuse(overwriting: [file])
        let input = ScenarioInput(printer: diagnostics.printer)
        var factors = Sensitivity.Factors.parameters
        if assumptions {
            do throws(ScenarioError) {
                factors = .assumptions(spread: try by.map { t throws(ScenarioError) in try AssumptionSpread.parse(t, source: "--by") } ?? AssumptionSpread.standard)
            } catch {
                input.report(error)
                throw ExitCode(ExitStatus.usage)
            }
        }
        let loaded = try input.load(file).get()
        let what: ScenarioOutcome
        do { what = try ScenarioOutcome.parse(outcome, in: loaded.scenario, source: "--outcome") } catch {
            input.report(error)
            throw ExitCode(ExitStatus.usage)
        }
        let request = SensitivityRequest(input: loaded, outcome: what, method: Sensitivity.Method(rawValue: method)!, factors: factors,
                                         trajectories: trajectories, seed: seed, threads: threading.count)
        let result: Sensitivity
        do { result = try request.perform(.interruptible()) } catch {
            throw input.exitCode(for: error)
        }
        let text: String
        switch report.format {
        case .table: text = SensitivityReport.table(result)
        case .csv: text = SensitivityReport.csv(result)
        case .json: text = SensitivityReport.json(result)
        }
        if let chart {
            try Output.deliver(SVGChart.render(TornadoChart.make(oneAtATime: result)), to: chart)
        }
        try Output.deliver(text, to: report.output)
    }
}
