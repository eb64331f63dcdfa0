import ShareSimCore

/// A command's failure is a `Diagnostic` like a scenario's errors, so the REPL has one
/// error type and one printer: it is placed on the input at the word it is about, and
/// from a pipe the `DiagnosticPrinter` prints it at `<stdin>:LINE:COL` with a caret.
extension Session {
    /// A failed reply. `message` may go on with lines of help (`  example: …`); `word` is
    /// the input's word it is about, where the caret goes; `suggestion`, the name the user
    /// probably meant.
    func failure(_ message: String, word: String? = nil, suggestion: String? = nil, status: ExitStatus = .dataError) -> Reply {
        failure(diagnostic(message, word: word, suggestion: suggestion), status: status)
    }

    func failure(_ diagnostic: Diagnostic, status: ExitStatus = .dataError) -> Reply {
        Reply(error: text(of: diagnostic), failed: true, status: status)
    }

    /// A command's failure as a diagnostic at `word` (see `location(of:)`).
    func diagnostic(_ message: String, word: String? = nil, suggestion: String? = nil) -> Diagnostic {
        .command(message, at: location(of: word), suggestion: suggestion)
    }

    /// Where `word` stands on the current input, the command word when it is not there:
    /// the input is a line of the `<stdin>` or `<input>` source.
    func location(of word: String?) -> SourceLocation {
        let command = Words.split(current.text).first ?? ""
        let (column, length) = word.flatMap { w in Words.column(of: w, in: current.text).map { ($0, w.count) } }
            ?? (Words.column(of: command, in: current.text) ?? 1, command.count)
        return SourceLocation(file: env.inputName, line: current.line, column: column, length: length)
    }

    /// A diagnostic placed on the current input, printed as a pipe shows it.
    func renderAtInput(_ d: Diagnostic, word: String?) -> String {
        var placed = d
        placed.location = location(of: word)
        return printed(placed)
    }

    /// A command's failure as printed: from a pipe by the `DiagnosticPrinter`, located; at a
    /// prompt, where the input is on the screen above it, as plain lines like the command's
    /// other replies.
    func text(of failure: Diagnostic) -> String {
        guard env.piped, current.line > 0 else { return wrapped(failure.promptText) }
        return printed(failure)
    }

    /// The one printer every located error of the session goes through, quoting the input.
    private func printed(_ located: Diagnostic) -> String {
        DiagnosticPrinter(useColor: env.color).render(located, sources: [env.inputName: inputSource()])
    }
}
