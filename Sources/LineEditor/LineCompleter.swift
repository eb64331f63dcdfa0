/// Completion candidates for the word ending at the cursor.
///
/// The completer, which understands the language, says where the word starts;
/// the line editor, which owns the terminal, decides what to insert or list.
public struct CompletionResult: Equatable, Sendable {
    /// Character offset into the line where the word being completed begins.
    public var wordStart: Int
    /// Full replacements for that word (not just suffixes), in display order.
    public var candidates: [String]

    public init(wordStart: Int, candidates: [String]) {
        self.wordStart = wordStart
        self.candidates = candidates
    }
}

/// Supplies Tab completions; a class so the editor can call back into it from
/// C without copying state.
public protocol LineCompleter: AnyObject {
    /// `cursor` is a character offset into `line`.
    func complete(line: String, cursor: Int) -> CompletionResult
}
