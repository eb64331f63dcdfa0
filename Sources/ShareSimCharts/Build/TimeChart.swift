import ShareSimCore

/// Share over time for one run: `lines` (one line per vendor or origin, labelled at its
/// end) or `area` (stacked shares summing to 100%); one panel per segment.
package enum TimeChart {
    package enum Kind: String, Sendable, CaseIterable { case lines, area }

    package static func make(_ kind: Kind, run: RunResult, view: ChartView) throws(Diagnostic) -> Chart {
        let s = run.scenario
        if kind == .area, view.metric != .installedShare, view.metric != .salesShare {
            throw Diagnostic(.error, "an area chart stacks shares; \(view.subtitle) does not sum to a whole", at: nil,
                             help: ["use --kind lines for amounts"])
        }
        let steps = try view.steps(in: s.timeline)
        let segments = try view.segments(of: s)
        try view.checkKeys(run, segments: segments)
        var panels: [Panel] = []
        var endings: [String] = []
        for si in segments {
            let segment = s.segments[si]
            var plot = XYPlot(x: .time(s.timeline, first: steps.lowerBound, last: steps.upperBound),
                              y: YAxis(format: view.format, fixed: kind == .area ? 0...1 : nil))
            let rows = view.rows(run, segment: si)
            // In the buyer view a vendor has a line per group: the group names it.
            let series = rows.map { row in
                LineSeries(key: row.buyer.map { "\($0) \(row.name)" } ?? row.name, values: Array(row.values(view.metric)[steps]),
                           style: ChartView.style(of: row.name, in: s, grouping: view.grouping))
            }
            if kind == .lines { plot.lines = series } else { plot.stack = series }
            plot.events = ChartView.events(of: s, segment: segment.id, within: steps)
            plot.observations = ChartView.observations(of: s, segment: segment.id, within: steps, view: view)
            panels.append(Panel(title: ChartView.title(of: segment), content: .xy(plot)))
            if let top = series.max(by: { ($0.values.last ?? 0) < ($1.values.last ?? 0) }) {
                endings.append("in \(segment.id), \(top.key) ends highest at \(view.format.label(top.values.last ?? 0))")
            }
        }
        let span = "\(s.timeline.label(ofStep: steps.lowerBound)) to \(s.timeline.label(ofStep: steps.upperBound))"
        let what = kind == .lines ? "Lines of" : "Stacked areas of"
        return Chart(title: s.name, subtitle: "\(view.subtitle), \(span)" + (kind == .area ? ", stacked" : ""),
                     summary: "\(what) \(view.subtitle) from \(span); " + endings.joined(separator: "; ") + ".",
                     provenance: ChartProvenance(scenarios: [s]), panels: panels)
    }
}
