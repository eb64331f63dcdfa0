import ArgumentParser
import Foundation
import ShareSimCharts
import ShareSimCore

enum ChartKindOption: String, ExpressibleByArgument, CaseIterable { case lines, area, compare, fan, sweep, tornado }

struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Draw a run, a comparison, a Monte Carlo fan, a sweep or a tornado as one SVG.",
        discussion: """
            One deterministic SVG per call: the same inputs give the same bytes. Every chart has \
            a title, a subtitle naming the share and the view, events as labelled rules, and a \
            footer with the scenario, its SHA-256 prefix, the tool version and the seed. \
            See docs/charts.md.

            Kinds: lines (default for one file) and area (stacked) draw one run; compare (default \
            for two files) draws A solid, B dashed and their difference; fan runs --runs Monte \
            Carlo draws and shades the --bands; sweep draws --outcome over one --vary (a line) \
            or two (a heat map); tornado reads FILE as CSV rows parameter,low,high (and base, \
            optionally), values in model terms.

            Examples:
              sharesim chart scenarios/ofac-easing.scn --by origin -o ofac.svg
              sharesim chart scenarios/ofac-easing.scn scenarios/ofac-no-easing.scn \\
                --by origin --share sales -o easing-vs-none.svg
              sharesim chart scenarios/china-chip-share.scn --kind fan --by origin \\
                --vendors CN,US --runs 2000 --seed 7 -o fan.svg
              sharesim chart scenarios/china-chip-share.scn --kind sweep \\
                --vary leakage=2%..20%/19 \\
                --outcome "installed share origin CN, HK in chips at 2023-01" -o sweep.svg
            """)

    @Argument(help: "Scenario files (.scn or resolved .json; '-' reads standard input); for --kind tornado, a CSV file.")
    var files: [String]

    @Option(help: "lines, area, compare, fan, sweep or tornado (default: lines for one file, compare for two).")
    var kind: ChartKindOption?

    @OptionGroup var view: ShareOptions

    @Option(help: "Draw only this segment (default: every segment, one panel each).")
    var segment: String?

    @Option(help: "Vendors (or origins, with --by origin) to draw, comma-separated (default: all).")
    var vendors: String?

    @Option(help: "First date drawn (e.g. 2022-01).")
    var from: String?

    @Option(help: "Last date drawn.")
    var to: String?

    @OptionGroup var fan: FanOptions

    @Option(name: .customLong("vary"), help: ArgumentHelp("sweep: NAME=FROM..TO/COUNT or NAME=V1,V2,…; once (a line) or twice (a heat map).",
                                                           valueName: "spec"))
    var vary: [String] = []

    @Option(help: ArgumentHelp("sweep: what to draw, as an expect line's left side; tornado: what the values are.", valueName: "outcome"))
    var outcome: String?

    @OptionGroup var threading: ThreadOptions

    @Option(name: [.short, .long], help: "Write the SVG to this file (default: standard output).")
    var output: String?

    @Option(help: "Also write the numbers the chart plots to this CSV file (panel,series,x,value).")
    var data: String?

    @OptionGroup var diagnostics: DiagnosticOptions

    var chartKind: ChartKindOption {
        kind ?? (files.count == 2 ? .compare : .lines)
    }

    func validate() throws {
        try ScenarioInput.checkStandardInputOnce(files)
        guard !files.isEmpty else { throw ValidationError("give a scenario file (two for --kind compare)") }
        for (option, value) in [("--from", from), ("--to", to)] {
            if let value, CalendarMonth.parse(value) == nil {
                throw ValidationError("\(option) takes a date such as 2022 or 2022-04, not '\(value)'")
            }
        }
        switch chartKind {
        case .sweep:
            guard (1...2).contains(vary.count), outcome != nil else {
                throw ValidationError("--kind sweep needs --vary once (a line) or twice (a heat map) and --outcome")
            }
        case .tornado:
            guard files.count == 1 else { throw ValidationError("--kind tornado reads one CSV file of parameter,low,high rows") }
        default:
            guard vary.isEmpty else { throw ValidationError("--vary is for --kind sweep") }
        }
    }

    var chartView: ChartView {
        ChartView(metric: view.metric, grouping: view.by, segment: segment,
                  keys: vendors.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? [],
                  from: from.flatMap { CalendarMonth.parse($0)?.month }, to: to.flatMap { CalendarMonth.parse($0)?.month })
    }

    func run() throws {
        try ReportOutput.refuse(output, overwriting: files)
        try ReportOutput.refuse(data, overwriting: files)
        let input = ScenarioInput(printer: diagnostics.printer)
        let chart: Chart
        switch chartKind {
        case .tornado: chart = try tornado(input)
        case .sweep: chart = try sweep(input)
        case .lines, .area, .compare, .fan:
            let loaded = try input.runAll(files).map { (name: $0.name, result: $0.result) }
            chart = try input.perform { hooks throws(OperationError) in
                try RunCharts.make(RunCharts.Kind(rawValue: chartKind.rawValue)!, runs: loaded, view: chartView, fan: fan.settings,
                                   threads: threading.count, hooks: hooks)
            }
        }
        try Output.deliver(SVGChart.render(chart), to: output)
        if let data { try Output.deliver(ChartData.csv(chart), to: data) }
    }

    private func sweep(_ input: ScenarioInput) throws -> Chart {
        let loaded = try input.load(files[0]).get()
        let axes: [SweepAxis]
        let what: ScenarioOutcome
        do {
            axes = try vary.map { spec throws(ScenarioError) in try SweepAxis.parse(spec, source: "--vary") }
            what = try ScenarioOutcome.parse(outcome ?? "", in: loaded.scenario, source: "--outcome")
        } catch {
            input.report(error)
            throw ExitCode(ExitStatus.usage)
        }
        return SweepChart.make(try input.perform { hooks throws(OperationError) in
            try SweepRequest(input: loaded, axes: axes, outcome: what, threads: threading.count).perform(hooks)
        })
    }

    private func tornado(_ input: ScenarioInput) throws -> Chart {
        let name = ScenarioInput.name(files[0])
        let text: String
        do { text = String(decoding: try input.loader.read(name), as: UTF8.self) } catch {
            input.report(error)
            throw ExitCode(ExitStatus.noInput)
        }
        do {
            let (entries, base) = try TornadoChart.readCSV(text, path: name)
            return TornadoChart.make(title: "Sensitivity", outcome: outcome ?? "the outcome", entries: entries, base: base, format: .percent,
                                     provenance: ChartProvenance(names: [name], sha256: [String(SHA256.hex(text).prefix(12))], seed: nil, noun: "data"))
        } catch {
            input.report(ScenarioError([error], sources: [name: SourceFile(path: name, text: text)]))
            throw ExitCode(ExitStatus.dataError)
        }
    }
}
