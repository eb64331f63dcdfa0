/// Renders a fit to a scenario's observations: the fitted values with their intervals, each
/// fitted observation's residual, and apart from them the held-out checks' errors, which say
/// how well the fit predicts what it was not fitted to.
public enum ObservationFitReport {
    /// For people, within `width` columns where the observations' names allow.
    public static func text(_ r: ObservationFit.Result, scenario: ResolvedScenario, width: Int = 80) -> String {
        let timeline = scenario.timeline
        var out = "\(scenario.name) — calibration to its \(NumberText.counted(r.fitted.count, "fit observation"))\n"
        out += "weighted least squares, \(weightingText(r.weighting))\n"
        out += "\(NumberText.counted(r.iterations, "iteration")), \(NumberText.counted(r.runs, "run"))"
        out += r.converged ? "\n\n" : "; stopped at the iteration limit before converging\n\n"

        out += CalibrationReport.rows("parameter", r.parameters, figures: [
            ("value", r.parameters.indices.map { ValueText.label(r.values[$0], like: r.units[$0]) + (r.atBound[$0] ? " (on a bound)" : "") }),
            ("95% interval", r.parameters.indices.map { intervalText(r, $0) }),
            ("exact", r.values.map(NumberText.csv)),
        ], width: width, leftAligned: true)
        if r.intervals.contains(where: { $0.map { $0.low.open || $0.high.open } ?? false }) {
            out += "≤ or ≥: the interval reaches the parameter's bound; the observations do not rule out values beyond it\n"
        }
        out += "\n"

        let fitted = r.fitted.map(\.observation)
        var figures: [(header: String, cells: [String])] = [
            ("observed", fitted.map { $0.format($0.value) }),
            ("found", r.fitted.map { $0.observation.format($0.found) }),
            ("residual", r.fitted.map { CalibrationReport.residualText($0.residual, metric: $0.observation.measure, wanted: $0.observation.value) }),
        ]
        if r.weighting == .uncertainty {
            figures.insert(("σ", fitted.map { $0.format($0.uncertainty ?? 0) }), at: 1)
            figures.append(("residual/σ", r.fitted.map { CalibrationReport.signed($0.weighted) }))
        }
        out += CalibrationReport.rows("fitted", fitted.map { $0.describe(timeline: timeline) }, figures: figures, width: width)
        out += "weighted sum of squares \(number(r.sumOfSquares))"
        out += " (\(NumberText.counted(r.fitted.count, "observation")), \(NumberText.counted(r.parameters.count, "parameter")))\n\n"

        guard !r.checks.isEmpty else {
            return out + "no check observations: nothing was held out to test the fit against\n"
        }
        let checks = r.checks.map(\.observation)
        out += CalibrationReport.rows("held out (check)", checks.map { $0.describe(timeline: timeline) }, figures: [
            ("observed", checks.map { $0.format($0.value) }),
            ("±", checks.map { $0.uncertainty.map($0.format) ?? "—" }),
            ("found", r.checks.map { $0.observation.format($0.found) }),
            ("error", r.checks.map { CalibrationReport.residualText($0.error, metric: $0.observation.measure, wanted: $0.observation.value) }),
            ("within ±", r.checks.map { $0.passed ? "yes" : "no" }),
        ], width: width)
        let within = r.checks.filter(\.passed).count
        return out + "\(within) of \(NumberText.counted(r.checks.count, "check")) within \(r.checks.count == 1 ? "its" : "their") uncertainty\n"
    }

    /// How the residuals were weighted, in words.
    static func weightingText(_ w: ObservationFit.Weighting) -> String {
        switch w {
        case .uncertainty: return "residuals divided by each observation's σ (its ±)"
        case .equal: return "equal weights: no fit observation gives a σ (±)"
        }
    }

    /// `5.12% .. 9.87%`, `≤ 1% .. 9.87%` for an end on a bound, or why there is none.
    static func intervalText(_ r: ObservationFit.Result, _ i: Int) -> String {
        guard let interval = r.intervals[i] else { return "none: no more observations than parameters" }
        let unit = r.units[i]
        func end(_ e: ProfileInterval.End, _ mark: String) -> String {
            guard e.value.isFinite else { return e.value < 0 ? "-∞" : "∞" }
            return (e.open ? mark + " " : "") + ValueText.label(e.value, like: unit)
        }
        return end(interval.low, "≤") + " .. " + end(interval.high, "≥")
    }

    /// A sum of squares: four decimals, or two significant digits when smaller than that shows.
    static func number(_ x: Double) -> String {
        if x != 0, abs(x) < 0.0005 { return ComparisonReport.scientific(x) }
        return NumberText.fixed(x, decimals: 4)
    }

    /// The result as JSON, values in model terms (a share as a fraction); see docs/commands.md.
    public static func json(_ r: ObservationFit.Result, scenario: ResolvedScenario) -> String {
        let timeline = scenario.timeline
        func located(_ o: Observation) -> JSONValue { o.location.map { .string($0.description) } ?? .null }
        func observation(_ o: Observation) -> [(String, JSONValue)] {
            [("observation", .string(o.describe(timeline: timeline))), ("measure", .string(o.measure.rawValue)),
             ("segment", .string(o.segment)), ("from", o.from.map { .string(timeline.label(ofStep: $0)) } ?? .null),
             ("date", .string(timeline.label(ofStep: o.at))), ("observed", .number(o.value)),
             ("uncertainty", o.uncertainty.map { .number($0) } ?? .null), ("source", o.source.map { .string($0) } ?? .null),
             ("location", located(o))]
        }
        func end(_ e: ProfileInterval.End) -> JSONValue { e.value.isFinite ? .number(e.value) : .null }
        let doc = JSONValue.object([
            ("format", .string("sharesim-observation-fit")),
            ("version", .int(1)),
            ("meta", JSONReport.meta(scenario)),
            ("scenario", .string(scenario.name)),
            ("method", .string("weighted_least_squares")),
            ("weighting", .string(r.weighting.rawValue)),
            ("iterations", .int(r.iterations)),
            ("runs", .int(r.runs)),
            ("converged", .bool(r.converged)),
            ("sum_of_squares", .number(r.sumOfSquares)),
            ("interval_threshold", r.threshold.map { .number($0) } ?? .null),
            ("parameters", .array(r.parameters.indices.map { i in
                .object([("name", .string(r.parameters[i])), ("value", .number(r.values[i])),
                         ("low", CalibrationReport.bound(r.bounds[i].lowerBound)), ("high", CalibrationReport.bound(r.bounds[i].upperBound)),
                         ("at_bound", .bool(r.atBound[i])),
                         ("interval", r.intervals[i].map { v in
                             .object([("low", end(v.low)), ("low_open", .bool(v.low.open)), ("high", end(v.high)), ("high_open", .bool(v.high.open))])
                         } ?? .null)])
            })),
            ("fit", .array(r.fitted.map { f in
                .object(observation(f.observation) + [("found", .number(f.found)), ("residual", .number(f.residual)),
                                                      ("weighted_residual", .number(f.weighted))])
            })),
            ("checks", .array(r.checks.map { c in
                .object(observation(c.observation) + [("found", .number(c.found)), ("error", .number(c.error)), ("within", .bool(c.passed))])
            })),
        ])
        return doc.pretty + "\n"
    }
}
