import ArgumentParser
import Foundation
import ShareSimCore

enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case table, csv, json }
enum ShareKind: String, ExpressibleByArgument, CaseIterable { case installed, sales }
extension Grouping: ExpressibleByArgument {}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run scenarios and print each vendor's share over time.",
        discussion: """
            FILE is scenario text (.scn) or resolved JSON (.json); '-' reads standard input.

            Examples:
              sharesim run scenarios/ofac-easing.scn --at 2022-01,2023-01,2025-01
              sharesim run scenarios/ofac-easing.scn scenarios/ofac-no-easing.scn \\
                --format csv -o both.csv
            """)

    @Argument(help: "Scenario files to run.")
    var files: [String]

    @Option(help: "Dates for the table's columns, comma-separated (e.g. 2022-01,2023-06).")
    var at: String?

    @OptionGroup var report: ReportOutput
    @OptionGroup var view: ShareOptions
    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        try ScenarioInput.checkStandardInputOnce(files)
        if let at { _ = try ReportDates.months(at) }
    }

    func run() throws {
        try report.refuse(overwriting: files)
        let runs = try ScenarioInput(printer: diagnostics.printer).runAll(files).map { (name: $0.name, result: $0.result) }
        let text: String
        switch report.format {
        case .csv: text = CSVReport.render(runs, grouping: view.by)
        case .json: text = JSONReport.render(runs, grouping: view.by)
        case .table:
            var tables: [String] = []
            for run in runs {
                let steps = try at.map { try ReportDates.steps($0, in: run.result.scenario.timeline, file: run.name) }
                let table = TableReport(metric: view.metric, grouping: view.by, steps: steps,
                                        width: report.tableWidth)
                tables.append(table.render(run.result))
            }
            text = tables.joined(separator: "\n")
        }
        try Output.deliver(text, to: report.output)
    }
}

enum RunName {
    /// A run's name in multi-run output: the file's base name without extension.
    private static func of(_ path: String) -> String {
        if path == "-" { return "stdin" }
        return withoutExtension((path as NSString).lastPathComponent)
    }

    /// The names of runs of `paths`, told apart: a base name shared by two files becomes
    /// the path as given (`d1/x`, `d2/x`), and a file given twice is numbered (`x`, `x-2`),
    /// so that `compare FILE#NAME` can pick each run of the output.
    static func distinct(_ paths: [String]) -> [String] {
        let bases = paths.map(of)
        var names = paths.indices.map { i in
            bases.filter { $0 == bases[i] }.count > 1 && paths[i] != "-" ? withoutExtension(paths[i]) : bases[i]
        }
        var seen: [String: Int] = [:]
        for i in names.indices {
            seen[names[i], default: 0] += 1
            if let n = seen[names[i]], n > 1 { names[i] += "-\(n)" }
        }
        return names
    }

    private static func withoutExtension(_ path: String) -> String {
        let ext = (path as NSString).pathExtension
        return ext.isEmpty ? path : String(path.dropLast(ext.count + 1))
    }
}
