/// An `XYPlot` laid out in a cell of a given width: axes with round ticks, the events'
/// label rows above, line-end labels (or a legend where they would collide) on the right,
/// and the data thinned to what the pixels can show.
struct XYPanelDrawing {
    let plot: XYPlot
    let title: String?
    let width: Double
    let plotHeight: Double

    // Layout, worked out once in `init`.
    let yTicks: NiceTicks
    let left: Double
    let right: Double
    let events: [EventLabel]
    let labels: [(text: String, color: String, end: Double, y: Double)]
    let legend: [(text: String, color: String, dash: String?)]
    let legendRows: [[Int]]

    private let titleHeight: Double
    /// Rows of event labels above the plot: this panel's, or more to line up with its neighbours.
    let eventRowCount: Int
    private var eventsHeight: Double { eventRowCount == 0 ? 4 : Double(eventRowCount) * ChartStyle.eventRowHeight + 6 }

    /// An event's label: its lines (a long name wraps to stay within the panel), the first
    /// row it takes, and whether it ends at the rule (left of it) rather than starting there.
    struct EventLabel {
        var rule: EventRule
        var lines: [String]
        var row: Int
        var anchorEnd: Bool
    }

    /// Margins and event rows shared by the panels of one chart, so their plots line up.
    struct Alignment {
        var left: Double
        var right: Double
        var eventRows: Int
    }
    private var plotTop: Double { titleHeight + eventsHeight }
    private var plotBottom: Double { plotTop + plotHeight }
    var height: Double { plotBottom + 24 + Double(legendRows.count) * ChartStyle.lineHeight + (legendRows.isEmpty ? 0 : 6) }

    init(_ plot: XYPlot, title: String?, width: Double, plotHeight: Double, aligned: Alignment? = nil) {
        self.plot = plot
        self.title = title
        self.width = width
        self.plotHeight = plotHeight
        titleHeight = title == nil ? 0 : 20

        // The y axis: fixed, or round ticks around every value drawn.
        var values = plot.lines.flatMap(\.values) + plot.bands.flatMap { $0.lower + $0.upper } + plot.observations.map(\.value)
            + plot.marks.map(\.value)
        if plot.y.includesZero { values.append(0) }
        let finite = values.filter(\.isFinite)
        let ticks = plot.y.fixed.map { NiceTicks(covering: $0.lowerBound, $0.upperBound, target: 5) }
            ?? NiceTicks(covering: finite.min() ?? 0, finite.max() ?? 1, target: max(3, Int(plotHeight / 60)))
        yTicks = ticks
        let tickWidth = ticks.values.map { TextWidth.of(plot.y.format.tick($0, step: ticks.step), size: ChartStyle.tickSize) }.max() ?? 30
        left = max(tickWidth + 10, aligned?.left ?? 0)

        // Labels at the line ends, or at the middle of each stacked band's end.
        var wanted: [(text: String, color: String, dash: String?, y: Double)] = []
        let yScale = LinearScale(domain: ticks.lower...ticks.upper, range: 0...plotHeight, flipped: true)
        for line in plot.lines where line.labelled {
            if let last = line.values.last(where: \.isFinite) { wanted.append((line.key, line.color, line.dash, yScale(last))) }
        }
        var below = 0.0
        for area in plot.stack {
            let top = below + (area.values.last ?? 0)
            wanted.append((area.key, area.color, nil, yScale((below + top) / 2)))
            below = top
        }
        let placement = LabelPlacer(wanted: wanted.map(\.y), size: ChartStyle.lineHeight, range: 0...plotHeight).place()
        let useLabels = placement.fits && placement.largestMove <= ChartStyle.labelStray
        let labelWidth = wanted.map { TextWidth.of($0.text, size: ChartStyle.labelSize) }.max() ?? 0
        right = max(useLabels && !wanted.isEmpty ? labelWidth + 22 : 12, aligned?.right ?? 0)
        labels = useLabels ? wanted.indices.map { (wanted[$0].text, wanted[$0].color, wanted[$0].y, placement.positions[$0]) } : []
        legend = useLabels ? [] : wanted.map { ($0.text, $0.color, $0.dash) }

        // Legend items in rows that fit the width.
        var rows: [[Int]] = []
        var used = 0.0
        for (i, item) in legend.enumerated() {
            let w = TextWidth.of(item.text, size: ChartStyle.labelSize) + 40
            if rows.isEmpty || used + w > width - left {
                rows.append([i])
                used = w
            } else {
                rows[rows.count - 1].append(i)
                used += w
            }
        }
        legendRows = rows

        // Event labels in rows above the plot: each in the first rows where it clears the others.
        let plotWidth = width - left - right
        let xScale = LinearScale(domain: plot.x.domain, range: 0...plotWidth)
        var taken: [[ClosedRange<Double>]] = []
        var placed: [EventLabel] = []
        for rule in plot.events where !rule.label.isEmpty {
            let x = xScale(Double(rule.step))
            let rightRoom = width - left - x - 4, leftRoom = x + left - 4
            let full = TextWidth.of(rule.label, size: ChartStyle.tickSize) + 4
            let anchorEnd = full > rightRoom && (full <= leftRoom || leftRoom > rightRoom)
            let lines = full <= max(rightRoom, leftRoom) ? [rule.label]
                : SVGChart.wrap(rule.label, width: max(rightRoom, leftRoom), size: ChartStyle.tickSize)
            let w = lines.map { TextWidth.of($0, size: ChartStyle.tickSize) + 4 }.max() ?? 0
            let span = anchorEnd ? (x - w - 6)...(x + 6) : (x - 6)...(x + w + 6)
            var row = 0
            while !(row..<(row + lines.count)).allSatisfy({ $0 >= taken.count || taken[$0].allSatisfy { !$0.overlaps(span) } }) { row += 1 }
            while taken.count < row + lines.count { taken.append([]) }
            for r in row..<(row + lines.count) { taken[r].append(span) }
            placed.append(EventLabel(rule: rule, lines: lines, row: row, anchorEnd: anchorEnd))
        }
        events = placed
        eventRowCount = max(taken.count, aligned?.eventRows ?? 0)
    }

    func draw(into svg: inout SVGWriter, x originX: Double, y originY: Double) {
        let plotLeft = originX + left, plotRight = originX + width - right
        let top = originY + plotTop, bottom = originY + plotBottom
        let xScale = LinearScale(domain: plot.x.domain, range: plotLeft...plotRight)
        let yScale = LinearScale(domain: yTicks.lower...yTicks.upper, range: top...bottom, flipped: true)
        let n = SVGWriter.number
        if let title {
            svg.element("text", [("x", n(plotLeft)), ("y", n(originY + 14)), ("font-size", "13"), ("font-weight", "bold"),
                                 ("fill", ChartStyle.ink)], text: title)
        }
        // Grid and y ticks.
        svg.open("g", [("class", "y-axis"), ("font-size", n(ChartStyle.tickSize)), ("fill", ChartStyle.muted), ("text-anchor", "end")])
        for v in yTicks.values {
            let y = yScale(v)
            let isZero = abs(v) < 1e-12 && yTicks.lower < 0
            svg.element("line", [("x1", n(plotLeft)), ("x2", n(plotRight)), ("y1", n(y)), ("y2", n(y)),
                                 ("stroke", isZero ? ChartStyle.muted : ChartStyle.grid), ("stroke-width", "1")])
            svg.element("text", [("x", n(plotLeft - 6)), ("y", n(y + 4))], text: plot.y.format.tick(v, step: yTicks.step))
        }
        svg.close("g")
        drawXAxis(into: &svg, scale: xScale, bottom: bottom)
        drawEvents(into: &svg, scale: xScale, top: top, bottom: bottom, originY: originY)

        let position = plot.x.position(ofIndex:)
        func points(_ values: [Double]) -> [(x: Double, y: Double)] {
            values.indices.compactMap { i in values[i].isFinite ? (xScale(position(i)), yScale(values[i])) : nil }
        }
        // Stacked areas, bottom first.
        if !plot.stack.isEmpty {
            svg.open("g", [("class", "areas"), ("stroke", "#FFFFFF"), ("stroke-width", "0.75")])
            var below = [Double](repeating: 0, count: plot.stack[0].values.count)
            for area in plot.stack {
                let above = zip(below, area.values).map { $0 + $1 }
                let upper = PointThinning.thin(points(above)), lower = PointThinning.thin(points(below))
                svg.element("path", [("d", SVGWriter.path(upper + lower.reversed()) + "Z"), ("fill", Palette.color(area.style))],
                            text: nil)
                below = above
            }
            svg.close("g")
        }
        for band in plot.bands {
            let upper = PointThinning.thin(points(band.upper)), lower = PointThinning.thin(points(band.lower))
            svg.element("path", [("d", SVGWriter.path(upper + lower.reversed()) + "Z"), ("fill", Palette.color(band.style)),
                                 ("fill-opacity", n(band.opacity)), ("stroke", "none")])
        }
        if !plot.lines.isEmpty {
            svg.open("g", [("class", "lines"), ("fill", "none"), ("stroke-width", "2"), ("stroke-linejoin", "round"), ("stroke-linecap", "round")])
            for line in plot.lines {
                var attributes = [("d", SVGWriter.path(PointThinning.thin(points(line.values)))), ("stroke", line.color)]
                if let dash = line.dash { attributes.append(("stroke-dasharray", dash)) }
                svg.element("path", attributes)
                if line.dotted {
                    for p in points(line.values) {
                        svg.element("circle", [("cx", n(p.x)), ("cy", n(p.y)), ("r", "3"), ("fill", Palette.color(line.style)), ("stroke", "none")])
                    }
                }
            }
            svg.close("g")
        }
        drawObservations(into: &svg, x: xScale, y: yScale)
        for mark in plot.marks {
            let x = xScale(mark.x), y = yScale(mark.value)
            svg.element("circle", [("cx", n(x)), ("cy", n(y)), ("r", "5"), ("fill", "none"), ("stroke", ChartStyle.ink), ("stroke-width", "1.5")])
            let anchorEnd = x > (plotLeft + plotRight) / 2
            svg.element("text", [("x", n(anchorEnd ? x - 8 : x + 8)), ("y", n(y > top + 20 ? y - 8 : y + 16)), ("font-size", n(ChartStyle.labelSize)),
                                 ("fill", ChartStyle.ink), ("text-anchor", anchorEnd ? "end" : "start")], text: mark.label)
        }
        // Line-end labels, with a leader where a label had to move off its line.
        if !labels.isEmpty {
            svg.open("g", [("class", "labels"), ("font-size", n(ChartStyle.labelSize))])
            for label in labels {
                let y = top + label.y, end = top + label.end
                if abs(label.y - label.end) > 2 {
                    svg.element("line", [("x1", n(plotRight + 2)), ("y1", n(end)), ("x2", n(plotRight + 8)), ("y2", n(y)),
                                         ("stroke", ChartStyle.muted), ("stroke-width", "0.75")])
                }
                svg.element("text", [("x", n(plotRight + 10)), ("y", n(y + 4)), ("fill", label.color)], text: label.text)
            }
            svg.close("g")
        }
        if !legendRows.isEmpty {
            svg.open("g", [("class", "legend"), ("font-size", n(ChartStyle.labelSize)), ("fill", ChartStyle.ink)])
            for (r, row) in legendRows.enumerated() {
                var x = plotLeft
                let y = bottom + 36 + Double(r) * ChartStyle.lineHeight
                for i in row {
                    let item = legend[i]
                    var attributes = [("x1", n(x)), ("x2", n(x + 24)), ("y1", n(y - 4)), ("y2", n(y - 4)),
                                      ("stroke", item.color), ("stroke-width", item.dash == nil && !plot.stack.isEmpty ? "8" : "2")]
                    if let dash = item.dash { attributes.append(("stroke-dasharray", dash)) }
                    svg.element("line", attributes)
                    svg.element("text", [("x", n(x + 30)), ("y", n(y))], text: item.text)
                    x += TextWidth.of(item.text, size: ChartStyle.labelSize) + 40
                }
            }
            svg.close("g")
        }
        svg.element("rect", [("x", n(plotLeft)), ("y", n(top)), ("width", n(plotRight - plotLeft)), ("height", n(bottom - top)),
                             ("fill", "none"), ("stroke", ChartStyle.muted), ("stroke-width", "1")])
    }

    private func drawXAxis(into svg: inout SVGWriter, scale: LinearScale, bottom: Double) {
        let n = SVGWriter.number
        let plotWidth = scale.range.upperBound - scale.range.lowerBound
        var ticks: [(x: Double, label: String)] = []
        switch plot.x {
        case .time(let timeline, let first, let last):
            ticks = TimeTicks(timeline, first: first, last: last, maxTicks: Int(plotWidth / 70)).ticks.map { (scale($0.step), $0.label) }
        case .values(let name, let values, let format):
            let t = NiceTicks(covering: values.min() ?? 0, values.max() ?? 1, target: max(3, Int(plotWidth / 90)))
            ticks = t.values.filter { scale.domain.contains($0) }.map { (scale($0), format.tick($0, step: t.step)) }
            svg.element("text", [("x", n((scale.range.lowerBound + scale.range.upperBound) / 2)), ("y", n(bottom + 36)),
                                 ("font-size", n(ChartStyle.labelSize)), ("fill", ChartStyle.ink), ("text-anchor", "middle")], text: name)
        }
        svg.open("g", [("class", "x-axis"), ("font-size", n(ChartStyle.tickSize)), ("fill", ChartStyle.muted), ("text-anchor", "middle")])
        for tick in ticks {
            svg.element("line", [("x1", n(tick.x)), ("x2", n(tick.x)), ("y1", n(bottom)), ("y2", n(bottom + 5)), ("stroke", ChartStyle.muted)])
            svg.element("text", [("x", n(tick.x)), ("y", n(bottom + 18))], text: tick.label)
        }
        svg.close("g")
    }

    private func drawEvents(into svg: inout SVGWriter, scale: LinearScale, top: Double, bottom: Double, originY: Double) {
        guard !plot.events.isEmpty else { return }
        let n = SVGWriter.number
        svg.open("g", [("class", "events"), ("font-size", n(ChartStyle.tickSize)), ("fill", ChartStyle.ink)])
        func rule(_ x: Double, from: Double) -> (String, [(String, String)]) {
            ("line", [("x1", n(x)), ("x2", n(x)), ("y1", n(from)), ("y2", n(bottom)),
                      ("stroke", ChartStyle.muted), ("stroke-width", "1"), ("stroke-dasharray", "3 3")])
        }
        // Events without a label (a comparison's difference panel repeats the rules only).
        for e in plot.events where e.label.isEmpty {
            let (name, attributes) = rule(scale(Double(e.step)), from: top)
            svg.element(name, attributes)
        }
        for label in events {
            let x = scale(Double(label.rule.step))
            let firstY = originY + titleHeight + Double(label.row + 1) * ChartStyle.eventRowHeight
            let (name, attributes) = rule(x, from: firstY - 10)
            svg.element(name, attributes)
            for (i, line) in label.lines.enumerated() {
                svg.element("text", [("x", n(label.anchorEnd ? x - 3 : x + 3)), ("y", n(firstY + Double(i) * ChartStyle.eventRowHeight)),
                                     ("text-anchor", label.anchorEnd ? "end" : "start")], text: line)
            }
        }
        svg.close("g")
    }

    private func drawObservations(into svg: inout SVGWriter, x: LinearScale, y: LinearScale) {
        guard !plot.observations.isEmpty else { return }
        let n = SVGWriter.number
        svg.open("g", [("class", "observations"), ("stroke", ChartStyle.ink), ("stroke-width", "1.5")])
        // Expectations first: an observation of the same figure at the same date stays in sight on top.
        for o in plot.observations.filter({ $0.role == .expected }) + plot.observations.filter({ $0.role != .expected }) {
            let px = x(Double(o.step)), py = y(o.value)
            let element: String
            switch o.role {
            case .fit:
                element = "circle"
                svg.open(element, [("cx", n(px)), ("cy", n(py)), ("r", "4.5"), ("fill", ChartStyle.ink)])
            case .check:
                element = "path"
                let d = "M\(n(px)) \(n(py - 5.5))L\(n(px + 5.5)) \(n(py))L\(n(px)) \(n(py + 5.5))L\(n(px - 5.5)) \(n(py))Z"
                svg.open(element, [("d", d), ("fill", "#FFFFFF")])
            case .expected:
                // A hollow square at one date; over several, an open bar from the first to the last.
                element = "path"
                let end = x(Double(o.lastStep ?? o.step)), pad = o.lastStep == nil ? 4.0 : 0
                let d = "M\(n(px - pad)) \(n(py - 4))H\(n(end + pad))V\(n(py + 4))H\(n(px - pad))Z"
                svg.open(element, [("d", d), ("fill", o.lastStep == nil ? "#FFFFFF" : "none")])
            }
            svg.element("title", [], text: o.label)
            svg.close(element)
        }
        svg.close("g")
        // Each marker's number in the chart's notes, above it (above a bar's start); each
        // caption once, above the line its marker sits on: left of its series' first point
        // (right of it where the plot's edge is too near), or after a bar's number. A white halo keeps text legible where it crosses
        // a line. The marker's shape says fit (filled dot), check (hollow diamond) or expected
        // (hollow square or bar), as docs/charts.md explains.
        svg.open("g", [("class", "observation-captions"), ("font-size", n(ChartStyle.labelSize)), ("fill", ChartStyle.ink),
                       ("stroke", "#FFFFFF"), ("stroke-width", "4"), ("stroke-linejoin", "round"), ("paint-order", "stroke")])
        // Markers at one place (an expectation and an observation of one figure) share one label: `2, 3`.
        var numbered: [(first: ObservationPoint, numbers: [Int])] = []
        for o in plot.observations where o.number > 0 {
            if let i = numbered.firstIndex(where: { $0.first.step == o.step && $0.first.value == o.value && $0.first.lastStep == o.lastStep }) {
                numbered[i].numbers.append(o.number)
            } else {
                numbered.append((o, [o.number]))
            }
        }
        for (o, numbers) in numbered {
            svg.element("text", [("x", n(x(Double(o.step)))), ("y", n(y(o.value) - 9)), ("font-size", "10"), ("font-weight", "bold"),
                                 ("text-anchor", o.lastStep == nil ? "middle" : "start")], text: numbers.map(String.init).joined(separator: ", "))
        }
        var captioned: Set<String> = []
        for o in plot.observations where !o.caption.isEmpty && captioned.insert(o.caption).inserted {
            let start = x(Double(o.step)), end = x(Double(o.lastStep ?? o.step)), py = y(o.value)
            if o.lastStep != nil {
                let number = o.number > 0 ? TextWidth.of(String(o.number), size: 10) + 4 : 0
                svg.element("text", [("x", n(start + number)), ("y", n(py - 9))], text: o.caption)
                continue
            }
            // Clear of the number above the marker, however many notes it names.
            let numbers = numbered.first { $0.first.step == o.step && $0.first.value == o.value && $0.first.lastStep == nil }?.numbers ?? []
            let gap = max(9, TextWidth.of(numbers.map(String.init).joined(separator: ", "), size: 10) / 2 + 5)
            let fitsLeft = start - gap - TextWidth.of(o.caption, size: ChartStyle.labelSize) >= x.range.lowerBound
            svg.element("text", [("x", n(fitsLeft ? start - gap : end + gap)), ("y", n(py - 9)), ("text-anchor", fitsLeft ? "end" : "start")],
                        text: o.caption)
        }
        svg.close("g")
    }
}
