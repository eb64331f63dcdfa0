/// The outcome of one prompt, so the REPL can tell "stop" from "start over"
/// without inspecting strings or errors.
public enum LineReadResult: Equatable, Sendable {
    /// What the user entered, without its line terminator.
    case line(String)
    /// Input is exhausted (Ctrl-D on an empty line, or the end of a pipe): quit.
    case eof
    /// Ctrl-C at the prompt: the typed line is discarded and the caller prompts again.
    case interrupted
}

/// The REPL's only view of its input, so a terminal, a pipe and a test script
/// are interchangeable.
public protocol LineReader: AnyObject {
    /// Shows `prompt` where the input source has somewhere to show it, then blocks for one line.
    func readLine(prompt: String) -> LineReadResult
    /// Offers a line for recall; sources without history ignore it.
    func addHistory(_ line: String)
}
