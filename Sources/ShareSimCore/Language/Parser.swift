/// Reads tokens into statements. A statement that cannot be read becomes a diagnostic and
/// the parser resumes at the next line, so a file's every error is reported in one pass.
package struct Parser {
    var tokens: [Token]
    var pos = 0
    let file: SourceFile
    package private(set) var diagnostics: [Diagnostic] = []
    /// Errors found past `DiagnosticLimit.errorsPerFile`, the lexer's and the parser's,
    /// counted but not recorded.
    package private(set) var omittedErrors = 0
    /// The statements that were reported and left out, so that the resolver does not report
    /// again, wherever it is used, a name one of them meant to declare.
    package private(set) var unreadable: [UnreadableStatement] = []

    /// Signals that the current statement is abandoned; its diagnostic is already recorded.
    struct Abandon: Error {}

    package init(_ file: SourceFile) {
        self.file = file
        var lexer = Lexer(file)
        self.tokens = lexer.tokenize()
        self.diagnostics = lexer.diagnostics
        self.omittedErrors = lexer.omittedErrors
    }

    /// Parses a whole file. Statements that failed are left out; see `diagnostics`.
    package mutating func parseFile() -> [Statement] {
        var out: [Statement] = []
        while true {
            skipNewlines()
            if case .end = peek.kind { break }
            if case .indent = peek.kind {
                let t = advance()
                if case .newline = peek.kind { continue }
                if case .end = peek.kind { break }
                error("unexpected indentation", at: t, help: "only the changes of an event are indented under it")
                noteUnreadable(from: pos)
                skipLine()
                skipIndentedBody()
                continue
            }
            let start = pos
            do {
                let statement = try parseStatement()
                out.append(statement)
            } catch {
                noteUnreadable(from: start)
                skipLine()
                skipIndentedBody()
            }
        }
        return out
    }

    /// Records what a statement left out was about: its keyword (the one a misspelt keyword
    /// stands for) and the name written after it.
    private mutating func noteUnreadable(from start: Int) {
        var keyword = ""
        if case .identifier(let word) = tokens[start].kind {
            keyword = word.lowercased()
            if !Keywords.statements.contains(keyword) {
                keyword = Suggestions.closest(to: keyword, in: Keywords.statements) ?? keyword
            }
        }
        var name: String?
        switch tokens[min(start + 1, tokens.count - 1)].kind {
        case .identifier(let s), .string(let s): name = s
        default: break
        }
        unreadable.append(UnreadableStatement(keyword: keyword, name: name))
    }

    // MARK: token access

    var peek: Token { tokens[pos] }
    func peek(_ n: Int) -> Token { tokens[min(pos + n, tokens.count - 1)] }

    @discardableResult
    mutating func advance() -> Token {
        let t = tokens[pos]
        if pos < tokens.count - 1 { pos += 1 }
        return t
    }

    func location(of t: Token) -> SourceLocation {
        var loc = file.location(at: t.span.start)
        loc.length = max(1, t.span.end - t.span.start)
        return loc
    }

    func location(from a: Token, to b: Token) -> SourceLocation {
        var loc = file.location(at: a.span.start)
        let end = file.location(at: b.span.end)
        loc.length = end.line == loc.line ? max(1, end.column - loc.column) : 1
        return loc
    }

    var previous: Token { tokens[max(0, pos - 1)] }

    /// Whether the token is the word `word` (lowercase), in any letter case. Asked of nearly
    /// every token, so ASCII words are compared in place rather than lowercased into a copy.
    func isWord(_ word: String, _ t: Token? = nil) -> Bool {
        guard case .identifier(let s) = (t ?? peek).kind else { return false }
        let a = s.utf8, b = word.utf8
        guard a.allSatisfy({ $0 < 0x80 }) else { return s.lowercased() == word }
        return a.count == b.count && zip(a, b).allSatisfy { x, y in (x >= 0x41 && x <= 0x5A ? x | 0x20 : x) == y }
    }

    func isSymbol(_ sym: String, _ t: Token? = nil) -> Bool {
        if case .symbol(let s) = (t ?? peek).kind { return s == sym }
        return false
    }

    mutating func acceptWord(_ word: String) -> Bool {
        if isWord(word) { advance(); return true }
        return false
    }

    mutating func acceptSymbol(_ sym: String) -> Bool {
        if isSymbol(sym) { advance(); return true }
        return false
    }

    mutating func expectWord(_ word: String, context: String, help: String? = nil) throws {
        if acceptWord(word) { return }
        throw fail("expected '\(word)' \(context), found \(peek.display)", at: peek, help: help)
    }

    mutating func expectSymbol(_ sym: String, context: String, help: String? = nil) throws {
        if acceptSymbol(sym) { return }
        throw fail("expected '\(sym)' \(context), found \(peek.display)", at: peek, help: help)
    }

    /// A trailing source tag, if the statement has one.
    mutating func acceptTag() -> String? {
        if case .tag(let text) = peek.kind {
            advance()
            return text
        }
        return nil
    }

    mutating func expectEndOfStatement() throws {
        if peek.isNewlineOrEnd { return }
        throw fail("unexpected \(peek.display) at the end of the statement", at: peek,
                   help: "each statement stands on a line of its own; a comment starts with '#'")
    }

    mutating func skipNewlines() {
        while case .newline = peek.kind { advance() }
    }

    /// After a comma a list may go on on the next line.
    mutating func skipLineContinuation() {
        while true {
            switch peek.kind {
            case .newline, .indent: advance()
            default: return
            }
        }
    }

    mutating func skipLine() {
        while !peek.isNewlineOrEnd { advance() }
    }

    /// Skips the indented lines under a statement that failed, so its body is not
    /// reported again as stray indentation.
    mutating func skipIndentedBody() {
        while case .newline = peek.kind, case .indent = peek(1).kind {
            advance()
            skipLine()
        }
    }

    // MARK: diagnostics

    mutating func error(_ message: String, at t: Token, help: String? = nil) {
        error(message, at: location(of: t), help: help)
    }

    mutating func error(_ message: String, at loc: SourceLocation, help: String? = nil) {
        guard diagnostics.count < DiagnosticLimit.errorsPerFile else {
            omittedErrors += 1
            return
        }
        diagnostics.append(.error(message, at: loc, help: help))
    }

    mutating func fail(_ message: String, at t: Token, help: String? = nil) -> Abandon {
        error(message, at: t, help: help)
        return Abandon()
    }
}
