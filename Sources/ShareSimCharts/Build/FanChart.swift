import ShareSimCore

/// A Monte Carlo fan the Bank of England way: for each row of the view (a vendor, origin,
/// channel, recorded origin, or vendor within a buyer group), the median line and nested
/// bands (5th–95th, 25th–75th percentile …), darker inwards, with a caption that says what
/// the bands are: ranges of model outcomes under the sampled assumptions, not confidence
/// intervals. One panel per row, on one scale.
package enum FanChart {
    /// `fan` is what `MonteCarloRequest` gives, with every step among its dates.
    package static func make(_ s: ResolvedScenario, _ fan: MonteCarloBands, view: ChartView) throws(Diagnostic) -> Chart {
        let batch = fan.batch
        let steps = try view.steps(in: s.timeline)
        let segments = try view.segments(of: s)
        let entities = batch.entities.indices.filter { e in
            segments.contains(batch.entities[e].segment) && (view.keys.isEmpty || view.keys.contains(batch.entities[e].name))
        }
        guard !entities.isEmpty else {
            let known = batch.entities.filter { segments.contains($0.segment) }.map(\.name)
            throw Diagnostic(.error, "none of \(view.keys.joined(separator: ", ")) is a \(view.grouping.rawValue) here", at: nil,
                             help: ["give one of: \(known.joined(separator: ", "))"])
        }
        let bands = batch.bands, B = bands.count, rows = batch.entities.count
        let percent = bands.map { Double($0.text) ?? 0 }
        func series(_ e: Int, _ b: Int) -> [Double] {
            steps.map { k in fan.values[(k * rows + e) * B + b] }
        }
        let pairs = (0..<B / 2).map { ($0, B - 1 - $0) }.filter { percent[$0.0] < 50 && percent[$0.1] > 50 }
        let median = percent.firstIndex(of: 50)
        let opacity: (Int) -> Double = { i in 0.16 + 0.22 * Double(i) }
        var panels: [Panel] = []
        for e in entities {
            let entity = batch.entities[e]
            let style = ChartView.style(of: entity.name, in: s, grouping: view.grouping)
            var plot = XYPlot(x: .time(s.timeline, first: steps.lowerBound, last: steps.upperBound), y: YAxis(format: view.format))
            plot.bands = pairs.enumerated().map { i, pair in
                BandSeries(lower: series(e, pair.0), upper: series(e, pair.1), style: style, opacity: opacity(i),
                           label: "\(bands[pair.0].label)–\(bands[pair.1].label)")
            }
            if let median { plot.lines = [LineSeries(key: "median", values: series(e, median), style: style, pattern: .solid, labelled: false)] }
            plot.events = ChartView.events(of: s, segment: s.segments[entity.segment].id, within: steps)
            let segmentNote = segments.count > 1 ? " in \(s.segments[entity.segment].id)" : ""
            let name = entity.buyer.map { "\(entity.name) for \($0)" } ?? entity.name
            panels.append(Panel(title: name + segmentNote, content: .xy(plot)))
        }
        let ordinal: (Double, String) -> String = { p, text in
            let whole = p.rounded() == p ? Int(p) : -1
            let suffix = whole < 0 ? "th" : (whole % 100 >= 11 && whole % 100 <= 13) ? "th" : ["th", "st", "nd", "rd", "th", "th", "th", "th", "th", "th"][whole % 10]
            return text + suffix
        }
        let ranges = pairs.map { "\(ordinal(percent[$0.0], bands[$0.0].text)) to \(ordinal(percent[$0.1], bands[$0.1].text))" }
        let runs = NumberText.counted(batch.runs, "run")
        let uncertain = batch.parameters.filter { $0.distribution != nil }.map { "\($0.name) ~ \($0.shown ?? $0.distribution!)" }
        let caption = "The shaded bands are ranges of model outcomes under the sampled assumptions (\(uncertain.isEmpty ? "no parameter is uncertain" : uncertain.joined(separator: "; "))), "
            + "not confidence intervals: they say what the assumptions imply, not how likely the real outcome is to fall inside them. "
            + "Bands, outermost first: the \(ranges.joined(separator: ", the ")) percentile of \(runs) (seed \(batch.seedText))"
            + (median != nil ? "; the line is the median." : ".")
        var key: [StyleKeyItem] = pairs.enumerated().map { i, pair in
            StyleKeyItem(label: "\(bands[pair.0].label)–\(bands[pair.1].label)", mark: .band(opacity: opacity(i)))
        }
        if median != nil { key.append(StyleKeyItem(label: "median", mark: .line(dashed: false))) }
        let span = "\(s.timeline.label(ofStep: steps.lowerBound)) to \(s.timeline.label(ofStep: steps.upperBound))"
        return Chart(title: s.name, subtitle: "\(view.subtitle), \(span), Monte Carlo fan of \(runs)",
                     summary: "Fan chart of \(view.subtitle) for \(entities.map { batch.entities[$0].name }.joined(separator: ", ")): "
                        + "the median of \(runs) and the ranges that hold the middle runs. " + caption,
                     caption: caption, provenance: ChartProvenance(scenarios: [s], seed: batch.seed), panels: panels, styleKey: key)
    }
}
