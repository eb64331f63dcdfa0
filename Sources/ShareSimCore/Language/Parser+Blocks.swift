extension Parser {
    /// Whether `line` opens a block: an event header with nothing after its colon but a
    /// source tag or a comment, whose changes follow on indented lines. The REPL asks the
    /// language, as Lua's REPL asks its compiler and sqlite's shell asks `sqlite3_complete`,
    /// rather than reading the line a second way.
    public static func opensBlock(_ line: String) -> Bool {
        var lexer = Lexer(SourceFile(path: "<line>", text: line))
        let tokens = lexer.tokenize().filter { token in
            switch token.kind {
            case .tag, .indent, .newline, .end: return false
            default: return true
            }
        }
        guard case .identifier(let first)? = tokens.first?.kind, first.lowercased() == "event" else { return false }
        return tokens.last?.kind == .symbol(":")
    }
}
