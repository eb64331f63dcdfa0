import ShareSimCore

/// The numbers a chart plots, as tidy CSV to keep beside the SVG (`chart --data FILE`):
/// `panel,series,x,value`, one row per value drawn, in the order drawn. `x` is a date
/// (`YYYY-MM-DD`) on a time axis, the swept value on a sweep's, the column on a heat map
/// and `low`, `high` or `base` on a tornado; numbers read back to the same Double.
public enum ChartData {
    public static func csv(_ chart: Chart) -> String {
        var out = "panel,series,x,value\n"
        func row(_ panel: String, _ series: String, _ x: String, _ value: Double) {
            out += CSVReport.csvField(panel) + "," + CSVReport.csvField(series) + "," + CSVReport.csvField(x) + "," + NumberText.csv(value) + "\n"
        }
        for (i, panel) in chart.panels.enumerated() {
            let name = panel.title ?? "panel \(i + 1)"
            switch panel.content {
            case .xy(let plot):
                let x: (Int) -> String
                switch plot.x {
                case .time(let timeline, let first, _): x = { timeline.month(ofStep: first + $0).firstDayText }
                case .values(_, let values, _): x = { NumberText.csv(values[$0]) }
                }
                for line in plot.lines + plot.stack {
                    for (k, v) in line.values.enumerated() where v.isFinite { row(name, line.key, x(k), v) }
                }
                for band in plot.bands {
                    for (k, v) in band.lower.enumerated() { row(name, band.label + " low", x(k), v) }
                    for (k, v) in band.upper.enumerated() { row(name, band.label + " high", x(k), v) }
                }
            case .heatMap(let map):
                for (r, rowLabel) in map.rowLabels.enumerated() {
                    for (c, columnLabel) in map.columnLabels.enumerated() {
                        row(name, "\(map.rowName) = \(rowLabel)", "\(map.columnName) = \(columnLabel)", map.values[r * map.columnLabels.count + c])
                    }
                }
            case .tornado(let t):
                for e in t.entries {
                    row(name, e.parameter, "low", e.low)
                    row(name, e.parameter, "high", e.high)
                    if let base = t.base { row(name, e.parameter, "base", base) }
                }
            }
        }
        return out
    }
}
