/// A `Tornado` laid out in a cell: one row per parameter, widest swing on top, a bar from
/// the base outcome to the outcome at the parameter's low value and one to its high
/// value, each end labelled, on a round value axis.
struct TornadoDrawing {
    let tornado: Tornado
    let width: Double

    static let lowStyle = 0, highStyle = 4
    private let rowHeight = 30.0
    private var nameWidth: Double {
        (tornado.entries.map { TextWidth.of($0.parameter, size: ChartStyle.labelSize) }.max() ?? 0) + 14
    }
    private var plotHeight: Double { rowHeight * Double(max(1, tornado.entries.count)) }
    var height: Double { plotHeight + 34 }

    private var ticks: NiceTicks {
        let values = tornado.entries.flatMap { [$0.low, $0.high] } + (tornado.base.map { [$0] } ?? [])
        let finite = values.filter(\.isFinite)
        return NiceTicks(covering: finite.min() ?? 0, finite.max() ?? 1, target: 6)
    }

    func draw(into svg: inout SVGWriter, x originX: Double, y originY: Double) {
        let n = SVGWriter.number
        let ticks = self.ticks
        // Room for the value labels beyond the bars' ends.
        let pad = 56.0
        let left = originX + nameWidth + pad, right = originX + width - pad
        let scale = LinearScale(domain: ticks.lower...ticks.upper, range: left...right)
        let bottom = originY + plotHeight
        svg.open("g", [("class", "x-axis"), ("font-size", n(ChartStyle.tickSize)), ("fill", ChartStyle.muted), ("text-anchor", "middle")])
        for v in ticks.values {
            svg.element("line", [("x1", n(scale(v))), ("x2", n(scale(v))), ("y1", n(originY)), ("y2", n(bottom)), ("stroke", ChartStyle.grid)])
            svg.element("text", [("x", n(scale(v))), ("y", n(bottom + 18))], text: tornado.format.tick(v, step: ticks.step))
        }
        svg.close("g")
        let base = tornado.base ?? .nan
        svg.open("g", [("class", "bars"), ("font-size", n(ChartStyle.labelSize))])
        for (i, entry) in tornado.entries.enumerated() {
            let y = originY + Double(i) * rowHeight + 5, h = rowHeight - 10
            svg.element("text", [("x", n(originX + nameWidth - 8)), ("y", n(y + h / 2 + 4)), ("fill", ChartStyle.ink), ("text-anchor", "end")],
                        text: entry.parameter)
            for (value, style) in [(entry.low, Self.lowStyle), (entry.high, Self.highStyle)] where value.isFinite {
                // Without a base, one bar spans low to high, split at its middle.
                let from = base.isFinite ? base : (entry.low + entry.high) / 2
                let x0 = scale(min(from, value)), x1 = scale(max(from, value))
                svg.open("rect", [("x", n(x0)), ("y", n(y)), ("width", n(max(0.5, x1 - x0))), ("height", n(h)), ("fill", Palette.color(style))])
                svg.element("title", [], text: "\(entry.parameter) at its \(style == Self.lowStyle ? "low" : "high") value: \(tornado.format.label(value))")
                svg.close("rect")
                let toRight = value >= from
                svg.element("text", [("x", n(toRight ? x1 + 4 : x0 - 4)), ("y", n(y + h / 2 + 4)), ("fill", ChartStyle.ink),
                                     ("text-anchor", toRight ? "start" : "end")], text: tornado.format.label(value))
            }
        }
        svg.close("g")
        if base.isFinite {
            svg.element("line", [("x1", n(scale(base))), ("x2", n(scale(base))), ("y1", n(originY - 4)), ("y2", n(bottom)),
                                 ("stroke", ChartStyle.ink), ("stroke-width", "1.5")])
        }
    }
}
