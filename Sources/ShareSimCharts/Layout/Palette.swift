/// The Okabe–Ito palette, which readers with any common colour-vision deficiency can tell
/// apart, ordered so that neighbours differ in lightness too (for greyscale printers), and
/// with dash patterns that change with each colour, so a line stays identifiable with no
/// colour at all. Yellow, darkened, comes last: it is faint on white.
package enum Palette {
    /// Okabe–Ito's black is a mid grey here: a black band of a stacked area would outweigh the rest.
    package static let colors = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#7F7F7F", "#B8A600"]
    /// Solid, long dash, dots, dash-dot: repeated in an order that never pairs a colour with
    /// the same pattern twice within the first 32 series.
    static let dashes: [String?] = [nil, "8 4", "2 3", "10 3 2 3"]

    package static func color(_ i: Int) -> String { colors[i % colors.count] }

    static func dash(_ i: Int) -> String? { dashes[(i + i / colors.count) % dashes.count] }

    /// A sequential scale for heat maps (light yellow to dark blue, the viridis family's
    /// ends): lightness falls steadily, so greyscale keeps the order.
    static func sequential(_ t: Double) -> String {
        let stops: [(Double, Double, Double)] = [(253, 231, 37), (94, 201, 98), (33, 145, 140), (59, 82, 139), (68, 1, 84)]
        let x = min(max(t.isFinite ? t : 0, 0), 1) * Double(stops.count - 1)
        let i = min(Int(x), stops.count - 2), f = x - Double(i)
        let a = stops[i], b = stops[i + 1]
        func channel(_ u: Double, _ v: Double) -> Int { Int((u + (v - u) * f).rounded()) }
        return hex(channel(a.0, b.0), channel(a.1, b.1), channel(a.2, b.2))
    }

    /// Whether text on the sequential colour at `t` should be white rather than black.
    static func needsLightText(_ t: Double) -> Bool { t > 0.45 }

    private static func hex(_ r: Int, _ g: Int, _ b: Int) -> String {
        let digits = Array("0123456789ABCDEF")
        return "#" + [r, g, b].map { String(digits[$0 / 16]) + String(digits[$0 % 16]) }.joined()
    }
}
