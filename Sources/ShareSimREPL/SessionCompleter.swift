import LineEditor

/// Adapts the session's completion to the line editor's protocol.
public final class SessionCompleter: LineCompleter {
    let session: Session
    public init(session: Session) { self.session = session }
    public func complete(line: String, cursor: Int) -> CompletionResult {
        let (start, candidates) = session.completions(line: line, cursor: cursor)
        return CompletionResult(wordStart: start, candidates: candidates)
    }
}
