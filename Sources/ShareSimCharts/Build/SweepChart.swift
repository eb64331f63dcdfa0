import ShareSimCore

/// A sweep's outcome against the swept value (one parameter), or a heat map of it over
/// a grid of two. The values are those `Sweep.run` computed for `sharesim sweep`.
public enum SweepChart {
    public static func make(_ sweep: Sweep) -> Chart {
        let outcome = format(of: sweep.outcome)
        let s = sweep.scenario
        let panel: Panel
        var summary: String
        if sweep.axes.count == 1 {
            let axis = sweep.axes[0]
            var plot = XYPlot(x: .values(name: axis.name, values: axis.values, format: format(ofLabels: axis.labels)),
                              y: YAxis(format: outcome, includesZero: false))
            plot.lines = [LineSeries(key: sweep.outcome.text, values: sweep.values, style: 0, labelled: false, dotted: true)]
            panel = Panel(title: nil, content: .xy(plot))
            summary = "The outcome \(sweep.outcome.text) for \(axis.name) from \(axis.labels.first ?? "") to \(axis.labels.last ?? ""): "
            summary += "from \(sweep.outcome.describe(sweep.values.first ?? .nan)) to \(sweep.outcome.describe(sweep.values.last ?? .nan))."
        } else {
            let map = HeatMap(rowName: sweep.axes[0].name, rowLabels: sweep.axes[0].labels, columnName: sweep.axes[1].name,
                              columnLabels: sweep.axes[1].labels, values: sweep.values, format: outcome)
            panel = Panel(title: nil, content: .heatMap(map))
            let finite = sweep.values.filter(\.isFinite)
            summary = "A grid of the outcome \(sweep.outcome.text) over \(sweep.axes[0].name) (rows) and \(sweep.axes[1].name) (columns): "
            summary += "from \(sweep.outcome.describe(finite.min() ?? .nan)) to \(sweep.outcome.describe(finite.max() ?? .nan))."
        }
        return Chart(title: s.name, subtitle: "\(sweep.outcome.text), over \(sweep.axes.map(\.name).joined(separator: " × ")) (\(NumberText.counted(sweep.values.count, "run")))",
                     summary: summary, provenance: ChartProvenance(scenarios: [s]), panels: [panel])
    }

    /// How an outcome's values read: shares as percentages, growth per year, amounts.
    static func format(of outcome: ScenarioOutcome) -> ValueFormat {
        outcome.metric.isShare ? .percent : outcome.metric.isGrowth ? .percentPerYear : .amount
    }

    /// A swept parameter's values read as they were written: `2%` as percentages, `0.5/y` per year.
    static func format(ofLabels labels: [String]) -> ValueFormat {
        if labels.contains(where: { $0.hasSuffix("%/y") }) { return .percentPerYear }
        if labels.contains(where: { $0.hasSuffix("%") }) { return .percent }
        return .plain
    }
}
