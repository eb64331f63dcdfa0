import Foundation

/// Evaluates a scenario's `expect` lines against a run.
public enum ExpectationChecker {
    /// How one `expect` line came out: whether it held, and the figure that decided it.
    public struct Verdict: Sendable {
        public var expectation: Expectation
        public var passed: Bool
        /// The value found (the worst one, over a range of dates).
        public var found: Double
        public var step: Int
    }

    public static func check(_ r: RunResult) -> [Verdict] {
        r.scenario.expectations.map { check($0, in: r) }
    }

    public static func check(_ e: Expectation, in r: RunResult) -> Verdict {
        if e.metric.isGrowth {
            let to = e.toStep ?? e.fromStep
            let selection = Selection(e, in: r)
            let a = selection.level(e.metric == .salesGrowth ? .sales : .installed, step: e.fromStep)
            let b = selection.level(e.metric == .salesGrowth ? .sales : .installed, step: to)
            let years = Double(to - e.fromStep) * r.scenario.timeline.step.years
            let rate = a > 0 && years > 0 ? pow(b / a, 1 / years) - 1 : .nan
            return Verdict(expectation: e, passed: holds(rate, e), found: rate, step: to)
        }
        let metric: SeriesMetric
        switch e.metric {
        case .installedShare: metric = .installedShare
        case .salesShare: metric = .salesShare
        case .installed: metric = .installed
        default: metric = .sales
        }
        var worst: Verdict?
        let selection = Selection(e, in: r)
        for k in e.fromStep...(e.toStep ?? e.fromStep) {
            let x = selection.level(metric, step: k)
            let ok = holds(x, e)
            if !ok { return Verdict(expectation: e, passed: false, found: x, step: k) }
            if worst == nil { worst = Verdict(expectation: e, passed: true, found: x, step: k) }
        }
        return worst!
    }

    /// What an expectation adds up, worked out once rather than at every step of a range: its
    /// segments' series and which of their members it selects.
    struct Selection {
        let parts: [(series: SegmentSeries, selected: [Bool])]

        init(_ e: Expectation, in r: RunResult) {
            let vendors = Set(e.vendors)
            parts = r.segments.filter { e.segments.contains(r.scenario.segments[$0.segmentIndex].id) }.map { series in
                (series, series.vendors.map { vendors.contains(r.scenario.vendors[$0].id) })
            }
        }

        /// The selected vendors' figure at a step, summed over the selected segments; shares
        /// are the selected vendors' part of the segments' total. Summed in member order
        /// within segment order, always, so the result is the same bits.
        func level(_ metric: SeriesMetric, step k: Int) -> Double {
            let useSales = metric == .sales || metric == .salesShare
            var part = 0.0, whole = 0.0
            for (series, selected) in parts {
                for j in selected.indices {
                    let x = useSales ? series.value(.sales, step: k, member: j) : series.value(.installed, step: k, member: j)
                    whole += x
                    if selected[j] { part += x }
                }
            }
            switch metric {
            case .installed, .sales: return part
            case .installedShare, .salesShare: return whole > 0 ? part / whole : 0
            }
        }
    }

    static func holds(_ x: Double, _ e: Expectation) -> Bool {
        guard x.isFinite else { return false }
        let slack = 1e-12 * max(1, abs(e.value))
        switch e.comparison {
        case .less: return x < e.value + e.tolerance
        case .lessOrEqual: return x <= e.value + e.tolerance + slack
        case .greater: return x > e.value - e.tolerance
        case .greaterOrEqual: return x >= e.value - e.tolerance - slack
        case .equal: return abs(x - e.value) <= e.tolerance + slack
        }
    }

    /// `35.2%`, `51.3%/y`, `1.2B`: a found value in the expectation's own terms.
    public static func describe(_ x: Double, for e: Expectation) -> String {
        if !x.isFinite { return "undefined (nothing to compare at the first date)" }
        if e.metric.isGrowth { return NumberText.percent(x) + "/y" }
        if e.metric.isShare { return NumberText.percent(x) }
        return NumberText.amount(x)
    }

    /// A failed expectation as a diagnostic pointing at its line.
    public static func diagnostic(_ o: Verdict, timeline: Timeline) -> Diagnostic {
        let when = timeline.label(ofStep: o.step)
        return Diagnostic(.error, "expectation failed: found \(describe(o.found, for: o.expectation)) at \(when)",
                          at: o.expectation.location, notes: ["expected: \(o.expectation.text)"])
    }
}
