import ArgumentParser
import Foundation
import ShareSimCore

struct Calibrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit parameters of a scenario to observed outcomes.",
        discussion: """
            No --target: weighted least squares to the scenario's own fit \
            observations, each residual divided by its stated uncertainty (equal \
            weights when none gives one), with a 95% profile interval for each \
            parameter and the check observations' errors listed apart. --write \
            saves an overlay scenario that sets the fitted values.

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
                --fit leakage --fit intermediaries --write chips-fitted.scn
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

    @Option(help: ArgumentHelp("An observation: \"OUTCOME = VALUE\", e.g. \"installed share origin CN in chips at 2023-01 = 85%\"; repeat for several. None: the scenario's fit observations.",
                               valueName: "target"))
    var target: [String] = []

    @Option(help: "auto (bisection for one parameter and one target, else least squares), bisection or least-squares.")
    var method: CalibrationRequest.Method = .auto

    @Option(help: "Output format: table or json.")
    var format: Format = .table

    @Option(name: [.short, .long], help: ReportOutput.outputHelp)
    var output: String?

    @Option(help: ArgumentHelp("Save an overlay scenario setting the fitted values (a fit to the observations only).", valueName: "file"))
    var write: String?

    @OptionGroup var threading: ThreadOptions

    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        if bounds.count > fit.count { throw ValidationError("--in gives bounds for each --fit in order; there are more --in than --fit") }
        if target.isEmpty, method == .bisection {
            throw ValidationError("--method bisection fits one --target; a fit to the scenario's observations is by weighted least squares")
        }
        if !target.isEmpty, write != nil {
            throw ValidationError("--write saves a fit to the scenario's observations; leave out --target to make one")
        }
        if write != nil, file == "-" || file.hasSuffix(".json") {
            throw ValidationError("--write makes an overlay that uses the scenario file, so the scenario must be a .scn file, not standard input or resolved JSON")
        }
    }

    func run() throws {
        try ReportOutput.refuse(output, overwriting: [file])
        try ReportOutput.refuse(write, overwriting: [file], option: "--write")
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
        let request = CalibrationRequest(input: loaded, parameters: fit, bounds: intervals, targets: targets, method: method,
                                         threads: threading.count)
        let text: String
        do {
            if targets.isEmpty {
                let result = try request.fitObservations(.interruptible())
                text = format == .json ? ObservationFitReport.json(result, scenario: scenario)
                    : ObservationFitReport.text(result, scenario: scenario, width: ReportOutput.tableWidth(output: output))
                if let write {
                    let used = OverlayPath.relative(from: write, to: file, in: FileManager.default.currentDirectoryPath)
                    try Output.deliver(CalibrationOverlay.text(result, scenario: scenario, usedPath: used, command: command), to: write)
                }
            } else {
                let result = try request.perform(.interruptible())
                text = format == .json ? CalibrationReport.json(result, scenario: scenario)
                    : CalibrationReport.text(result, scenario: scenario.name, width: ReportOutput.tableWidth(output: output))
            }
        } catch let error as OperationError {
            throw input.exitCode(for: error, sources: sources)
        }
        try Output.deliver(text, to: output)
    }

    /// This command as typed, for the overlay's comment: the fit reproduced by running it again.
    private var command: String {
        var words = ["sharesim", "calibrate", file]
        for (i, name) in fit.enumerated() {
            words += ["--fit", name]
            if i < bounds.count { words += ["--in", bounds[i]] }
        }
        return (words + ["--write", write ?? ""]).joined(separator: " ")
    }
}

extension CalibrationRequest.Method: ExpressibleByArgument {}
