/// Renders a `Sensitivity`: a ranked table for people, CSV and JSON for machines. Effects
/// and swings are changes of the outcome, in its own terms (points for a share).
public enum SensitivityReport {
    public static func table(_ s: Sensitivity) -> String {
        var out = "\(s.scenario.name)\n" + (s.method == .morris
            ? "Morris elementary effects, \(s.trajectories) trajectories (seed \(s.seed)), \(NumberText.counted(s.runs, "run"))\n"
            : "one at a time: each parameter alone at its 10th and 90th percentile, \(NumberText.counted(s.runs, "run"))\n")
        out += "outcome: \(s.outcome.text) (nominal \(s.outcome.describe(s.nominal)))\n\n"
        let rows: [[String]]
        let header: [String]
        switch s.method {
        case .morris:
            header = ["rank", "parameter", "μ*", "95% interval of μ*", "σ", "rank at \(2 * s.trajectories)"]
            rows = s.effects.map { e in
                [String(e.rank), e.name, s.outcome.describe(e.muStar),
                 "\(s.outcome.describe(e.interval.lowerBound)) to \(s.outcome.describe(e.interval.upperBound))",
                 s.outcome.describe(e.sigma), String(e.rankDoubled) + (e.isUnstable ? " (swaps)" : "")]
            }
        case .oat:
            header = ["parameter", "at p10", "outcome", "at p90", "outcome", "swing"]
            rows = s.swings.map { w in
                [w.name, NumberText.fixed(w.low, decimals: 4), s.outcome.describe(w.outcomeLow), NumberText.fixed(w.high, decimals: 4),
                 s.outcome.describe(w.outcomeHigh), s.outcome.describe(w.width)]
            }
        }
        let widths = header.indices.map { c in ([header[c]] + rows.map { $0[c] }).map(\.count).max()! }
        func line(_ cells: [String]) -> String {
            // Names read from the left, figures line up on the right.
            cells.indices.map { c in
                let pad = String(repeating: " ", count: widths[c] - cells[c].count)
                return c == 1 || (s.method == .oat && c == 0) ? cells[c] + pad : pad + cells[c]
            }
                .joined(separator: "  ") + "\n"
        }
        out += line(header)
        for r in rows { out += line(r) }
        out = out.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
        if s.method == .morris {
            out += "\nμ*: mean size of the outcome's change when the parameter moves across half its distribution;\n"
            out += "σ: how much that change depends on the other parameters.\n"
            if s.effects.contains(where: \.isUnstable) {
                out += "(swaps): the rank differs with twice the trajectories; the ranking is not settled, add --trajectories.\n"
            }
        } else {
            out += "\nOne at a time shows each parameter's reach alone; it misses interactions: rank with Morris, the default method.\n"
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
