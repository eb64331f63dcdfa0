import ShareSimCore

/// A command's failure (a usage error, a name that is not there) as the diagnostic the
/// REPL prints from a pipe, and the plain lines it prints at a prompt.
extension Diagnostic {
    /// `message` may go on with lines of help (`  example: …`); `suggestion` is the name
    /// the user probably meant, the first help line.
    static func command(_ message: String, at location: SourceLocation?, suggestion: String? = nil) -> Diagnostic {
        var lines = message.split(separator: "\n").map { String($0).trimmingCharacters(in: [" "]) }
        let first = lines.removeFirst()
        return Diagnostic(.error, first, at: location, help: (suggestion.map { [suggesting($0)] } ?? []) + lines)
    }

    /// At a prompt, where the input is on the screen just above: `'x' is no run; did you
    /// mean 'y'?`, then each further help line indented, as the command's usage is.
    var promptText: String {
        let suggestions = help.filter(Self.isSuggestion)
        let rest = help.filter { !Self.isSuggestion($0) }
        return ([message + suggestions.map { "; " + $0 }.joined()] + rest.map { "  " + $0 }).joined(separator: "\n")
    }

    private static func suggesting(_ name: String) -> String { "did you mean '\(name)'?" }

    /// A help line that names what the user probably meant, which a prompt puts on the message's line.
    private static func isSuggestion(_ help: String) -> Bool { help.hasPrefix("did you mean '") }
}
