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
                    if let buyer = e.buyer { out += csvField(buyer); out += "," }
                    out += csvField(e.name); out += ","
                    if grouping == .vendor { out += csvField(e.origin); out += "," }
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
