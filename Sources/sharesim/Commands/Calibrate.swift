import ArgumentParser
import Foundation
import ShareSimCore

struct Calibrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit parameters of a scenario to observed outcomes.",
        discussion: """
            One --fit and one --target: bisection inside --in LOW..HIGH (or the \
            parameter's valid range, if bounded); outcome - target must change sign \
            between the two ends. At most 60 halvings, stopping when the bracket is \
            below 1e-12 of its first width.

            Several --fit or --target: least squares (Levenberg-Marquardt) on the \
            log-odds of shares (log of amounts, log of growth factors), from the \
            parameters' values in the file, within their valid ranges and the --in \
            bounds given (one per --fit, in order).

            Examples:
              sharesim calibrate scenarios/china-chip-share.scn \\
                --fit leakage --in 0%..20% \\
                --target "installed share origin CN, HK in chips at 2023-01 = 85%"
              sharesim calibrate scenarios/huawei-substitution.scn \\
                --fit huawei_trend --in 0.3/y..0.7/y \\
                --target "sales growth Huawei from 2014-01 to 2019-01 = 51%/y"
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @Argument(help: "The scenario file (.scn or resolved .json); '-' reads standard input.")
    var file: String

    @Option(help: ArgumentHelp("A parameter to fit; repeat for several.", valueName: "name"))
    var fit: [String]

    @Option(name: .customLong("in"), help: ArgumentHelp("Bounds LOW..HIGH for each --fit, in order (e.g. 0%..20%).", valueName: "low..high"))
    var bounds: [String] = []

    @Option(help: ArgumentHelp("An observation: \"OUTCOME = VALUE\", e.g. \"installed share origin CN in chips at 2023-01 = 85%\"; repeat for several.",
                               valueName: "target"))
    var target: [String]

    @Option(help: "auto (bisection for one parameter and one target, else least squares), bisection or least-squares.")
    var method: CalibrationRequest.Method = .auto

    @Option(help: "Output format: table or json.")
    var format: Format = .table

    @Option(name: [.short, .long], help: ReportOutput.outputHelp)
    var output: String?

    @OptionGroup var threading: ThreadOptions

    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        if bounds.count > fit.count { throw ValidationError("--in gives bounds for each --fit in order; there are more --in than --fit") }
    }

    func run() throws {
        try ReportOutput.refuse(output, overwriting: [file])
        let input = ScenarioInput(printer: diagnostics.printer)
        let loaded = try input.load(file).get()
        let scenario = loaded.scenario
        var intervals: [ValueInterval] = []
        var targets: [OutcomeTarget] = []
        var problems: [Diagnostic] = []
        var sources: [String: SourceFile] = loaded.sources
        for (i, text) in bounds.enumerated() {
            // Named as typed, so that bounds outside the valid range can be quoted.
            let source = bounds.count > 1 ? "--in \(i + 1)" : "--in"
            sources[source] = SourceFile(path: source, text: text)
            do { intervals.append(try ValueInterval.parse(text, source: source)) } catch {
                problems += error.diagnostics
                sources.merge(error.sources) { a, _ in a }
            }
        }
        for (i, text) in target.enumerated() {
            do { targets.append(try OutcomeTarget.parse(text, in: scenario, source: target.count > 1 ? "--target \(i + 1)" : "--target")) } catch {
                problems += error.diagnostics
                sources.merge(error.sources) { a, _ in a }
            }
        }
        if !problems.isEmpty {
            input.report(ScenarioError(problems, sources: sources))
            throw ExitCode(ExitStatus.usage)
        }
        let result: ScenarioCalibration.Result
        do {
            result = try CalibrationRequest(input: loaded, parameters: fit, bounds: intervals, targets: targets, method: method,
                                            threads: threading.count).perform(.interruptible())
        } catch {
            throw input.exitCode(for: error, sources: sources)
        }
        let text: String
        switch format {
        case .table:
            text = CalibrationReport.text(result, scenario: scenario.name, width: ReportOutput.tableWidth(output: output))
        case .json:
            text = CalibrationReport.json(result, scenario: scenario)
        }
        try Output.deliver(text, to: output)
    }
}

extension CalibrationRequest.Method: ExpressibleByArgument {}
