/// Long message lines broken to fit a width (the terminal's), so that the terminal does
/// not break them mid-word. In the library so that the REPL's messages and the reports
/// the batch commands print break alike.
public enum Wrap {
    /// `text` (one line) in lines of at most `width` characters where it can be: broken
    /// between fields (runs of two or more spaces) first, between words only within a
    /// field too long for a line; lines after the first are indented by `indent`.
    public static func line(_ text: String, width: Int, indent: Int = 4) -> String {
        guard text.count > width, width >= indent + 20 else { return text }
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        var current = ""
        func place(_ piece: Substring, after separator: Substring) {
            if current.isEmpty || current.count + separator.count + piece.count <= width {
                current += separator + piece
            } else {
                lines.append(current)
                current = pad + piece
            }
        }
        for (separator, field) in fields(text) {
            if pad.count + field.count <= width {
                place(field, after: separator)
            } else {
                for (i, word) in field.split(separator: " ").enumerated() { place(word, after: i == 0 ? separator : " ") }
            }
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }

    /// Every line of `text` wrapped; each keeps its own indentation, plus `indent` after a break.
    public static func text(_ text: String, width: Int, indent: Int = 4) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { l in
            line(String(l), width: width, indent: l.prefix { $0 == " " }.count + indent)
        }.joined(separator: "\n")
    }

    /// The fields of a line and the spaces before each (a line's own indentation included).
    private static func fields(_ text: String) -> [(separator: Substring, field: Substring)] {
        var out: [(Substring, Substring)] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            let separator = rest.prefix { $0 == " " }
            rest = rest.dropFirst(separator.count)
            var end = rest.startIndex
            while end < rest.endIndex, !rest[end...].hasPrefix("  ") { end = rest.index(after: end) }
            if end > rest.startIndex { out.append((separator, rest[..<end])) }
            rest = rest[end...]
        }
        return out
    }
}
