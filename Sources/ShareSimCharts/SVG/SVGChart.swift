/// Writes a `Chart` as one standalone SVG document: title, subtitle, style key, the
/// panels in rows, caption and provenance footer. No script, no external font or
/// stylesheet; `role="img"` with `<title>` and `<desc>` for screen readers. The same chart
/// is the same bytes: attributes in a fixed order, numbers written by `SVGWriter`.
public enum SVGChart {
    /// `id` prefixes the document's ids, so that several charts can sit in one HTML page.
    public static func render(_ chart: Chart, id: String = "chart") -> String {
        let width = ChartStyle.width, margin = ChartStyle.margin
        let columns = chart.columns ?? (chart.panels.count <= 1 ? 1 : chart.panels.count <= 4 ? 2 : 3)
        let gap = 28.0
        let cellWidth = (width - 2 * margin - gap * Double(columns - 1)) / Double(columns)
        let basePlotHeight = columns == 1 ? 330.0 : 190.0
        // Twice: first each panel alone, then with the margins of the widest and the event rows
        // of the busiest in its row, so that the plots of small multiples line up.
        func layout(_ aligned: (Int) -> XYPanelDrawing.Alignment?) -> [PanelDrawing] {
            chart.panels.enumerated().map { i, panel in
                PanelDrawing(panel, width: cellWidth, plotHeight: basePlotHeight * panel.relativeHeight, id: "\(id)-\(i)", aligned: aligned(i))
            }
        }
        let alone = layout { _ in nil }.map(\.xy)
        let left = alone.compactMap { $0?.left }.max() ?? 0, right = alone.compactMap { $0?.right }.max() ?? 0
        let drawings = layout { i in
            let row = (i / columns * columns)..<min(alone.count, i / columns * columns + columns)
            return XYPanelDrawing.Alignment(left: left, right: right, eventRows: row.compactMap { alone[$0]?.eventRowCount }.max() ?? 0)
        }
        let styleKeyHeight = chart.styleKey.isEmpty ? 0.0 : 22
        let headerHeight = 70 + styleKeyHeight
        var rowTops: [Double] = []
        var y = headerHeight
        for start in stride(from: 0, to: drawings.count, by: columns) {
            rowTops.append(y)
            y += (drawings[start..<min(drawings.count, start + columns)].map(\.height).max() ?? 0) + 18
        }
        let noteLines = chart.notes.enumerated().flatMap { i, note in
            wrap("\(i + 1). \(note)", width: width - 2 * margin, size: ChartStyle.footerSize).enumerated().map { j, line in (line, indented: j > 0) }
        }
        let captionLines = chart.caption.map { wrap($0, width: width - 2 * margin, size: 12) } ?? []
        let footerLines = wrap(chart.provenance.text, width: width - 2 * margin, size: ChartStyle.footerSize)
        let notesTop = y
        let captionTop = y + (noteLines.isEmpty ? 0 : Double(noteLines.count) * 14 + 8)
        let height = (captionTop + Double(captionLines.count) * 16 + 8 + Double(footerLines.count) * 14 + 10).rounded(.up)

        var svg = SVGWriter()
        let n = SVGWriter.number
        svg.open("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("width", n(width)), ("height", n(height)),
                         ("viewBox", "0 0 \(n(width)) \(n(height))"), ("role", "img"), ("aria-labelledby", "\(id)-title \(id)-desc"),
                         ("font-family", ChartStyle.font)])
        svg.element("title", [("id", "\(id)-title")], text: chart.title + " — " + chart.subtitle)
        svg.element("desc", [("id", "\(id)-desc")], text: chart.summary)
        svg.element("rect", [("width", n(width)), ("height", n(height)), ("fill", "#FFFFFF")])
        svg.element("text", [("x", n(margin)), ("y", "32"), ("font-size", n(ChartStyle.titleSize)), ("font-weight", "bold"), ("fill", ChartStyle.ink)],
                    text: chart.title)
        svg.element("text", [("x", n(margin)), ("y", "54"), ("font-size", n(ChartStyle.subtitleSize)), ("fill", ChartStyle.muted)],
                    text: chart.subtitle)
        if !chart.styleKey.isEmpty { drawStyleKey(chart.styleKey, into: &svg, y: 78) }
        for (i, drawing) in drawings.enumerated() {
            let column = i % columns, row = i / columns
            drawing.draw(into: &svg, x: margin + Double(column) * (cellWidth + gap), y: rowTops[row])
        }
        if !noteLines.isEmpty {
            svg.open("g", [("class", "notes"), ("font-size", n(ChartStyle.footerSize)), ("fill", ChartStyle.ink)])
            for (i, line) in noteLines.enumerated() {
                svg.element("text", [("x", n(margin + (line.indented ? 14 : 0))), ("y", n(notesTop + 10 + Double(i) * 14))], text: line.0)
            }
            svg.close("g")
        }
        svg.open("g", [("class", "caption"), ("font-size", "12"), ("fill", ChartStyle.ink)])
        for (i, line) in captionLines.enumerated() {
            svg.element("text", [("x", n(margin)), ("y", n(captionTop + 12 + Double(i) * 16))], text: line)
        }
        svg.close("g")
        svg.open("g", [("class", "provenance"), ("font-size", n(ChartStyle.footerSize)), ("fill", ChartStyle.muted)])
        let footerTop = captionTop + Double(captionLines.count) * 16 + 8
        for (i, line) in footerLines.enumerated() {
            svg.element("text", [("x", n(margin)), ("y", n(footerTop + 12 + Double(i) * 14))], text: line)
        }
        svg.close("g")
        svg.close("svg")
        return svg.text
    }

    private static func drawStyleKey(_ items: [StyleKeyItem], into svg: inout SVGWriter, y: Double) {
        let n = SVGWriter.number
        var x = ChartStyle.margin
        svg.open("g", [("class", "style-key"), ("font-size", n(ChartStyle.labelSize)), ("fill", ChartStyle.ink)])
        for item in items {
            switch item.mark {
            case .line(let dashed):
                var attributes = [("x1", n(x)), ("x2", n(x + 28)), ("y1", n(y - 4)), ("y2", n(y - 4)), ("stroke", ChartStyle.ink), ("stroke-width", "2")]
                if dashed { attributes.append(("stroke-dasharray", "6 4")) }
                svg.element("line", attributes)
            case .swatch(let style):
                svg.element("rect", [("x", n(x + 8)), ("y", n(y - 11)), ("width", "12"), ("height", "12"), ("fill", Palette.color(style))])
            case .band(let opacity):
                svg.element("rect", [("x", n(x + 8)), ("y", n(y - 11)), ("width", "12"), ("height", "12"), ("fill", Palette.color(0)),
                                     ("fill-opacity", n(opacity))])
            case .observation(.fit):
                svg.element("circle", [("cx", n(x + 14)), ("cy", n(y - 4)), ("r", "4.5"), ("fill", ChartStyle.ink)])
            case .observation(.expected):
                svg.element("path", [("d", "M\(n(x + 10)) \(n(y - 8))H\(n(x + 18))V\(n(y))H\(n(x + 10))Z"),
                                     ("fill", "#FFFFFF"), ("stroke", ChartStyle.ink), ("stroke-width", "1.5")])
            case .observation(.check):
                svg.element("path", [("d", "M\(n(x + 14)) \(n(y - 9.5))L\(n(x + 19.5)) \(n(y - 4))L\(n(x + 14)) \(n(y + 1.5))L\(n(x + 8.5)) \(n(y - 4))Z"),
                                     ("fill", "#FFFFFF"), ("stroke", ChartStyle.ink), ("stroke-width", "1.5")])
            }
            svg.element("text", [("x", n(x + 34)), ("y", n(y))], text: item.label)
            x += TextWidth.of(item.label, size: ChartStyle.labelSize) + 54
        }
        svg.close("g")
    }

    /// Words in lines no wider than `width`, by the same width estimate labels use.
    static func wrap(_ text: String, width: Double, size: Double) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if !current.isEmpty, TextWidth.of(candidate, size: size) > width {
                lines.append(current)
                current = String(word)
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

/// A panel's drawing, whatever its content.
struct PanelDrawing {
    private enum Kind {
        case xy(XYPanelDrawing)
        case heatMap(HeatMapDrawing, title: String?)
        case tornado(TornadoDrawing, title: String?)
    }
    private let kind: Kind

    init(_ panel: Panel, width: Double, plotHeight: Double, id: String, aligned: XYPanelDrawing.Alignment?) {
        switch panel.content {
        case .xy(let plot): kind = .xy(XYPanelDrawing(plot, title: panel.title, width: width, plotHeight: plotHeight, aligned: aligned))
        case .heatMap(let map): kind = .heatMap(HeatMapDrawing(map: map, width: width, id: id), title: panel.title)
        case .tornado(let t): kind = .tornado(TornadoDrawing(tornado: t, width: width), title: panel.title)
        }
    }

    var xy: XYPanelDrawing? {
        if case .xy(let d) = kind { return d }
        return nil
    }

    var height: Double {
        switch kind {
        case .xy(let d): return d.height
        case .heatMap(let d, let title): return d.height + (title == nil ? 0 : 20)
        case .tornado(let d, let title): return d.height + (title == nil ? 0 : 20)
        }
    }

    func draw(into svg: inout SVGWriter, x: Double, y: Double) {
        switch kind {
        case .xy(let d): d.draw(into: &svg, x: x, y: y)
        case .heatMap(let d, let title):
            Self.drawTitle(title, into: &svg, x: x, y: y)
            d.draw(into: &svg, x: x, y: y + (title == nil ? 0 : 20))
        case .tornado(let d, let title):
            Self.drawTitle(title, into: &svg, x: x, y: y)
            d.draw(into: &svg, x: x, y: y + (title == nil ? 0 : 20))
        }
    }

    private static func drawTitle(_ title: String?, into svg: inout SVGWriter, x: Double, y: Double) {
        guard let title else { return }
        svg.element("text", [("x", SVGWriter.number(x)), ("y", SVGWriter.number(y + 14)), ("font-size", "13"), ("font-weight", "bold"),
                             ("fill", ChartStyle.ink)], text: title)
    }
}
