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
        // Every figure through `RunResult.value(of:…)`, so that an expectation means what a
        // report of the same view shows.
        func level(_ measure: Metric, step k: Int) -> Double {
            r.value(of: measure, view: e.view, keys: e.keys, buyer: e.buyer, segments: e.segments, step: k)
        }
        if e.metric.isGrowth {
            let to = e.toStep ?? e.fromStep
            let rate = r.growth(of: e.metric, view: e.view, keys: e.keys, buyer: e.buyer, segments: e.segments, from: e.fromStep, to: to)
            return Verdict(expectation: e, passed: holds(rate, e), found: rate, step: to)
        }
        var worst: Verdict?
        for k in e.fromStep...(e.toStep ?? e.fromStep) {
            let x = level(e.metric, step: k)
            let ok = holds(x, e)
            if !ok { return Verdict(expectation: e, passed: false, found: x, step: k) }
            if worst == nil { worst = Verdict(expectation: e, passed: true, found: x, step: k) }
        }
        return worst!
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
