/// Feeds a REPL canned input in tests and records what it asked for, so tests
/// can check prompts and history without a terminal.
public final class ScriptedLineReader: LineReader {
    /// Stands for Ctrl-C in a script: reading it yields `.interrupted`.
    public static let interrupt = "\u{3}"

    private var remaining: ArraySlice<String>
    /// Every prompt passed to `readLine`, including the one answered with `.eof`.
    public private(set) var prompts: [String] = []
    /// Every line passed to `addHistory`, unfiltered, so tests see exactly what the caller offered.
    public private(set) var history: [String] = []

    /// Each string is returned as one line; then every read is `.eof`.
    public init(_ lines: [String]) {
        remaining = lines[...]
    }

    public func readLine(prompt: String) -> LineReadResult {
        prompts.append(prompt)
        guard let line = remaining.popFirst() else { return .eof }
        return line == Self.interrupt ? .interrupted : .line(line)
    }

    public func addHistory(_ line: String) {
        history.append(line)
    }
}
