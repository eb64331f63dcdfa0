/// Renders a `MonteCarloRank`: the parameters by |SRRC| for people, CSV and JSON for machines.
public enum RankRegressionReport {
    public static func table(_ r: MonteCarloRank) -> String {
        let g = r.regression
        var out = "\(r.scenario.name)\n"
        out += "rank regression over \(NumberText.counted(g.runs, "run")) of the Monte Carlo batch (seed \(r.seed))\n"
        out += "outcome: \(r.outcome.text)\n\n"
        let rows = [["rank", "parameter", "SRRC"]] + g.coefficients.enumerated().map { i, c in
            [String(i + 1), c.parameter, c.isConstant ? "constant" : srrc(c.srrc)]
        }
        let widths = (0..<3).map { c in rows.map { DisplayWidth.of($0[c]) }.max()! }
        for row in rows {
            // The name reads from the left, the figures line up on the right.
            let pad = (0..<3).map { String(repeating: " ", count: widths[$0] - DisplayWidth.of(row[$0])) }
            out += pad[0] + row[0] + "  " + row[1] + pad[1] + "  " + pad[2] + row[2] + "\n"
        }
        out += "\nR² of the rank regression: \(NumberText.fixed(g.rSquared, decimals: 3))\n"
        if !g.isTrusted {
            out += "warning: R² is below \(NumberText.fixed(RankRegression.trustedRSquared, decimals: 1)): the outcome is not close to monotone in the\n"
                + "parameters; do not trust this ranking, rank with 'sharesim sensitivity'.\n"
        }
        out += "\nSRRC: by how many standard deviations the outcome's rank moves when the\n"
        out += "parameter's moves by one, the others held; its sign is the direction.\n"
        return out
    }

    public static func csv(_ r: MonteCarloRank) -> String {
        "parameter,rank,srrc,constant\n" + r.regression.coefficients.enumerated().map { i, c in
            [CSVReport.csvField(c.parameter), String(i + 1), NumberText.csv(c.srrc), c.isConstant ? "true" : "false"].joined(separator: ",") + "\n"
        }.joined()
    }

    public static func json(_ r: MonteCarloRank) -> String {
        let g = r.regression
        let doc = JSONValue.object([
            ("format", .string("sharesim-rank-regression")),
            ("version", .int(1)),
            ("meta", JSONReport.meta(r.scenario)),
            ("outcome", .string(r.outcome.text)),
            ("seed", .string(String(r.seed))),
            ("runs", .int(g.runs)),
            ("r_squared", .number(g.rSquared)),
            ("trusted", .bool(g.isTrusted)),
            ("coefficients", .array(g.coefficients.map { c in
                .object([("parameter", .string(c.parameter)), ("srrc", .number(c.srrc)), ("constant", .bool(c.isConstant))])
            })),
        ])
        return doc.pretty + "\n"
    }

    /// `+0.981`: signed, three decimals.
    private static func srrc(_ x: Double) -> String { (x >= 0 ? "+" : "") + NumberText.fixed(x, decimals: 3) }
}
