import ShareSimCore

/// Builds SVG text: elements with attributes in the order given, text escaped, and numbers
/// written with at most one decimal by `NumberText` (a tenth of a pixel is below what any
/// screen or printer shows, and locale-free formatting keeps the bytes the same everywhere).
struct SVGWriter {
    private(set) var text = ""
    private var depth = 0

    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        line("<\(name)\(Self.attributes(attributes))>")
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        line("</\(name)>")
    }

    mutating func element(_ name: String, _ attributes: [(String, String)], text content: String? = nil) {
        if let content {
            line("<\(name)\(Self.attributes(attributes))>\(Self.escape(content))</\(name)>")
        } else {
            line("<\(name)\(Self.attributes(attributes))/>")
        }
    }

    mutating func raw(_ s: String) { text += s }

    private mutating func line(_ s: String) {
        text += String(repeating: " ", count: depth)
        text += s
        text += "\n"
    }

    static func attributes(_ list: [(String, String)]) -> String {
        var s = ""
        for (k, v) in list {
            s += " "
            s += k
            s += "=\""
            s += escape(v)
            s += "\""
        }
        return s
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            // Control characters are not allowed in XML 1.0; a name cannot bring one in.
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}": out += "?"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A coordinate: one decimal at most, `12` rather than `12.0`.
    static func number(_ d: Double) -> String {
        var s = NumberText.fixed(d, decimals: 1)
        if s.hasSuffix(".0") { s.removeLast(2) }
        return s == "-0" ? "0" : s
    }

    /// An SVG path through the points: `M x y L x y …`, or nothing for no points.
    static func path(_ points: [(x: Double, y: Double)]) -> String {
        var s = ""
        for (i, p) in points.enumerated() {
            s += i == 0 ? "M" : "L"
            s += number(p.x)
            s += " "
            s += number(p.y)
        }
        return s
    }
}

/// A linear map from data values to pixels.
struct LinearScale {
    var domain: ClosedRange<Double>
    var range: ClosedRange<Double>
    /// Pixels grow downwards on a y axis: the domain's top maps to the range's bottom.
    var flipped = false

    func callAsFunction(_ x: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        let t = span > 0 ? (x - domain.lowerBound) / span : 0.5
        let u = flipped ? 1 - t : t
        return range.lowerBound + u * (range.upperBound - range.lowerBound)
    }
}
