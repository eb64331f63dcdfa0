/// Renders a calibration's result: the fitted values and each target's residual.
public enum CalibrationReport {
    /// For people, within `width` columns where the targets allow: a target too long for
    /// its column stands on a line of its own, its figures on the next. Each value is shown
    /// in its unit (`6.526994%`) with the exact double after it.
    public static func text(_ r: ScenarioCalibration.Result, scenario: String, width: Int = 80) -> String {
        var out = "\(scenario) — calibration by \(r.method.rawValue)\n"
        switch r.method {
        case .bisection:
            out += "\(NumberText.counted(r.iterations, "halving")), \(NumberText.counted(r.runs, "run"))\n\n"
        case .leastSquares:
            out += "\(NumberText.counted(r.iterations, "iteration")), \(NumberText.counted(r.runs, "run"))\(r.converged ? "" : "; stopped at the iteration limit before converging")\n\n"
        }
        let nameWidth = max(9, r.parameters.map(\.count).max() ?? 0)
        out += padRight("parameter", nameWidth) + "  value\n"
        for (i, name) in r.parameters.enumerated() {
            let v = r.values[i], unit = r.units[i]
            var shown = NumberText.csv(v)
            if unit != .plain { shown = ValueText.label(v, like: unit) + "  (" + shown + ")" }
            if r.atBound[i] {
                let bound = v == r.bounds[i].lowerBound ? r.bounds[i].lowerBound : r.bounds[i].upperBound
                shown += "  — on the bound \(unit == .plain ? NumberText.csv(bound) : ValueText.label(bound, like: unit))"
            }
            out += padRight(name, nameWidth) + "  " + shown + "\n"
        }
        out += "\n"
        return out + targetTable(r, width: width)
    }

    /// The targets, wanted and found, and their residuals.
    static func targetTable(_ r: ScenarioCalibration.Result, width: Int) -> String {
        let targetTexts = r.targets.map(\.outcome.text)
        let wanted = r.targets.map(\.valueText), found = zip(r.found, r.targets).map { $1.outcome.describe($0) }
        let wantedWidth = max(6, wanted.map(\.count).max() ?? 0), foundWidth = max(5, found.map(\.count).max() ?? 0)
        let residuals = r.targets.indices.map { residualText(r, $0) }
        let residualWidth = max(8, residuals.map(\.count).max() ?? 0)
        let transformed = r.transformedResiduals.map(signed)
        let figuresWidth = 2 + wantedWidth + 2 + foundWidth + 2 + residualWidth + 2 + max(transformName(r).count, transformed.map(\.count).max() ?? 0)
        // The widest target that fits beside the figures sets the column; longer ones go on a line of their own.
        let targetWidth = max(6, targetTexts.map(\.count).filter { $0 + figuresWidth <= width }.max() ?? 0)
        var out = padRight("target", targetWidth) + "  " + padLeft("wanted", wantedWidth) + "  " + padLeft("found", foundWidth) + "  "
            + padLeft("residual", residualWidth) + "  " + transformName(r) + "\n"
        for i in r.targets.indices {
            let fits = targetTexts[i].count <= targetWidth
            if !fits { out += targetTexts[i] + "\n" }
            out += padRight(fits ? targetTexts[i] : "", targetWidth) + "  " + padLeft(wanted[i], wantedWidth) + "  " + padLeft(found[i], foundWidth) + "  "
                + padLeft(residuals[i], residualWidth) + "  " + transformed[i] + "\n"
        }
        return out
    }

    /// The result as JSON, values in model terms.
    public static func json(_ r: ScenarioCalibration.Result, scenario: ResolvedScenario) -> String {
        let doc = JSONValue.object([
            ("format", .string("sharesim-calibration")),
            ("version", .int(1)),
            ("meta", JSONReport.meta(scenario)),
            ("scenario", .string(scenario.name)),
            ("method", .string(r.method == .bisection ? "bisection" : "least_squares")),
            ("iterations", .int(r.iterations)),
            ("runs", .int(r.runs)),
            ("converged", .bool(r.converged)),
            ("parameters", .array(r.parameters.indices.map { i in
                .object([("name", .string(r.parameters[i])), ("value", .number(r.values[i])),
                         ("low", bound(r.bounds[i].lowerBound)), ("high", bound(r.bounds[i].upperBound)),
                         ("at_bound", .bool(r.atBound[i]))])
            })),
            ("targets", .array(r.targets.indices.map { i in
                .object([("outcome", .string(r.targets[i].outcome.text)), ("wanted", .number(r.targets[i].value)),
                         ("found", .number(r.found[i])), ("residual", .number(r.residuals[i])),
                         ("transformed_residual", .number(r.transformedResiduals[i]))])
            })),
        ])
        return doc.pretty + "\n"
    }

    /// A bound, or null for none (a valid range open at that end).
    static func bound(_ x: Double) -> JSONValue { abs(x) < 1e300 ? .number(x) : .null }

    /// `+0.00 points`, `-1.2%/y points`, `+3.1%` of an amount.
    static func residualText(_ r: ScenarioCalibration.Result, _ i: Int) -> String {
        let d = r.residuals[i]
        switch r.targets[i].outcome.metric {
        case .installedShare, .salesShare: return signedPoints(d) + " points"
        case .installedGrowth, .salesGrowth: return signedPoints(d) + " points/y"
        case .installed, .sales:
            let t = r.targets[i].value
            return (d < 0 ? "-" : "+") + NumberText.amount(abs(d)) + " (" + signedPoints(t != 0 ? d / t : 0) + "%)"
        }
    }

    static func transformName(_ r: ScenarioCalibration.Result) -> String {
        let kinds = Set(r.targets.map { t -> String in
            switch t.outcome.metric {
            case .installedShare, .salesShare: return "log-odds"
            case .installed, .sales: return "log ratio"
            case .installedGrowth, .salesGrowth: return "log growth factor"
            }
        })
        return kinds.count == 1 ? kinds.first! : "transformed"
    }

    static func signedPoints(_ d: Double) -> String {
        let x = d * 100
        if x == 0 { return "0.00" }
        if abs(x) < 0.005 { return (x < 0 ? "-" : "+") + ComparisonReport.scientific(abs(x)) }
        return (x < 0 ? "-" : "+") + NumberText.fixed(abs(x), decimals: 2)
    }

    static func signed(_ d: Double) -> String {
        if d == 0 { return "0" }
        if !d.isFinite { return d.description }
        if abs(d) < 0.0005 { return (d < 0 ? "-" : "+") + ComparisonReport.scientific(abs(d)) }
        return (d < 0 ? "-" : "+") + NumberText.fixed(abs(d), decimals: 4)
    }
}
