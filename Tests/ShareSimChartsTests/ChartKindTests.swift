import Foundation
import ShareSimCharts
import ShareSimCore
import ShareSimTestSupport
import Testing

/// The chart kinds built from the bundled scenarios: what each holds, and the SVG it makes.
@Suite struct ChartKindTests {
    static func run(_ name: String) throws -> RunResult {
        let loader = ScenarioLoader(readFile: ScenarioLoader.readWholeFile)
        return try Engine.run(try loader.load(path: Fixtures.scenarioPath(name)).scenario)
    }

    @Test func linesNameTheShareTheViewAndTheEvents() throws {
        let chart = try RunCharts.make(.lines, runs: [("easing", try Self.run("ofac-easing"))], view: ChartView(grouping: .origin))
        #expect(chart.subtitle == "installed share by origin, 2021-01 to 2027-12")
        guard case .xy(let plot) = chart.panels[0].content else { Issue.record("not a time plot"); return }
        #expect(plot.lines.map(\.key) == ["CN", "EU", "US", "RU"])
        #expect(plot.events.map(\.label) == ["Western vendors leave", "Foreign kit barred from government purchasing", "OFAC GL 25"])
        #expect(plot.events.map(\.step) == [14, 15, 15])
        let svg = SVGChart.render(chart)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("role=\"img\"") && svg.contains("<title id=\"chart-title\">") && svg.contains("<desc id=\"chart-desc\">"))
        #expect(svg.contains(">CN</text>") && svg.contains(">OFAC GL 25</text>"))
        #expect(svg.contains("sharesim \(JSONReport.toolVersion) · no random draws"))
        #expect(!svg.contains("<script") && !svg.contains("@import") && !svg.contains("href"))
    }

    @Test func theSameRunDrawsTheSameBytes() throws {
        let a = SVGChart.render(try RunCharts.make(.area, runs: [("h", try Self.run("huawei-substitution"))], view: ChartView()))
        let b = SVGChart.render(try RunCharts.make(.area, runs: [("h", try Self.run("huawei-substitution"))], view: ChartView()))
        #expect(a == b)
    }

    @Test func areasStackToAWhole() throws {
        let chart = try RunCharts.make(.area, runs: [("h", try Self.run("huawei-substitution"))], view: ChartView(segment: "cloud"))
        guard case .xy(let plot) = chart.panels[0].content else { Issue.record("not a time plot"); return }
        #expect(plot.y.fixed == 0...1)
        for k in [0, 60, 119] { #expect(abs(plot.stack.map { $0.values[k] }.reduce(0, +) - 1) < 1e-9) }
    }

    @Test func compareMarksTheFirstDivergence() throws {
        let chart = try RunCharts.make(.compare, runs: [("easing", try Self.run("ofac-easing")), ("none", try Self.run("ofac-no-easing"))],
                                       view: ChartView(metric: .salesShare, grouping: .origin))
        // A panel of levels and one of their difference for each segment: telecom, base stations.
        #expect(chart.panels.count == 4 && chart.columns == 1)
        guard case .xy(let difference) = chart.panels[1].content else { Issue.record("not a time plot"); return }
        #expect(difference.y.format == .points)
        #expect(difference.marks.map(\.label) == ["first divergence: CN, 2022-04"])
        #expect(chart.styleKey.map(\.label) == ["easing", "none"])
    }

    @Test func aFanSaysWhatItsBandsAreNot() throws {
        let chart = try RunCharts.make(.fan, runs: [("chips", try Self.run("china-chip-share"))], view: ChartView(grouping: .origin, keys: ["CN"]),
                                       fan: .init(runs: 200, seed: 7), threads: 2)
        #expect(chart.caption?.contains("ranges of model outcomes under the sampled assumptions") == true)
        #expect(chart.caption?.contains("not confidence intervals") == true)
        #expect(chart.caption?.contains("200 runs (seed 7)") == true)
        #expect(chart.provenance.seed == 7)
        guard case .xy(let plot) = chart.panels[0].content else { Issue.record("not a time plot"); return }
        #expect(plot.bands.map(\.label) == ["p5–p95", "p25–p75"])
        // Nested: the inner band lies within the outer at every step.
        for k in plot.bands[0].lower.indices {
            #expect(plot.bands[0].lower[k] <= plot.bands[1].lower[k] && plot.bands[1].upper[k] <= plot.bands[0].upper[k])
        }
        let onFour = try RunCharts.make(.fan, runs: [("chips", try Self.run("china-chip-share"))], view: ChartView(grouping: .origin, keys: ["CN"]),
                                        fan: .init(runs: 200, seed: 7), threads: 4)
        #expect(SVGChart.render(onFour) == SVGChart.render(chart))
    }

    @Test func aFanNeedsUncertainty() throws {
        #expect(throws: OperationError.self) {
            try RunCharts.make(.fan, runs: [("e", try Self.run("ofac-easing"))], view: ChartView())
        }
    }

    @Test func badViewsAreDiagnosedWithHelp() throws {
        let run = try Self.run("ofac-easing")
        do {
            _ = try RunCharts.make(.lines, runs: [("e", run)], view: ChartView(keys: ["Ericson"]))
            Issue.record("no error")
        } catch .refused(let e, let status, _) {
            #expect(status == ExitStatus.usage)
            #expect(e.diagnostics.map(\.message) == ["'Ericson' is no vendor in telecom, basestations"])
            #expect(e.diagnostics.first?.help == ["did you mean 'Ericsson'?"])
        } catch { Issue.record("cancelled") }
        do {
            _ = try RunCharts.make(.lines, runs: [("e", run)], view: ChartView(from: CalendarMonth(year: 2030, month: 1)))
            Issue.record("no error")
        } catch .refused(let e, _, _) {
            #expect(e.diagnostics.map(\.message) == ["--from 2030-01 is outside the timeline (2021-01 to 2027-12)"])
        } catch { Issue.record("cancelled") }
    }

    @Test func aSweepOfOneParameterIsALineAndOfTwoAHeatMap() throws {
        let loader = ScenarioLoader(readFile: ScenarioLoader.readWholeFile)
        let s = try loader.load(path: Fixtures.scenarioPath("china-chip-share")).scenario
        let outcome = try ScenarioOutcome.parse("installed share origin CN, HK in chips at 2023-01", in: s)
        let sweep = try Sweep.run(s, axes: [try SweepAxis.parse("leakage=2%..20%/10")], outcome: outcome, threads: 2)
        let chart = SweepChart.make(sweep)
        guard case .xy(let plot) = chart.panels[0].content, case .values(let name, let values, let format) = plot.x else {
            Issue.record("not a line over the parameter"); return
        }
        #expect(name == "leakage" && values.count == 10 && format == .percent)
        #expect(plot.lines[0].values == sweep.values)
        let two = try Fixtures.resolve("""
            scenario "Two parameters"
            timeline 2021-01 to 2022-12 monthly
            param life = 1 month
            param leak = 10%
            segment s lifetime life size 1M USD
            vendor A origin X
            vendor B origin Y
            share s 2021-01: A 50%, B 50%
            event "cut" 2021-06:
              access B in s to leak
            """)
        let grid = try Sweep.run(two, axes: [try SweepAxis.parse("leak=0%,50%,100%"), try SweepAxis.parse("life=1 month,12 months")],
                                 outcome: try ScenarioOutcome.parse("installed share A in s at 2022-01", in: two), threads: 2)
        guard case .heatMap(let map) = SweepChart.make(grid).panels[0].content else { Issue.record("not a heat map"); return }
        #expect(map.rowLabels == ["0%", "50%", "100%"] && map.columnLabels == ["1 month", "12 months"])
        #expect(SVGChart.render(SweepChart.make(grid)).contains(">72.8%</text>"))
    }

    @Test func aTornadoPutsTheWidestSwingOnTop() throws {
        let (entries, base) = try TornadoChart.readCSV("parameter,low,high,base\nsmall,0.49,0.51,0.5\nwide,0.3,0.7,0.5\nmid,0.45,0.6,0.5\n", path: "t.csv")
        #expect(base == 0.5)
        let chart = TornadoChart.make(title: "t", outcome: "o", entries: entries, base: base, format: .percent,
                                      provenance: ChartProvenance(names: ["t.csv"], sha256: ["0"], seed: nil))
        guard case .tornado(let t) = chart.panels[0].content else { Issue.record("not a tornado"); return }
        #expect(t.entries.map(\.parameter) == ["wide", "mid", "small"])
        #expect(throws: Diagnostic.self) { try TornadoChart.readCSV("parameter,low,high\nx,0.1\n", path: "t.csv") }
        #expect(throws: Diagnostic.self) { try TornadoChart.readCSV("name,low,high\n", path: "t.csv") }
    }

    @Test func observationsAreMarkedByRole() {
        var plot = XYPlot(x: .time(Timeline(start: CalendarMonth(year: 2021, month: 1), step: .month, steps: 24), first: 0, last: 23),
                          y: YAxis(format: .percent))
        plot.lines = [LineSeries(key: "A", values: Array(repeating: 0.5, count: 24), style: 0)]
        plot.observations = [ObservationPoint(step: 12, value: 0.45, role: .fit, label: "fit 45% [seed 003]"),
                             ObservationPoint(step: 20, value: 0.55, role: .check, label: "check 55%")]
        let svg = SVGChart.render(Chart(title: "t", subtitle: "s", summary: "d", provenance: ChartProvenance(names: ["t"], sha256: ["0"], seed: nil),
                                        panels: [Panel(content: .xy(plot))]))
        #expect(svg.contains("<circle cx=") && svg.contains("<title>fit 45% [seed 003]</title>"))
        #expect(svg.contains("fill=\"#FFFFFF\">") && svg.contains("<title>check 55%</title>"))
    }

    /// A scenario's observations reach the chart of their own share and view, and no other.
    @Test func aScenariosObservationsArePointsOnTheChartOfTheirView() throws {
        let text = """
            scenario "Observed"
            timeline 2021-01 to 2022-12 monthly
            segment chips lifetime 1 month
            vendor Intel origin US
            vendor Loongson origin CN
            channel "HK intermediaries" records HK
            share chips: Intel 70%, Loongson 30%
            event "Controls" 2022-01:
              access Intel in chips to 10%
              access Intel via "HK intermediaries" in chips to 50%
            observe sales share recorded origin CN, HK in chips ± 3%: 2022-06 80% [seed 003] fit
            observe sales share origin US in chips ± 5%: 2022-06 45% [FACTS: KSE] check
            """
        let loader = ScenarioLoader(readFile: { _ in Data(text.utf8) })
        let run = try Engine.run(try loader.load(path: "observed.scn").scenario)
        func points(_ view: ChartView) throws -> [ObservationPoint] {
            guard case .xy(let plot) = try RunCharts.make(.lines, runs: [("o", run)], view: view).panels[0].content else { return [] }
            return plot.observations
        }
        let recorded = try points(ChartView(metric: .salesShare, grouping: .recorded))
        #expect(recorded.map(\.step) == [17] && recorded.map(\.value) == [0.8] && recorded.map(\.role) == [.fit])
        #expect(recorded.first?.caption == "CN, HK observed")
        #expect(recorded.first?.label == "sales share recorded origin CN, HK in chips at 2022-06: observed 80.0% ± 3.0% [seed 003] (fit)")
        #expect(try points(ChartView(metric: .salesShare, grouping: .origin)).map(\.role) == [.check])
        #expect(try points(ChartView(metric: .installedShare, grouping: .recorded)).isEmpty)
        let chart = try RunCharts.make(.lines, runs: [("o", run)], view: ChartView(metric: .salesShare, grouping: .recorded))
        #expect(chart.subtitle.hasPrefix("sales share by recorded origin"))
        #expect(SVGChart.render(chart).contains(">CN, HK observed</text>"))
    }
}

@Suite struct TerminalChartTests {
    @Test func itFitsTheTerminalAndLabelsTheLineEnds() throws {
        let chart = try RunCharts.make(.lines, runs: [("run1", try ChartKindTests.run("ofac-easing"))], view: ChartView(grouping: .origin, segment: "telecom"))
        let text = TerminalChart(chart, width: 72, height: 20, color: false).render()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count <= 20)
        #expect(lines.allSatisfy { $0.count <= 72 })
        #expect(lines.contains { $0.hasSuffix("● CN") } && lines.contains { $0.hasSuffix("▲ RU") || $0.hasSuffix("■ RU") || $0.contains(" RU") })
        #expect(lines.contains { $0.contains("1 2022-03 Western vendors leave") })
        let ticks = lines.filter { $0.contains("┤") }.map { $0.prefix { $0 != "┤" }.trimmingCharacters(in: .whitespaces) }
        #expect(ticks == ["75%", "50%", "25%", "0%"])
        #expect(text.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
        let colored = TerminalChart(chart, width: 72, height: 20, color: true).render()
        #expect(colored.contains("\u{1B}[38;5;25m") && !text.contains("\u{1B}"))
    }
}

extension TerminalChartTests {
    /// A narrow, short terminal: the title and the events' key wrap, and the whole chart
    /// leaves a row for the prompt.
    @Test func aSmallTerminalStillFits() throws {
        let chart = try RunCharts.make(.lines, runs: [("run1", try ChartKindTests.run("huawei-substitution"))], view: ChartView(segment: "cloud"))
        let lines = TerminalChart(chart, width: 44, height: 18, color: false).render().split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.allSatisfy { $0.count <= 44 }, "\(lines.filter { $0.count > 44 })")
        #expect(lines.count <= 17)
        #expect(lines.contains { $0.hasSuffix("2 2016-01 State bodies told to replace") })
    }
}

@Suite struct HTMLReportTests {
    static func report(_ names: [String]) throws -> String {
        let loader = ScenarioLoader(readFile: ScenarioLoader.readWholeFile)
        let inputs = try names.map { name in
            let loaded = try loader.load(path: Fixtures.scenarioPath(name))
            return HTMLReport.Input(name: name, result: try Engine.run(loaded.scenario), sourceText: loaded.sources[Fixtures.scenarioPath(name)]?.text)
        }
        return try HTMLReport.render(inputs, view: ChartView(grouping: .origin), fan: .init(runs: 100, seed: 3), threads: 2)
    }

    @Test func aReportHoldsEverySectionAndNoScript() throws {
        let html = try Self.report(["china-chip-share"])
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for part in ["<h2>The question</h2>", "<h2>Charts</h2>", "<h2>Uncertainty: china-chip-share</h2>",
                     "<h2>Tables</h2>", "<h2>Expectations</h2>", "<tr class=\"pass\"><td>pass</td>", "<h2>Sources</h2>",
                     "<details><summary>parameter leakage = 7.31% ~ triangular(4%, 7.31%, 10.62%)</summary>", "<details><summary>event Export controls after the invasion",
                     "href=\"data:text/csv;charset=utf-8,step,date,segment,origin,installed_share", "@media print"] {
            #expect(html.contains(part), "missing \(part)")
        }
        #expect(html.contains("China's share of Russia's semiconductor imports, before and after February 2022."))
        // No script and nothing from the network: the only URL is the SVG namespace's name.
        let outside = html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "")
        #expect(!html.contains("<script") && !outside.contains("http://") && !outside.contains("https://"))
        #expect(try Self.report(["china-chip-share"]) == html)
    }

    /// The header comment's indented lines (the commands that run the file) stay lines of
    /// code; the prose around them stays paragraphs.
    @Test func theQuestionKeepsCommandLinesAsCode() throws {
        let html = try Self.report(["china-chip-share"])
        #expect(html.contains("checks each figure in the view it measures:</p>\n<pre><code>"
                              + "sharesim run scenarios/china-chip-share.scn --by recorded --share sales\n"
                              + "sharesim run scenarios/china-chip-share.scn --by origin --share sales</code></pre>\n"
                              + "<p>chips-brand-only.scn is the one-origin reading, for comparison.</p>"))
    }

    /// A report by origin of the chip scenario also charts and tabulates the shares its
    /// evidence is in: sales share by recorded origin (customs) and by brand origin; a
    /// scenario whose checks are all in the report's view gets nothing more.
    @Test func theReportShowsTheViewsTheEvidenceMeasures() throws {
        let html = try Self.report(["china-chip-share"])
        for part in ["China's chip share of Russian imports — sales share by recorded origin, 2021-01 to 2023-12</title>",
                     "China's chip share of Russian imports — sales share by origin, 2021-01 to 2023-12</title>",
                     "<pre>China's chip share of Russian imports — sales share by recorded origin\n\nchips — Semiconductor imports\nrecorded "] {
            #expect(html.contains(part), "missing \(part)")
        }
        #expect(html.contains("observed 85.0% ± 3.0% [seed 003: about 85% after] (fit)</title>"))
        let plain = try Self.report(["huawei-substitution"])
        #expect(!plain.contains("by recorded origin") && !plain.contains("sales share by"))
    }

    @Test func twoRunsGetAComparison() throws {
        let html = try Self.report(["ofac-easing", "ofac-no-easing"])
        #expect(html.contains("<h2>Comparison</h2>") && html.contains("first divergence"))
        #expect(!html.contains("<h2>Uncertainty"))
        // Every chart's ids are its own in the page.
        #expect(html.contains("id=\"c1-title\"") && html.contains("id=\"c3-title\""))
    }
}
