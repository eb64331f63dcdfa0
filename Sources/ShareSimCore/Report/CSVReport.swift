/// The run-output contract: tidy CSV, one row per step × segment × vendor, in that order.
public enum CSVReport {
    public static func header(grouping: Grouping, withRun: Bool) -> String {
        (withRun ? "run," : "") + "step,date,segment," + grouping.keyColumns.joined(separator: ",")
            + ",installed_share,sales_share,installed,sales"
    }

    /// Writes one run's rows; `run` names it when several runs share one file.
    public static func write(_ result: RunResult, grouping: Grouping, runName: String? = nil, to out: inout String) {
        let tables = result.segments.indices.map { result.entities(segment: $0, by: grouping) }
        let prefix = runName.map { csvField($0) + "," } ?? ""
        for k in 0..<result.steps {
            let date = result.date(ofStep: k)
            for (s, rows) in tables.enumerated() {
                let seg = csvField(result.scenario.segments[s].id)
                for e in rows {
                    out += prefix
                    out += String(k); out += ","; out += date; out += ","; out += seg; out += ","
                    keyFields(name: e.name, origin: e.origin, buyer: e.buyer, grouping: grouping, to: &out)
                    out += NumberText.csv(e.installedShare[k]); out += ","
                    out += NumberText.csv(e.salesShare[k]); out += ","
                    out += NumberText.csv(e.installed[k]); out += ","
                    out += NumberText.csv(e.sales[k]); out += "\n"
                }
            }
        }
    }

    public static func render(_ runs: [(name: String, result: RunResult)], grouping: Grouping) -> String {
        let withRun = runs.count > 1
        var out = header(grouping: grouping, withRun: withRun) + "\n"
        for run in runs { write(run.result, grouping: grouping, runName: withRun ? run.name : nil, to: &out) }
        return out
    }

    /// A row's key fields in a view, each with its comma, as `header(grouping:…)` names them:
    /// the buyer group in the buyer view, the name, and beside a vendor its origin. Run
    /// output, comparisons and Monte Carlo bands all key their rows so.
    static func keyFields(name: String, origin: String, buyer: String?, grouping: Grouping, to out: inout String) {
        if let buyer { out += csvField(buyer); out += "," }
        out += csvField(name); out += ","
        if grouping == .vendor { out += csvField(origin); out += "," }
    }

    /// RFC 4180 quoting, only where a field needs it. Looks at scalars: `"\r\n"` is one
    /// Character, equal to neither `"\r"` nor `"\n"`, and went out unquoted.
    public static func csvField(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
