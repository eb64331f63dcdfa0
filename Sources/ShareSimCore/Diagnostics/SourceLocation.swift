/// Where something was written: every syntax node and every resolved value keeps one,
/// so errors, `explain` and `sources` can point back at the text.
public struct SourceLocation: Hashable, Sendable, Comparable {
    public var file: String
    public var line: Int
    public var column: Int
    /// How many characters the caret underline spans (at least 1).
    public var length: Int

    public init(file: String, line: Int, column: Int, length: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
        self.length = max(1, length)
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// A range of source text, from the first character of a token to the end of another.
package struct SourceSpan: Hashable, Sendable {
    package var start: Int
    package var end: Int
    package init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(start, end)
    }
}
