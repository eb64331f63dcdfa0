import ShareSimCore

/// A terminal line chart of shares over time in Unicode: one marker per series, a share
/// axis on the left with round ticks, dates below, a legend, all within `width` columns.
/// Where two series fall in one cell the cell shows `*`, so none is hidden without a trace.
struct LineChart {
    static let markers: [Character] = ["●", "○", "◆", "■", "▲", "×", "+", "◇", "□", "△", "▽", "•"]
    static let overlap: Character = "*"

    var title: String
    var series: [(name: String, values: [Double])]
    var dates: (first: String, last: String)
    var width: Int

    /// The axis: a round step (1%, 2%, 5% … 50%) and how many of them reach the peak,
    /// with rows enough between ticks that about sixteen rows are drawn.
    struct Axis {
        let step: Double
        let ticks: Int
        let rowsPerTick: Int
        var top: Double { step * Double(ticks) }
        var height: Int { ticks * rowsPerTick + 1 }

        init(peak: Double) {
            let steps = [0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5]
            let step = steps.first { ($0 * 6).nextUp >= peak } ?? 0.5
            self.step = step
            ticks = max(1, Int((peak / step).rounded(.up)))
            rowsPerTick = max(2, 16 / ticks)
        }
    }

    func render() -> String {
        let plotWidth = max(10, width - 7)
        let steps = series.first?.values.count ?? 0
        guard steps > 0 else { return title + "\n(no data)\n" }
        let axis = Axis(peak: min(1, max(0.01, series.flatMap(\.values).max() ?? 1)))
        let height = axis.height
        var grid = Array(repeating: Array(repeating: Character(" "), count: plotWidth), count: height)
        var overlapped = false
        for (i, s) in series.enumerated().reversed() {
            let mark = LineChart.markers[i % LineChart.markers.count]
            var previousRow: Int?
            for col in 0..<plotWidth {
                let k = steps == 1 ? 0 : Int((Double(col) * Double(steps - 1) / Double(plotWidth - 1)).rounded())
                let v = min(max(s.values[k], 0), axis.top)
                let row = height - 1 - Int((v / axis.top * Double(height - 1)).rounded())
                // Join steep moves so a jump reads as a line, not two dots.
                if let p = previousRow, abs(p - row) > 1 {
                    for r in (min(p, row) + 1)..<max(p, row) where grid[r][col] == " " { grid[r][col] = "│" }
                }
                let under = grid[row][col]
                if under != " " && under != "│" && under != mark {
                    grid[row][col] = LineChart.overlap
                    overlapped = true
                } else {
                    grid[row][col] = mark
                }
                previousRow = row
            }
        }
        var out = title + "\n"
        for (r, line) in grid.enumerated() {
            let fromBottom = height - 1 - r
            let label = fromBottom % axis.rowsPerTick == 0
                ? NumberText.percent(axis.step * Double(fromBottom / axis.rowsPerTick), decimals: 0) : ""
            out += label.leftPadded(5) + (label.isEmpty ? " │" : " ┤") + String(line) + "\n"
        }
        out += "      └" + String(repeating: "─", count: plotWidth) + "\n"
        let gap = max(1, plotWidth - dates.first.count - dates.last.count)
        out += "       " + dates.first + String(repeating: " ", count: gap) + dates.last + "\n"
        var items = series.enumerated().map { i, s in "\(LineChart.markers[i % LineChart.markers.count]) \(s.name)" }
        if overlapped { items.append("\(LineChart.overlap) several") }
        var legend = "       "
        var lineLength = legend.count
        for item in items.map({ $0 + "   " }) {
            if lineLength + item.count > width {
                out += legend + "\n"
                legend = "       "
                lineLength = legend.count
            }
            legend += item
            lineLength += item.count
        }
        while legend.last == " " { legend.removeLast() }
        return out + legend + "\n"
    }
}

extension Session {
    func plot(_ args: [String]) -> Reply {
        let o: ViewOptions
        switch ViewOptions.parse(args, runNames: runNames, scenario: runs.last?.result.scenario) {
        case .failure(let p): return .failure(p, status: 2)
        case .success(let parsed): o = parsed
        }
        switch pickRun(o) {
        case .failure(let p): return .failure(p, status: 2)
        case .success(let (name, result)):
            let segIndex = o.segment.flatMap { id in result.scenario.segments.firstIndex { $0.id == id } } ?? 0
            var rows = result.entities(segment: segIndex, by: o.grouping)
            if !o.names.isEmpty { rows = rows.filter { o.names.contains($0.name) } }
            guard !rows.isEmpty else { return .failure("none of \(o.names.joined(separator: ", ")) sells in \(result.scenario.segments[segIndex].id)", status: 2) }
            let t = result.scenario.timeline
            let chart = LineChart(
                title: "\(name): \(o.metric == .installedShare ? "installed" : "sales") share in \(result.scenario.segments[segIndex].id)",
                series: rows.map { row in (row.buyer.map { "\($0) \(row.name)" } ?? row.name, row.values(o.metric)) },
                dates: (t.start.text, t.month(ofStep: t.steps - 1).text), width: env.width)
            return Reply(output: chart.render())
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? " " + self : String(repeating: " ", count: width - count) + self }
}
