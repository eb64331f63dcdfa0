import ShareSimCharts
import ShareSimCore

/// The size of the SVG line chart of a large run: 100 vendors over 1,000 monthly steps.
/// Points within half a pixel of the line are dropped, so the size follows what the
/// picture shows, not how many steps the run has.
struct ChartBench {
    static let scenario = "bench/hundred-vendors.scn"

    let bytes: Int
    /// Points in the SVG's paths (each `M` or `L`), and values the run gave the chart.
    let pathPoints: Int
    let dataPoints: Int

    init() throws(BenchError) {
        let loaded: ScenarioLoader.Loaded
        do { loaded = try ScenarioLoader(readFile: ScenarioLoader.readWholeFile).load(path: Self.scenario) } catch {
            throw BenchError("cannot load \(Self.scenario): \(error.diagnostics.first?.message ?? "")")
        }
        let svg: String
        do {
            let run = try Engine.run(loaded.scenario)
            svg = SVGChart.render(try RunCharts.make(.lines, runs: [("bench", run)], view: ChartView()))
        } catch {
            throw BenchError("cannot chart \(Self.scenario): \(error)")
        }
        bytes = svg.utf8.count
        // The commands within each `d="…"`: one per point drawn.
        pathPoints = svg.components(separatedBy: " d=\"").dropFirst().map { path in
            path.prefix { $0 != "\"" }.filter { $0 == "M" || $0 == "L" }.count
        }.reduce(0, +)
        dataPoints = loaded.scenario.vendors.count * loaded.scenario.timeline.steps
    }
}
