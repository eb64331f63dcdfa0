/// Compares a run with a scenario's observations: `check` observations pass when the run is
/// within their uncertainty of the observed value; `fit` observations are data for
/// calibration, and their errors are reported as information only.
public enum ObservationChecker {
    public struct Verdict: Sendable {
        public var observation: Observation
        /// The run's value of the observed figure.
        public var found: Double
        /// `found − observed`, in the observation's unit (share points as a fraction).
        public var error: Double { found - observation.value }
        /// Whether a `check` is within its tolerance; a `fit` always passes.
        public var passed: Bool
    }

    public static func check(_ r: RunResult) -> [Verdict] {
        r.scenario.observations.map { check($0, in: r) }
    }

    public static func check(_ o: Observation, in r: RunResult) -> Verdict {
        let found = value(of: o, in: r)
        let tolerance = o.uncertainty ?? 0
        let within = found.isFinite && abs(found - o.value) <= tolerance + 1e-12 * max(1, abs(o.value))
        return Verdict(observation: o, found: found, passed: o.role == .fit || within)
    }

    /// The run's value of the observed figure: a level at its date, or a growth rate over its period.
    static func value(of o: Observation, in r: RunResult) -> Double {
        o.from.map { r.growth(of: o.measure, view: o.view, keys: o.keys, buyer: o.buyer, segments: [o.segment], from: $0, to: o.at) }
            ?? r.value(of: o.measure, view: o.view, keys: o.keys, buyer: o.buyer, segments: [o.segment], step: o.at)
    }

    /// The error as a signed figure: `+2.1 points` for a share, `-0.4 points a year` for a
    /// growth rate, `-3.0M` for an amount.
    package static func formatError(_ e: Double, for o: Observation) -> String {
        guard e.isFinite else { return "undefined" }
        let sign = e < 0 ? "-" : "+"
        if o.measure.isGrowth { return "\(sign)\(NumberText.fixed(abs(e) * 100, decimals: 1)) points a year" }
        return o.measure.isShare ? "\(sign)\(NumberText.fixed(abs(e) * 100, decimals: 1)) points" : sign + NumberText.amount(abs(e))
    }

    /// One observation's line in `test`'s report: what, observed, found, error, and for a
    /// check its tolerance and verdict.
    public static func line(_ o: Verdict, timeline: Timeline) -> String {
        let obs = o.observation
        var text = "\(obs.role.rawValue) \(obs.describe(timeline: timeline)): observed \(obs.format(obs.value))"
        if let u = obs.uncertainty { text += " ± \(obs.format(u))" }
        text += ", run \(obs.format(o.found)), error \(formatError(o.error, for: obs))"
        if let s = obs.source { text += "  [\(s)]" }
        return text
    }

    /// A failed check as a diagnostic pointing at the observed value.
    public static func diagnostic(_ o: Verdict, timeline: Timeline) -> Diagnostic {
        let obs = o.observation
        return Diagnostic(.error, "observation not matched: the run gives \(obs.format(o.found)), observed \(obs.format(obs.value)) ± \(obs.format(obs.uncertainty ?? 0))",
                          at: obs.location, notes: ["\(obs.describe(timeline: timeline)): error \(formatError(o.error, for: obs))"])
    }
}
