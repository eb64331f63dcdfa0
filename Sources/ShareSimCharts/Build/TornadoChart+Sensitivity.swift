import ShareSimCore

extension TornadoChart {
    /// The tornado of a one-at-a-time sensitivity: each parameter's swing from its 10th to its
    /// 90th percentile (an assumption's from −X% to +X% of its value), the others nominal,
    /// around the nominal outcome. Titled as one at a time, since it shows reach alone and
    /// misses interactions (Morris ranks).
    public static func make(oneAtATime s: Sensitivity) -> Chart {
        let range: String
        switch s.factors {
        case .parameters: range = "10th and 90th percentiles"
        case .assumptions(let spread): range = "each assumption ±\(NumberText.percent(spread, decimals: 0)) of its value"
        }
        return make(title: "\(s.scenario.name) — one at a time (\(range))", outcome: s.outcome.text,
                    entries: s.swings.map { Tornado.Entry(parameter: $0.name, low: $0.outcomeLow, high: $0.outcomeHigh) },
                    base: s.nominal, format: SweepChart.format(of: s.outcome), provenance: ChartProvenance(scenarios: [s.scenario]))
    }
}
