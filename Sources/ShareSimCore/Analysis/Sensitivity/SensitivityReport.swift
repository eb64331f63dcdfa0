/// Renders a `Sensitivity`: a ranked table for people, CSV and JSON for machines. Effects
/// and swings are changes of the outcome, in its own terms (points for a share).
public enum SensitivityReport {
    public static func table(_ s: Sensitivity) -> String {
        var out = "\(s.scenario.name)\n"
        let factor: String, low: String, high: String
        switch s.factors {
        case .parameters:
            (factor, low, high) = ("parameter", "at p10", "at p90")
            out += s.method == .morris
                ? "Morris elementary effects, \(s.trajectories) trajectories (seed \(s.seed)), \(NumberText.counted(s.runs, "run"))\n"
                : "one at a time: each parameter alone at its 10th and 90th percentile, \(NumberText.counted(s.runs, "run"))\n"
        case .assumptions(let spread):
            let by = NumberText.percent(spread, decimals: 0)
            (factor, low, high) = ("assumption", "at −\(by)", "at +\(by)")
            // Labels make the table wide; the prose around it keeps to 80 columns.
            out += Wrap.line(s.method == .morris
                ? "Morris elementary effects of the figures tagged [assumption], each within ±\(by) of its value, "
                    + "\(s.trajectories) trajectories (seed \(s.seed)), \(NumberText.counted(s.runs, "run"))"
                : "one at a time: each figure tagged [assumption] alone at −\(by) and +\(by) of its value, \(NumberText.counted(s.runs, "run"))",
                width: 80, indent: 0) + "\n"
        }
        out += "outcome: \(s.outcome.text) (nominal \(s.outcome.describe(s.nominal)))\n\n"
        // A size reads as an amount (2.4B), not as ten digits.
        func figure(_ x: Double) -> String { abs(x) >= 1e4 ? NumberText.amount(x) : NumberText.fixed(x, decimals: 4) }
        let rows: [[String]]
        let header: [String]
        switch s.method {
        case .morris:
            header = ["rank", factor, "μ*", "95% interval of μ*", "σ", "rank at \(2 * s.trajectories)"]
            rows = s.effects.map { e in
                [String(e.rank), e.name, s.outcome.describe(e.muStar),
                 "\(s.outcome.describe(e.interval.lowerBound)) to \(s.outcome.describe(e.interval.upperBound))",
                 s.outcome.describe(e.sigma), String(e.rankDoubled) + (e.isUnstable ? " (swaps)" : "")]
            }
        case .oat:
            header = [factor, low, "outcome", high, "outcome", "swing"]
            rows = s.swings.map { w in
                [w.name, figure(w.low), s.outcome.describe(w.outcomeLow), figure(w.high),
                 s.outcome.describe(w.outcomeHigh), s.outcome.describe(w.width)]
            }
        }
        let widths = header.indices.map { c in ([header[c]] + rows.map { $0[c] }).map(\.count).max()! }
        func line(_ cells: [String]) -> String {
            // Names read from the left, figures line up on the right.
            cells.indices.map { c in
                let pad = String(repeating: " ", count: widths[c] - cells[c].count)
                return c == (s.method == .oat ? 0 : 1) ? cells[c] + pad : pad + cells[c]
            }
                .joined(separator: "  ") + "\n"
        }
        out += line(header)
        for r in rows { out += line(r) }
        out = out.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
        if !s.unvaried.isEmpty {
            out += "\n" + Wrap.line("Not varied, at 0 (no share of 0 moves it): \(s.unvaried.joined(separator: "; ")).", width: 80, indent: 0) + "\n"
        }
        if case .assumptions = s.factors {
            out += "\nShares and buyer weights varied keep their segment summing to 100%:\nthe segment's others are scaled together.\n"
        }
        if s.method == .morris {
            out += "\nμ*: mean size of the outcome's change when the \(factor) moves across half its \(s.factors == .parameters ? "distribution" : "range");\n"
            out += "σ: how much that change depends on the other \(factor)s.\n"
            if s.effects.contains(where: \.isUnstable) {
                out += "(swaps): the rank differs with twice the trajectories; the ranking is not settled, add --trajectories.\n"
            }
        } else {
            out += "\nOne at a time shows each \(factor)'s reach alone; it misses interactions: rank with Morris, the default method.\n"
        }
        return out
    }

    public static func csv(_ s: Sensitivity) -> String {
        switch s.method {
        case .morris:
            return "parameter,rank,mu_star,mu_star_low,mu_star_high,sigma,rank_doubled\n" + s.effects.map { e in
                [CSVReport.csvField(e.name), String(e.rank), NumberText.csv(e.muStar), NumberText.csv(e.interval.lowerBound),
                 NumberText.csv(e.interval.upperBound), NumberText.csv(e.sigma), String(e.rankDoubled)].joined(separator: ",") + "\n"
            }.joined()
        case .oat:
            return "parameter,low,outcome_low,high,outcome_high,swing\n" + s.swings.map { w in
                [CSVReport.csvField(w.name), NumberText.csv(w.low), NumberText.csv(w.outcomeLow), NumberText.csv(w.high),
                 NumberText.csv(w.outcomeHigh), NumberText.csv(w.width)].joined(separator: ",") + "\n"
            }.joined()
        }
    }

    public static func json(_ s: Sensitivity) -> String {
        let doc = JSONValue.object([
            ("format", .string("sharesim-sensitivity")),
            ("version", .int(1)),
            ("meta", JSONReport.meta(s.scenario)),
            ("method", .string(s.method.rawValue)),
            ("varied", .string(s.factors == .parameters ? "parameters" : "assumptions")),
            ("spread", { if case .assumptions(let x) = s.factors { return .number(x) } else { return .null } }()),
            ("not_varied", .array(s.unvaried.map { .string($0) })),
            ("outcome", .string(s.outcome.text)),
            ("nominal", .number(s.nominal)),
            ("seed", .string(String(s.seed))),
            ("trajectories", .int(s.trajectories)),
            ("runs", .int(s.runs)),
            ("effects", .array(s.effects.map { e in
                .object([("parameter", .string(e.name)), ("rank", .int(e.rank)), ("mu_star", .number(e.muStar)),
                         ("mu_star_interval", .array([.number(e.interval.lowerBound), .number(e.interval.upperBound)])),
                         ("sigma", .number(e.sigma)), ("rank_doubled", .int(e.rankDoubled))])
            })),
            ("swings", .array(s.swings.map { w in
                .object([("parameter", .string(w.name)), ("low", .number(w.low)), ("outcome_low", .number(w.outcomeLow)),
                         ("high", .number(w.high)), ("outcome_high", .number(w.outcomeHigh))])
            })),
        ])
        return doc.pretty + "\n"
    }
}
