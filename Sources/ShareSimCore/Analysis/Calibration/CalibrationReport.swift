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
        let residuals = r.targets.indices.map { residualText(r.residuals[$0], metric: r.targets[$0].outcome.metric, wanted: r.targets[$0].value) }
        return rows("target", r.targets.map(\.outcome.text), figures: [
            ("wanted", r.targets.map(\.valueText)),
            ("found", zip(r.found, r.targets).map { $1.outcome.describe($0) }),
            ("residual", residuals),
            (transformName(r), r.transformedResiduals.map(signed)),
        ], width: width)
    }

    /// A table of labels and their figures within `width` columns where the labels allow:
    /// the widest label that fits beside the figures sets the first column, and a longer
    /// one stands on a line of its own, its figures on the next. Figures are right-aligned,
    /// the last column left-aligned (it has no column after it to line up with), unless
    /// `leftAligned` says every column is text to read rather than figures to compare.
    static func rows(_ header: String, _ labels: [String], figures: [(header: String, cells: [String])], width: Int,
                     leftAligned: Bool = false) -> String {
        let widths = figures.map { f in max(DisplayWidth.of(f.header), f.cells.map(DisplayWidth.of).max() ?? 0) }
        let figuresWidth = widths.reduce(0) { $0 + 2 + $1 }
        let labelWidth = max(DisplayWidth.of(header), labels.map(DisplayWidth.of).filter { $0 + figuresWidth <= width }.max() ?? 0)
        func line(_ label: String, _ cells: [String]) -> String {
            var out = padRight(label, labelWidth)
            for (k, cell) in cells.enumerated() {
                out += "  " + (k == cells.count - 1 ? cell : leftAligned ? padRight(cell, widths[k]) : padLeft(cell, widths[k]))
            }
            return out + "\n"
        }
        var out = line(header, figures.map(\.header))
        for (i, label) in labels.enumerated() {
            let fits = DisplayWidth.of(label) <= labelWidth
            if !fits { out += label + "\n" }
            out += line(fits ? label : "", figures.map { $0.cells[i] })
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

    /// `+0.00 points`, `-1.20 points/y`, `+3.1M (+2.00%)` of an amount: found − wanted in
    /// the figure's own terms.
    static func residualText(_ d: Double, metric: Metric, wanted: Double) -> String {
        switch metric {
        case .installedShare, .salesShare: return signedPoints(d) + " points"
        case .installedGrowth, .salesGrowth: return signedPoints(d) + " points/y"
        case .installed, .sales:
            return (d < 0 ? "-" : "+") + NumberText.amount(abs(d)) + " (" + signedPoints(wanted != 0 ? d / wanted : 0) + "%)"
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
