/// Sizes and colours every chart shares, in one place so the kinds look like one family.
enum ChartStyle {
    static let width = 960.0
    static let margin = 24.0
    static let font = "DejaVu Sans, Arial, Helvetica, sans-serif"
    static let titleSize = 20.0
    static let subtitleSize = 14.0
    static let tickSize = 12.0
    static let labelSize = 12.0
    static let footerSize = 11.0
    static let ink = "#222222"
    static let muted = "#555555"
    static let grid = "#E3E3E3"
    /// Line-end labels may move this far from their line before a legend replaces them.
    static let labelStray = 30.0
    static let lineHeight = 15.0
    static let eventRowHeight = 14.0
}
