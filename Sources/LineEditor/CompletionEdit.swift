/// What Tab does to the line, decided apart from the terminal so the rules can
/// be tested as plain values.
enum CompletionEdit: Equatable {
    /// Nothing to offer: ring the bell.
    case none
    /// Type this text at the cursor.
    case insert(String)
    /// Swap the word before the cursor for other text, for completers that
    /// match loosely (say, ignoring case) so candidates need not extend the word.
    case replace(word: String, with: String)
    /// Several candidates and nothing more to type: show them.
    case list([String])

    /// One candidate is typed out in full and followed by a space, except a
    /// directory (ending in "/") whose contents the user will want next.
    /// Several candidates contribute their longest common prefix; once that is
    /// typed, Tab lists them instead. Offsets out of range are clamped.
    static func plan(line: String, cursor: Int, result: CompletionResult) -> CompletionEdit {
        let characters = Array(line)
        let end = min(max(cursor, 0), characters.count)
        let start = min(max(result.wordStart, 0), end)
        let word = String(characters[start..<end])
        let candidates = distinct(result.candidates.filter { !$0.isEmpty })

        guard let first = candidates.first else { return .none }
        if candidates.count == 1 {
            return edit(word, into: first.hasSuffix("/") ? first : first + " ")
        }
        let prefix = longestCommonPrefix(candidates)
        if prefix != word && prefix.count >= word.count {
            return edit(word, into: prefix)
        }
        return .list(candidates)
    }

    static func longestCommonPrefix(_ strings: [String]) -> String {
        guard let first = strings.first else { return "" }
        var prefix = Array(first)
        for string in strings.dropFirst() {
            let shared = zip(prefix, string).prefix { $0 == $1 }.count
            prefix.removeLast(prefix.count - shared)
        }
        return String(prefix)
    }

    private static func edit(_ word: String, into target: String) -> CompletionEdit {
        let typed = Array(word)
        let wanted = Array(target)
        guard wanted.starts(with: typed) else { return .replace(word: word, with: target) }
        let rest = String(wanted.dropFirst(typed.count))
        return rest.isEmpty ? .none : .insert(rest)
    }

    private static func distinct(_ strings: [String]) -> [String] {
        var seen = Set<String>()
        return strings.filter { seen.insert($0).inserted }
    }
}
