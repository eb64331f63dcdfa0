/// A `HeatMap` laid out in a cell: the second parameter's values across the top, the
/// first's down the left, each cell coloured on a sequential scale and labelled with its
/// value where the label fits, and a scale bar below.
struct HeatMapDrawing {
    let map: HeatMap
    let width: Double
    let id: String

    private var rowLabelWidth: Double {
        max(TextWidth.of(map.rowName, size: ChartStyle.labelSize),
            map.rowLabels.map { TextWidth.of($0, size: ChartStyle.tickSize) }.max() ?? 0) + 12
    }
    private var cellWidth: Double { (width - rowLabelWidth) / Double(max(1, map.columnLabels.count)) }
    private var cellHeight: Double { min(36, max(14, 360 / Double(max(1, map.rowLabels.count)))) }
    private var gridTop: Double { 40 }
    var height: Double { gridTop + cellHeight * Double(map.rowLabels.count) + 64 }

    private var range: ClosedRange<Double> {
        let finite = map.values.filter(\.isFinite)
        let lo = finite.min() ?? 0, hi = finite.max() ?? 1
        return lo...(hi > lo ? hi : lo + 1e-12)
    }

    func draw(into svg: inout SVGWriter, x originX: Double, y originY: Double) {
        let n = SVGWriter.number
        let left = originX + rowLabelWidth, top = originY + gridTop
        let columns = map.columnLabels.count
        svg.element("text", [("x", n(left + cellWidth * Double(columns) / 2)), ("y", n(originY + 14)), ("font-size", n(ChartStyle.labelSize)),
                             ("fill", ChartStyle.ink), ("text-anchor", "middle")], text: map.columnName + " →")
        svg.element("text", [("x", n(originX)), ("y", n(top - 8)), ("font-size", n(ChartStyle.labelSize)), ("fill", ChartStyle.ink)],
                    text: map.rowName + " ↓")
        let every = Self.labelEvery(map.columnLabels, cellWidth: cellWidth)
        svg.open("g", [("class", "columns"), ("font-size", n(ChartStyle.tickSize)), ("fill", ChartStyle.muted), ("text-anchor", "middle")])
        for (j, label) in map.columnLabels.enumerated() where j % every == 0 {
            svg.element("text", [("x", n(left + (Double(j) + 0.5) * cellWidth)), ("y", n(top - 8))], text: label)
        }
        svg.close("g")
        let span = range.upperBound - range.lowerBound
        svg.open("g", [("class", "cells"), ("font-size", n(ChartStyle.tickSize)), ("text-anchor", "middle")])
        for (i, rowLabel) in map.rowLabels.enumerated() {
            let y = top + Double(i) * cellHeight
            svg.element("text", [("x", n(left - 6)), ("y", n(y + cellHeight / 2 + 4)), ("fill", ChartStyle.muted), ("text-anchor", "end")],
                        text: rowLabel)
            for j in 0..<columns {
                let v = map.values[i * columns + j]
                let t = (v - range.lowerBound) / span
                svg.open("rect", [("x", n(left + Double(j) * cellWidth)), ("y", n(y)), ("width", n(cellWidth)), ("height", n(cellHeight)),
                                  ("fill", v.isFinite ? Palette.sequential(t) : "#FFFFFF"), ("stroke", "#FFFFFF"), ("stroke-width", "1")])
                svg.element("title", [], text: "\(map.rowName) \(rowLabel), \(map.columnName) \(map.columnLabels[j]): \(map.format.label(v))")
                svg.close("rect")
                let text = map.format.label(v)
                if TextWidth.of(text, size: ChartStyle.tickSize) + 4 <= cellWidth, cellHeight >= 14 {
                    svg.element("text", [("x", n(left + (Double(j) + 0.5) * cellWidth)), ("y", n(y + cellHeight / 2 + 4)),
                                         ("fill", Palette.needsLightText(t) ? "#FFFFFF" : ChartStyle.ink)], text: text)
                }
            }
        }
        svg.close("g")
        // The scale: a gradient bar from the smallest outcome to the largest.
        let barTop = top + cellHeight * Double(map.rowLabels.count) + 20, barWidth = min(320, width - rowLabelWidth)
        svg.open("defs")
        svg.open("linearGradient", [("id", "\(id)-scale"), ("x1", "0"), ("x2", "1"), ("y1", "0"), ("y2", "0")])
        for k in 0...4 {
            svg.element("stop", [("offset", n(Double(k) / 4)), ("stop-color", Palette.sequential(Double(k) / 4))])
        }
        svg.close("linearGradient")
        svg.close("defs")
        svg.element("rect", [("x", n(left)), ("y", n(barTop)), ("width", n(barWidth)), ("height", "12"), ("fill", "url(#\(id)-scale)")])
        svg.element("text", [("x", n(left)), ("y", n(barTop + 28)), ("font-size", n(ChartStyle.tickSize)), ("fill", ChartStyle.muted)],
                    text: map.format.label(range.lowerBound))
        svg.element("text", [("x", n(left + barWidth)), ("y", n(barTop + 28)), ("font-size", n(ChartStyle.tickSize)), ("fill", ChartStyle.muted),
                             ("text-anchor", "end")], text: map.format.label(range.upperBound))
    }

    /// Every how many columns a label fits without touching the next.
    static func labelEvery(_ labels: [String], cellWidth: Double) -> Int {
        let widest = (labels.map { TextWidth.of($0, size: ChartStyle.tickSize) }.max() ?? 0) + 8
        return max(1, Int((widest / max(1, cellWidth)).rounded(.up)))
    }
}
