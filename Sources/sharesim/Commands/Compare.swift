import ArgumentParser
import Foundation
import ShareSimCore

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two scenarios or two run outputs; exit 1 if they differ by more than a tolerance.",
        discussion: """
            A and B are scenario files (.scn or resolved .json; '-' reads standard \
            input) or run output written by 'sharesim run --format csv' (one run per \
            file; FILE#RUN picks one run of a file that holds several). For each \
            segment and vendor (or row of the view) it reports the difference B - A over time, the first \
            date where |B - A| exceeds the tolerance, and the largest difference. \
            The tolerance is absolute, in share: 0.5% (or 0.005) is half a \
            percentage point. The default, 0, counts any difference but rounding: \
            figures that agree to 12 digits are equal. --by takes every view of \
            'run'. Exits 1 when a difference exceeds the tolerance, 0 otherwise.

            Examples:
              sharesim compare scenarios/ofac-easing.scn \\
                scenarios/ofac-no-easing.scn --by origin
              sharesim run scenarios/ofac-easing.scn --format csv -o easing.csv
              sharesim compare easing.csv scenarios/ofac-easing.scn
            """)

    @Argument(help: "The first scenario or run output (A).")
    var a: String

    @Argument(help: "The second scenario or run output (B); differences are B − A.")
    var b: String

    @Option(parsing: .unconditional, help: "Largest difference that counts as equal, e.g. 0.5% or 0.005 (default 0: any difference).")
    var tolerance: String?

    @OptionGroup var report: ReportOutput
    @OptionGroup var view: ShareOptions
    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        if a == "-" && b == "-" { throw ValidationError("only one of A and B can be standard input") }
    }

    func run() throws {
        try report.refuse(overwriting: [a, b])
        let printer = diagnostics.printer
        let input = ScenarioInput(printer: printer)
        var limit = 0.0
        if let tolerance {
            do { limit = try ComparisonTolerance.parse(tolerance, source: "--tolerance") } catch {
                input.report(error)
                throw ExitCode(ExitStatus.usage)
            }
        }
        // Both sides are read and all their problems reported before giving up.
        let sides = [CompareSide.load(a, input: input), CompareSide.load(b, input: input)]
        var loaded: [(side: CompareRequest.Side, label: String)] = []
        var failure: Int32 = 0
        for side in sides {
            switch side {
            case .success(let t): loaded.append(t)
            case .failure(let code): failure = failure == 0 ? code.rawValue : failure
            }
        }
        if failure != 0 { throw ExitCode(failure) }

        let comparison: RunComparison
        do {
            comparison = try CompareRequest(a: loaded[0].side, b: loaded[1].side, names: (a, b), metric: view.metric,
                                            grouping: view.by, tolerance: limit).perform().comparison
        } catch {
            throw input.exitCode(for: error)
        }
        let text: String
        switch report.format {
        case .table:
            text = ComparisonReport.table(comparison, labelA: loaded[0].label, labelB: loaded[1].label, width: report.tableWidth)
        case .csv: text = ComparisonReport.csv(comparison)
        case .json: text = ComparisonReport.json(comparison, labelA: loaded[0].label, labelB: loaded[1].label)
        }
        try Output.deliver(text, to: report.output)
        if !comparison.isWithinTolerance { throw ExitCode(ExitStatus.expectationFailed) }
    }
}

/// One side of a comparison: a scenario to run, or run output to read back.
enum CompareSide {
    static func load(_ given: String, input: ScenarioInput) -> Result<(side: CompareRequest.Side, label: String), ExitCode> {
        // FILE#RUN names one run of a file that holds several.
        var path = given, run: String?
        if given != "-", !FileManager.default.fileExists(atPath: given), let hash = given.lastIndex(of: "#") {
            path = String(given[..<hash])
            run = String(given[given.index(after: hash)...])
        }
        let name = path == "-" ? "<stdin>" : path
        let data: Data
        do { data = try ScenarioInput.readData(path) } catch {
            Output.report(.error("cannot read '\(name)': \(AtomicFile.reason(error))", at: nil), printer: input.printer)
            return .failure(ExitCode(ExitStatus.noInput))
        }
        let text = String(decoding: data, as: UTF8.self)
        if path.hasSuffix(".csv") || ShareTable.looksLikeRunCSV(text[...]) {
            do {
                var table = try ShareTable.readCSV(text, path: name, run: run)
                table.name = given
                return .success((.table(table), given))
            } catch {
                input.report(error)
                return .failure(ExitCode(ExitStatus.dataError))
            }
        }
        if let run {
            Output.report(.error("'\(path)' is a scenario, not run output; '#\(run)' picks a run only in a CSV file", at: nil), printer: input.printer)
            return .failure(ExitCode(ExitStatus.usage))
        }
        // A scenario: loaded like every other command's (its `use`d files from disk), and
        // refused past the scenario size limit as every command refuses it.
        let limit = ScenarioSizeLimit.fromEnvironment()
        if data.count > limit.bytes {
            input.report(ScenarioError([ScenarioSizeLimit.Exceeded(size: data.count, limit: limit).diagnostic(path: name)], sources: [:]))
            return .failure(ExitCode(ExitStatus.noInput))
        }
        let loader = ScenarioLoader(readFile: { p in p == name ? data : try ScenarioInput.read(p) })
        do {
            let loaded = try loader.load(path: name)
            if !loaded.warnings.isEmpty { Output.err(input.printer.render(loaded.warnings, sources: loaded.sources)) }
            return .success((.scenario(loaded.scenario), "\(given) — \(loaded.scenario.name)"))
        } catch {
            input.report(error)
            return .failure(ExitCode(error.isUnreadableFile ? ExitStatus.noInput : ExitStatus.dataError))
        }
    }
}
