/// Lays out completion candidates like `ls`: column by column, as many columns
/// as fit, so a long list stays short on screen.
enum CompletionColumns {
    /// Rows joined by newlines, each ending in one, with no trailing spaces.
    /// Widths count characters, so very wide glyphs may overrun a little.
    static func format(_ candidates: [String], width: Int) -> String {
        guard let longest = candidates.map(\.count).max() else { return "" }
        let cellWidth = longest + 2
        // The last column needs no gap, and one spare column avoids the
        // terminal's automatic wrap at the right margin.
        let fitting = max(1, (width + 1) / cellWidth)
        let rows = (candidates.count + fitting - 1) / fitting
        let columns = (candidates.count + rows - 1) / rows
        var output = ""
        for row in 0..<rows {
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < candidates.count else { break }
                let candidate = candidates[index]
                line += candidate
                if column < columns - 1 && index + rows < candidates.count {
                    line += String(repeating: " ", count: cellWidth - candidate.count)
                }
            }
            output += line + "\n"
        }
        return output
    }
}
