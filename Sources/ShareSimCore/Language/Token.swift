/// The smallest pieces of scenario text. Every token keeps its span so the parser can
/// point errors at the exact characters.
package struct Token: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        case identifier(String)
        case string(String)
        /// A number as written; `suffix` holds letters or `%` glued to it (`45%`, `8y`, `4B`).
        case number(Double, text: String, suffix: String)
        case date(String)
        /// `[seed 001: …]`: where a figure came from; the text between the brackets.
        case tag(String)
        case symbol(String)
        /// Leading white space on a line that has content: an event's body is indented.
        case indent
        case newline
        case end
    }
    package var kind: Kind
    package var span: SourceSpan

    package var isNewlineOrEnd: Bool {
        switch kind {
        case .newline, .end: return true
        default: return false
        }
    }

    /// How the token reads in an error message.
    package var display: String {
        switch kind {
        case .identifier(let s): return "'\(s)'"
        case .string(let s): return "\"\(s)\""
        case .number(_, let text, let suffix): return "'\(text)\(suffix)'"
        case .date(let s): return "'\(s)'"
        case .tag(let s): return "'[\(s)]'"
        case .symbol(let s): return "'\(s)'"
        case .indent: return "indentation"
        case .newline: return "end of line"
        case .end: return "end of file"
        }
    }
}
