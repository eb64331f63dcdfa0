import ShareSimCore

/// A chart's first time panel as terminal text: lines in braille (sub-character
/// resolution), a share axis with round ticks, dated ticks below, events numbered above
/// the plot and named underneath, and each line's label at its end, all within `width`
/// columns and `height` rows. With `color`, each line and its label take the palette's
/// nearest terminal colour.
public struct TerminalChart {
    public var chart: Chart
    public var width: Int
    public var height: Int
    public var color: Bool

    public init(_ chart: Chart, width: Int, height: Int, color: Bool) {
        self.chart = chart
        self.width = width
        self.height = height
        self.color = color
    }

    /// The Okabe–Ito colours' nearest in the 256-colour palette, in `Palette` order.
    static let ansi = [25, 166, 36, 175, 178, 74, 244, 142]

    public func render() -> String {
        guard let panel = chart.panels.first, case .xy(let plot) = panel.content, case .time(let timeline, let first, let last) = plot.x else {
            return chart.title + "\n(nothing to draw)\n"
        }
        // A sum of keys (`CN + HK`) is drawn for the observations on it; the terminal draws
        // no observations, so it would be one more line to tell apart for nothing.
        let lines = plot.lines.filter { !$0.isCombination } + stackedTops(plot)
        let values = lines.flatMap(\.values).filter(\.isFinite) + (plot.y.includesZero ? [0] : [])
        let title = Wrap.line(chart.title + " — " + chart.subtitle, width: width, indent: 2) + "\n"
        let titleRows = title.filter { $0 == "\n" }.count
        // Below the plot: the axis, its dates, a line per event, the hint and the next prompt.
        // The events' key wraps like the title; counted at a typical axis width, since the axis
        // depends on the rows.
        let eventRows = plot.events.enumerated().map { i, e in eventLine(i, e, timeline, indent: 6).filter { $0 == "\n" }.count + 1 }.reduce(0, +)
        let rowsAvailable = max(6, height - 5 - titleRows - (plot.events.isEmpty ? 0 : 1 + eventRows))
        let ticks = plot.y.fixed.map { NiceTicks(covering: $0.lowerBound, $0.upperBound, target: 5) }
            ?? NiceTicks(covering: values.min() ?? 0, values.max() ?? 1, target: max(2, rowsAvailable / 4))
        let tickLabels = ticks.values.map { plot.y.format.tick($0, step: ticks.step) }
        let axisWidth = (tickLabels.map(\.count).max() ?? 3) + 2
        let labelled = lines.filter(\.labelled)
        let labelWidth = min(20, labelled.map(\.key.count).max() ?? 0)
        let columns = max(10, width - axisWidth - (labelled.isEmpty ? 1 : labelWidth + 5))
        // As many rows per tick as fit, so every tick falls on the middle of a row.
        let intervals = max(1, ticks.values.count - 1)
        let rowsPerTick = max(1, (rowsAvailable - 1) / intervals)
        var canvas = BrailleCanvas(columns: columns, rows: intervals * rowsPerTick + 1)
        let xScale = LinearScale(domain: Double(first)...Double(max(last, first + 1)), range: 0...Double(canvas.width - 1))
        let yScale = LinearScale(domain: ticks.lower...ticks.upper, range: 1.5...(Double(canvas.rows - 1) * 4 + 1.5), flipped: true)
        for (index, line) in lines.enumerated() {
            var previous: (x: Int, y: Int)?
            for (i, v) in line.values.enumerated() where v.isFinite {
                let p = (x: Int(xScale(Double(first + i)).rounded()), y: Int(yScale(v).rounded()))
                if let q = previous { canvas.line(from: q, to: p, series: index) } else { canvas.set(x: p.x, y: p.y, series: index) }
                previous = p
            }
        }
        // Labels at the line ends, moved apart row by row where they would collide. Each line
        // ends in its marker and its label repeats it, so a label moved off its line (or a
        // terminal without colour) still says which line it names.
        var ends: [(text: String, series: Int, row: Double)] = []
        var endMarks: [Int: Int] = [:]
        for (index, line) in lines.enumerated() where line.labelled {
            guard let i = line.values.lastIndex(where: \.isFinite) else { continue }
            let pixel = (x: Int(xScale(Double(first + i)).rounded()), y: Int(yScale(line.values[i]).rounded()))
            endMarks[(pixel.y / 4) * columns + pixel.x / 2] = index
            // The middle of the row the line's last dot is drawn in.
            ends.append((Self.marker(line.style) + " " + String(line.key.prefix(labelWidth)), index, Double(pixel.y / 4) + 0.5))
        }
        let placed = LabelPlacer(wanted: ends.map(\.row), size: 1, range: 0...Double(canvas.rows)).place()
        var labelAt: [Int: (String, Int)] = [:]
        if placed.fits {
            for (i, end) in ends.enumerated() { labelAt[Int(placed.positions[i].rounded(.down))] = (end.text, end.series) }
        }

        var out = title
        let eventColumns = eventMarkers(plot.events, scale: xScale, columns: columns)
        if !eventColumns.isEmpty {
            var row = [Character](repeating: " ", count: columns)
            for (i, c) in eventColumns.enumerated() { row[c] = Character(String((i + 1) % 10)) }
            out += String(repeating: " ", count: axisWidth) + String(row).trimmingTrailingSpaces + "\n"
        }
        let tickRows = Dictionary(uniqueKeysWithValues: ticks.values.indices.map { ((intervals - $0) * rowsPerTick, tickLabels[$0]) })
        for r in 0..<canvas.rows {
            let tick = tickRows[r]
            var line = (tick.map { String(repeating: " ", count: axisWidth - 2 - $0.count) + $0 + " ┤" } ?? String(repeating: " ", count: axisWidth - 1) + "│")
            for c in 0..<columns {
                if let series = endMarks[r * columns + c] {
                    line += paint(Self.marker(lines[series].style), series: lines[series].style)
                } else if canvas.isEmpty(column: c, row: r) {
                    line += eventColumns.contains(c) ? "┊" : " "
                } else {
                    line += paint(String(canvas.character(column: c, row: r)), series: canvas.owner[r * columns + c].map { lines[$0].style })
                }
            }
            if let (text, series) = labelAt[r] { line += " " + paint(text, series: lines[series].style) }
            out += line.trimmingTrailingSpaces + "\n"
        }
        // The time axis: a tick mark under each dated tick, its label centred where it fits.
        let timeTicks = TimeTicks(timeline, first: first, last: last, maxTicks: max(2, columns / 10)).ticks
        var axis = [Character](repeating: "─", count: columns)
        var labels = [Character](repeating: " ", count: columns + 8)
        var free = 0
        for tick in timeTicks {
            let c = min(columns - 1, max(0, Int((xScale(tick.step) / 2).rounded(.down))))
            axis[c] = "┬"
            let start = max(free, c - tick.label.count / 2)
            guard start + tick.label.count <= labels.count else { continue }
            for (k, ch) in tick.label.enumerated() { labels[start + k] = ch }
            free = start + tick.label.count + 1
        }
        out += String(repeating: " ", count: axisWidth - 1) + "└" + String(axis) + "\n"
        out += String(repeating: " ", count: axisWidth) + String(labels).trimmingTrailingSpaces + "\n"
        for (i, event) in plot.events.enumerated() {
            out += eventLine(i, event, timeline, indent: axisWidth) + "\n"
        }
        if !placed.fits, !labelled.isEmpty {
            out += "(too many lines to label at their ends: name the vendors to draw)\n"
        }
        return out
    }

    /// `1 2022-03 Western vendors leave`, under the plot, wrapped to the width.
    private func eventLine(_ i: Int, _ event: EventRule, _ timeline: Timeline, indent: Int) -> String {
        let line = String(repeating: " ", count: indent) + "\((i + 1) % 10) \(timeline.label(ofStep: event.step)) \(event.label)"
        return Wrap.line(line, width: width, indent: indent + 2)
    }

    static let markers = ["●", "○", "◆", "■", "▲", "×", "+", "◇", "□", "△", "▽", "•"]

    static func marker(_ style: Int) -> String { markers[style % markers.count] }

    /// Each event's column, moved right where two would share one.
    private func eventMarkers(_ events: [EventRule], scale: LinearScale, columns: Int) -> [Int] {
        var used: [Int] = []
        for e in events {
            var c = min(columns - 1, max(0, Int((scale(Double(e.step)) / 2).rounded(.down))))
            while used.contains(c) && c < columns - 1 { c += 1 }
            used.append(c)
        }
        return used
    }

    /// A stacked chart's band tops, drawn as lines in the terminal.
    private func stackedTops(_ plot: XYPlot) -> [LineSeries] {
        var below: [Double] = []
        return plot.stack.map { area in
            let top = below.isEmpty ? area.values : zip(below, area.values).map { $0 + $1 }
            below = top
            return LineSeries(key: area.key, values: top, style: area.style)
        }
    }

    private func paint(_ s: String, series style: Int?) -> String {
        guard color, let style else { return s }
        return "\u{1B}[38;5;\(Self.ansi[style % Self.ansi.count])m" + s + "\u{1B}[0m"
    }
}

private extension String {
    var trimmingTrailingSpaces: String { String(reversed().drop { $0 == " " }.reversed()) }
}
