import ArgumentParser
import Foundation
import ShareSimCharts
import ShareSimCore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write one self-contained HTML report of a scenario (or a comparison of two).",
        discussion: """
            The report holds the scenario's question (its header comment), a chart per segment, \
            a comparison when given two files, a Monte Carlo fan when the scenario has uncertain \
            parameters, the tables, the expectations with pass or fail, the sources, where each \
            value comes from (collapsible), and the plotted numbers as a CSV download. No \
            JavaScript, no network; the same inputs give the same bytes unless --stamp adds the \
            time. See docs/charts.md.

            Examples:
              sharesim report scenarios/china-chip-share.scn -o chips.html
              sharesim report scenarios/ofac-easing.scn scenarios/ofac-no-easing.scn \\
                --by origin -o easing.html
            """)

    @Argument(help: "One scenario file, or two to compare (.scn or resolved .json; '-' reads standard input).")
    var files: [String]

    @OptionGroup var view: ShareOptions
    @OptionGroup var fan: FanOptions
    @OptionGroup var threading: ThreadOptions

    @Flag(help: "Write the time the report was made (UTC) under its title; without it the bytes depend only on the inputs.")
    var stamp = false

    @Option(name: [.short, .long], help: "Write the HTML to this file (default: standard output).")
    var output: String?

    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        try ScenarioInput.checkStandardInputOnce(files)
        guard (1...2).contains(files.count) else { throw ValidationError("give one scenario file, or two to compare, not \(files.count)") }
    }

    func run() throws {
        try ReportOutput.refuse(output, overwriting: files)
        let input = ScenarioInput(printer: diagnostics.printer)
        let runs = try input.runAll(files)
        let inputs = zip(files, runs).map { file, run in
            HTMLReport.Input(name: run.name, result: run.result, sourceText: run.loaded.sources[ScenarioInput.name(file)]?.text)
        }
        let html = try input.perform { hooks throws(OperationError) in
            try HTMLReport.render(inputs, view: ChartView(metric: view.metric, grouping: view.by), fan: fan.settings,
                                  stamp: stamp ? Self.now() : nil, threads: threading.count, hooks: hooks)
        }
        try Output.deliver(html, to: output)
    }

    /// `2026-12-06 22:58 UTC`, from the clock, without a locale.
    static func now() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime]
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: Date()).prefix(16) + " UTC"
    }
}
