/// Renders diagnostics the way compilers do: `path:line:col: error: message`, the source
/// line, a caret under the culprit, then `note:` and `help:` lines.
public struct DiagnosticPrinter: Sendable {
    public var useColor: Bool
    public init(useColor: Bool = false) { self.useColor = useColor }

    public func render(_ d: Diagnostic, sources: [String: SourceFile]) -> String {
        var out = ""
        let label = d.severity.rawValue
        let coloredLabel = useColor ? (d.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;35m") + label + ":\u{1B}[0m" : label + ":"
        if let loc = d.location {
            out += "\(bold(loc.description)): \(coloredLabel) \(bold(shortened(d.message)))\n"
            if let src = sources[loc.file], loc.line >= 1, loc.line <= src.lineStarts.count {
                let gutter = String(loc.line)
                let pad = String(repeating: " ", count: gutter.count)
                let (line, column) = excerpt(of: src, line: loc.line, column: loc.column)
                let shown = sanitize(line)
                out += " \(gutter) | \(shown)\n"
                let scalars = Array(shown.unicodeScalars)
                let before = scalars.prefix(max(0, column - 1))
                let prefix = before.map { $0 == "\t" ? "\t" : String(repeating: " ", count: DisplayWidth.of($0)) }.joined()
                let covered = scalars.dropFirst(before.count).prefix(max(1, loc.length))
                let marks = "^" + String(repeating: "~", count: max(1, DisplayWidth.of(covered)) - 1)
                out += " \(pad) | \(prefix)\(useColor ? "\u{1B}[1;32m" + marks + "\u{1B}[0m" : marks)\n"
            }
        } else {
            out += "sharesim: \(coloredLabel) \(bold(shortened(d.message)))\n"
        }
        for n in d.notes { out += "note: \(shortened(n))\n" }
        for h in d.help { out += "help: \(shortened(h))\n" }
        return out
    }

    public func render(_ ds: [Diagnostic], sources: [String: SourceFile]) -> String {
        ds.map { render($0, sources: sources) }.joined()
    }

    /// Lines longer than this are quoted as an excerpt around the caret, so that a long
    /// generated or garbage line does not print in full under each of its errors.
    static let maxQuotedWidth = 120

    /// The line to quote and the caret's column within it.
    private func excerpt(of src: SourceFile, line: Int, column: Int) -> (String, Int) {
        let start = src.lineStarts[line - 1]
        var end = line < src.lineStarts.count ? src.lineStarts[line] - 1 : src.scalars.count
        if end > start, src.scalars[end - 1] == "\r" { end -= 1 }
        let width = DiagnosticPrinter.maxQuotedWidth
        var from = start, to = end
        if end - start > width {
            from = start + max(0, min(column - 1 - width / 3, end - start - width))
            to = from + width
        }
        var text = String.UnicodeScalarView()
        if from > start { text.append("…") }
        text.append(contentsOf: src.scalars[from..<to])
        if to < end { text.append("…") }
        return (String(text), column - (from - start) + (from > start ? 1 : 0))
    }

    /// Words longer than this are quoted shortened: a name of a megabyte, quoted in a message,
    /// would otherwise print in full, and again in each message that names it. Long enough
    /// that a file's path, which a message must name whole, is never cut.
    static let maxQuotedWord = 400

    /// `'BBBBBBBB…BBB'`: the start and the end of each overlong word, whose whole text the
    /// quoted source line shows around the caret anyway.
    private func shortened(_ text: String) -> String {
        let limit = DiagnosticPrinter.maxQuotedWord
        guard text.unicodeScalars.count > limit else { return text }
        return text.split(separator: " ", omittingEmptySubsequences: false).map { word in
            let scalars = word.unicodeScalars
            guard scalars.count > limit else { return String(word) }
            var short = String.UnicodeScalarView(scalars.prefix(60))
            short.append("…")
            short.append(contentsOf: scalars.suffix(4))
            return String(short)
        }.joined(separator: " ")
    }

    private func bold(_ s: String) -> String { useColor ? "\u{1B}[1m\(s)\u{1B}[0m" : s }

    /// Control characters and stray bytes from a binary file must not reach the terminal.
    private func sanitize(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            if u == "\t" || (u.value >= 0x20 && u.value != 0x7F && !(0x80..<0xA0).contains(u.value)) {
                out.append(u)
            } else {
                out.append("\u{FFFD}")
            }
        }
        return String(out)
    }
}
