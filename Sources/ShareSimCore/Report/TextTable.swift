/// The one layout of the human tables (`run`, `show`, `compare`): label columns on the
/// left, then right-aligned figure columns, fitted to a width. Figure columns that do not
/// fit beside the labels go on in blocks below, each repeating the labels, so a date that
/// was asked for is never dropped; a label too long for even two figure columns beside it
/// is cut with an ellipsis rather than hiding every figure. Widths are display widths, so
/// CJK names keep the columns aligned.
struct TextTable {
    struct Column {
        var header: String
        var cells: [String]
        /// The columns this one takes, its leading space included for a figure column.
        var width: Int

        /// A left-aligned label column as wide as its widest text, and at least `minimum`.
        static func label(_ header: String, _ cells: [String], minimum: Int = 0) -> Column {
            Column(header: header, cells: cells, width: max(minimum, DisplayWidth.of(header), cells.map(DisplayWidth.of).max() ?? 0))
        }

        /// The label columns of a view's rows, as `run` and `compare` both show them: the key;
        /// beside a vendor its origin; in the buyer view the group first, named on its first
        /// row only, then the vendor. `names` may carry a marker (compare's `*`, `†`).
        static func labels(of view: ShareView, names: [String], origins: [String], buyers: [String?]) -> [Column] {
            var columns: [Column]
            if view == .buyer {
                let groups = buyers.indices.map { i in i > 0 && buyers[i - 1] == buyers[i] ? "" : buyers[i] ?? "" }
                columns = [.label("buyer", groups, minimum: 6), .label("vendor", names, minimum: 6)]
            } else {
                columns = [.label(view.rawValue, names, minimum: 6)]
            }
            if view == .vendor { columns.append(.label("origin", origins, minimum: 6)) }
            return columns
        }

        /// A right-aligned figure column `width` wide.
        static func figure(_ header: String, _ cells: [String], width: Int) -> Column {
            Column(header: header, cells: cells, width: width)
        }
    }

    /// Repeated in each block, left-aligned, one space apart; the first may be cut.
    var labels: [Column]
    /// Right-aligned figures shown in each block after the labels (compare's summary).
    var fixed: [Column] = []
    /// The width of every figure column that wraps into blocks.
    var figureWidth: Int

    /// The narrowest a cut first label gets: enough to tell most names apart.
    static let shortestLabel = 6

    /// The first label's width and how many figure columns fit in one block beside the
    /// labels: at least `minimum` (fewer only when even the shortest label leaves no room).
    func layout(width: Int, minimum: Int) -> (labelWidth: Int, perBlock: Int) {
        guard let first = labels.first else { return (0, max(1, (width - fixedWidth) / figureWidth)) }
        let others = labels.dropFirst().reduce(0) { $0 + 1 + $1.width }
        var labelWidth = first.width
        let room = width - others - fixedWidth - minimum * figureWidth
        if labelWidth > room { labelWidth = max(min(first.width, Self.shortestLabel), room) }
        return (labelWidth, max(1, (width - labelWidth - others - fixedWidth) / figureWidth))
    }

    private var fixedWidth: Int { fixed.reduce(0) { $0 + $1.width } }

    /// The table in as many blocks as its figure columns need, a blank line between blocks.
    func render(_ figures: [Column], width: Int) -> String {
        let (labelWidth, perBlock) = layout(width: width, minimum: min(2, figures.count))
        var labels = self.labels
        labels[0].width = labelWidth
        let rowCount = labels[0].cells.count
        var blocks: [String] = []
        var start = 0
        repeat {
            let shown = figures[start..<min(figures.count, start + perBlock)]
            var lines = [line(labels.map(\.header), labels, fixed.map(\.header), shown.map(\.header))]
            for r in 0..<rowCount {
                lines.append(line(labels.map { $0.cells[r] }, labels, fixed.map { $0.cells[r] }, shown.map { $0.cells[r] }))
            }
            blocks.append(lines.joined(separator: "\n") + "\n")
            start += perBlock
        } while start < figures.count
        return blocks.joined(separator: "\n")
    }

    private func line(_ labelTexts: [String], _ labels: [Column], _ fixedTexts: [String], _ figureTexts: [String]) -> String {
        var out = zip(labelTexts, labels).map { padRight(DisplayWidth.truncated($0, to: $1.width), $1.width) }.joined(separator: " ")
        for (text, column) in zip(fixedTexts, fixed) { out += padLeft(text, column.width) }
        for text in figureTexts { out += padLeft(text, figureWidth) }
        return out
    }
}

/// `s` then spaces to `w` display columns.
func padRight(_ s: String, _ w: Int) -> String {
    let n = DisplayWidth.of(s)
    return n >= w ? s : s + String(repeating: " ", count: w - n)
}

/// Spaces then `s` to `w` display columns; a space before `s` when it fills them already.
func padLeft(_ s: String, _ w: Int) -> String {
    let n = DisplayWidth.of(s)
    return n >= w ? " " + s : String(repeating: " ", count: w - n) + s
}
