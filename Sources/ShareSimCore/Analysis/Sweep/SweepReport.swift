/// Renders a `Sweep`: a table (or grid) for people, CSV and JSON for machines.
public enum SweepReport {
    /// One axis: a row per value. Two: a grid, rows for the first parameter's values and
    /// columns for the second's, split into blocks of columns that fit `width`.
    public static func table(_ s: Sweep, width: Int = 80) -> String {
        let width = max(40, width)
        var out = "\(s.scenario.name) — sweep of \(s.axes.map(\.name).joined(separator: " × ")) (\(s.values.count) runs)\n"
        out += "outcome: \(s.outcome.text)\n\n"
        let cells = s.values.map { s.outcome.describe($0) }
        if s.axes.count == 1 {
            let axis = s.axes[0]
            let nameWidth = max(axis.name.count, axis.labels.map(\.count).max() ?? 0)
            let valueWidth = max(7, cells.map(\.count).max() ?? 0)
            out += padRight(axis.name, nameWidth) + "  " + padLeft("outcome", valueWidth) + "\n"
            for (i, label) in axis.labels.enumerated() {
                out += padRight(label, nameWidth) + "  " + padLeft(cells[i], valueWidth) + "\n"
            }
            return out
        }
        let rowsAxis = s.axes[0], colsAxis = s.axes[1]
        let corner = "\(rowsAxis.name) \\ \(colsAxis.name)"
        let firstWidth = max(corner.count, rowsAxis.labels.map(\.count).max() ?? 0)
        let cellWidth = max(8, (cells.map(\.count).max() ?? 0) + 2, (colsAxis.labels.map(\.count).max() ?? 0) + 2)
        let perBlock = max(1, (width - firstWidth) / cellWidth)
        var start = 0
        while start < s.columns {
            let end = min(s.columns, start + perBlock)
            if start > 0 { out += "\n" }
            var header = padRight(corner, firstWidth)
            for j in start..<end { header += padLeft(colsAxis.labels[j], cellWidth) }
            out += header + "\n"
            for i in 0..<s.rows {
                var line = padRight(rowsAxis.labels[i], firstWidth)
                for j in start..<end { line += padLeft(cells[i * s.columns + j], cellWidth) }
                out += line + "\n"
            }
            start = end
        }
        return out
    }

    /// Tidy CSV, one row per run in row-major order: the parameters' values, then the
    /// outcome, all in model terms (a share as a fraction), read back to the same Double.
    public static func csv(_ s: Sweep) -> String {
        var out = s.axes.map { CSVReport.csvField($0.name) }.joined(separator: ",") + ",outcome\n"
        for i in 0..<s.rows {
            for j in 0..<s.columns {
                out += NumberText.csv(s.axes[0].values[i]); out += ","
                if s.axes.count > 1 { out += NumberText.csv(s.axes[1].values[j]); out += "," }
                out += NumberText.csv(s.value(row: i, column: j)); out += "\n"
            }
        }
        return out
    }

    /// The sweep as JSON: the parameters and their values, and the outcomes as a list (one
    /// parameter) or a list of rows (two).
    public static func json(_ s: Sweep) -> String {
        let values: JSONValue = s.axes.count == 1
            ? .array(s.values.map { .number($0) })
            : .array((0..<s.rows).map { i in .array((0..<s.columns).map { .number(s.value(row: i, column: $0)) }) })
        let doc = JSONValue.object([
            ("format", .string("sharesim-sweep")),
            ("version", .int(1)),
            ("meta", JSONReport.meta(s.scenario)),
            ("scenario", .string(s.scenario.name)),
            ("outcome", .string(s.outcome.text)),
            ("parameters", .array(s.axes.map { a in
                .object([("name", .string(a.name)), ("values", .array(a.values.map { .number($0) })),
                         ("labels", .array(a.labels.map { .string($0) }))])
            })),
            ("values", values),
        ])
        return doc.pretty + "\n"
    }
}
