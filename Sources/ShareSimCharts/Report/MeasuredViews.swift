import ShareSimCore

/// The views a report shows besides the one asked for: each share and view the scenario's
/// expectations and observations measure, in the segments they measure, and the
/// recorded-origin view when the scenario has channels. A report by vendor of a scenario
/// whose evidence is customs data (recorded origin) would otherwise never show the figures
/// the scenario is checked against, nor the observations drawn on them.
enum MeasuredViews {
    /// One chart view per view, share and segment, in the order views are listed
    /// (`ShareView.allCases`), installed share before sales share, segments in the scenario's order.
    static func of(_ s: ResolvedScenario, besides main: ChartView) -> [ChartView] {
        var segmentsOf: [Key: Set<String>] = [:]
        func add(_ view: ShareView, _ measure: Metric, _ segments: [String]) {
            // Growth and amounts are no share to draw; the view asked for is drawn already.
            guard measure.isShare else { return }
            let key = Key(view: view, metric: measure == .salesShare ? .salesShare : .installedShare)
            guard key.view != main.grouping || key.metric != main.metric else { return }
            segmentsOf[key, default: []].formUnion(segments)
        }
        for e in s.expectations { add(e.view, e.metric, e.segments) }
        for o in s.observations { add(o.view, o.measure, [o.segment]) }
        if !s.channels.isEmpty, !segmentsOf.keys.contains(where: { $0.view == .recorded }) {
            add(.recorded, main.metric.measure, s.segments.map(\.id))
        }
        var out: [ChartView] = []
        for view in ShareView.allCases {
            for metric in [SeriesMetric.installedShare, .salesShare] {
                guard let segments = segmentsOf[Key(view: view, metric: metric)] else { continue }
                for segment in s.segments where segments.contains(segment.id) {
                    out.append(ChartView(metric: metric, grouping: view, segment: segment.id))
                }
            }
        }
        return out
    }

    private struct Key: Hashable {
        var view: ShareView
        var metric: SeriesMetric
    }
}
