import ShareSimCore

/// Two runs as lines (A solid, B dashed, one colour per vendor or origin) over a panel of
/// their difference B − A in percentage points, the first divergence marked. The numbers
/// come from `RunComparison`, the analysis `sharesim compare` prints.
package enum CompareChart {
    package static func make(_ a: (name: String, run: RunResult), _ b: (name: String, run: RunResult), view: ChartView,
                            tolerance: Double = 0) throws(Diagnostic) -> Chart {
        let s = a.run.scenario
        let comparison: RunComparison
        do { comparison = try RunComparison(a.run, b.run, metric: view.metric, grouping: view.grouping, tolerance: tolerance) } catch {
            // A comparison only refuses, with one diagnostic saying why.
            throw error.diagnostics.first ?? Diagnostic(.error, "cannot compare the runs", at: nil)
        }
        let steps = try view.steps(in: s.timeline)
        let segments = try view.segments(of: s)
        try view.checkKeys(a.run, segments: segments)
        let x = XAxis.time(s.timeline, first: steps.lowerBound, last: steps.upperBound)
        /// A compared series laid on A's steps: NaN (not drawn) where B has no such date.
        func onSteps(_ values: [Double]) -> [Double] {
            var out = [Double](repeating: .nan, count: steps.count)
            for (i, k) in comparison.stepsA.enumerated() where steps.contains(k) { out[k - steps.lowerBound] = values[i] }
            return out
        }
        var panels: [Panel] = []
        var notes: [String] = []
        for si in segments {
            let segment = s.segments[si]
            let rows = comparison.rows.filter { $0.segment == segment.id && (view.keys.isEmpty || view.keys.contains($0.name)) }
            var levels = XYPlot(x: x, y: YAxis(format: view.format))
            var difference = XYPlot(x: x, y: YAxis(format: view.format == .percent ? .points : .amount))
            for row in rows {
                let style = ChartView.style(of: row.name, in: s, grouping: view.grouping)
                levels.lines.append(LineSeries(key: row.name, values: onSteps(row.a), style: style, pattern: .solid))
                // Unlabelled: A's label names the pair; the key tells B's numbers apart in the chart's data.
                levels.lines.append(LineSeries(key: "\(row.name), \(b.name)", values: onSteps(row.b), style: style, pattern: .dashed, labelled: false))
                difference.lines.append(LineSeries(key: row.name, values: onSteps(row.difference), style: style))
            }
            levels.events = ChartView.events(of: s, segment: segment.id, within: steps)
            difference.events = levels.events.map { EventRule(step: $0.step, label: "") }
            let first = rows.compactMap { row in row.firstDivergence.map { (row, $0) } }
                .filter { steps.contains(comparison.stepsA[$0.1]) }
                .min { $0.1 < $1.1 }
            if let (row, i) = first {
                let k = comparison.stepsA[i]
                let label = "first divergence: \(row.name), \(s.timeline.label(ofStep: k))"
                difference.marks.append(MarkedPoint(x: Double(k), value: row.difference[i], label: label))
                notes.append("in \(segment.id) the runs first differ at \(s.timeline.label(ofStep: k)) (\(row.name))")
            } else {
                notes.append("in \(segment.id) the runs do not differ")
            }
            if let largest = rows.max(by: { $0.maxAbsDifference < $1.maxAbsDifference }), largest.maxAbsDifference > 0 {
                notes.append("the largest difference there is \(difference.y.format.label(largest.differenceAtMax)) (\(largest.name)) at \(comparison.dates[largest.maxAt].prefix(7))")
            }
            panels.append(Panel(title: ChartView.title(of: segment), content: .xy(levels)))
            panels.append(Panel(title: "difference, \(b.name) − \(a.name)", content: .xy(difference), relativeHeight: 0.55))
        }
        let span = "\(s.timeline.label(ofStep: steps.lowerBound)) to \(s.timeline.label(ofStep: steps.upperBound))"
        return Chart(title: "\(a.run.scenario.name) vs \(b.run.scenario.name)", subtitle: "\(view.subtitle), \(span); difference in "
                     + (view.format == .percent ? "percentage points" : "\(s.segments[segments[0]].unit ?? "units")"),
                     summary: "Solid lines: \(a.name); dashed lines: \(b.name). " + notes.joined(separator: "; ") + ".",
                     caption: comparison.dateNote.map { "Note: \($0)." },
                     provenance: ChartProvenance(scenarios: [a.run.scenario, b.run.scenario]), panels: panels,
                     styleKey: [StyleKeyItem(label: a.name, mark: .line(dashed: false)), StyleKeyItem(label: b.name, mark: .line(dashed: true))],
                     columns: 1)
    }
}
