/// A usage line folded to a width between whole arguments: an option stays with its value
/// and a bracketed group is never split, so a folded line still reads as the syntax. Shared
/// by the REPL's `help COMMAND` and the command line's `USAGE:` lines.
public enum UsageFold {
    /// `usage` after `prefix` (`USAGE: `, or nothing), in lines of at most `width` where the
    /// arguments allow; continuation lines are indented by `indent`.
    public static func fold(_ usage: Substring, prefix: String = "", indent: Int, width: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        var line = prefix
        for group in arguments(in: usage) {
            let start = line == prefix || line == pad
            if !start && line.count + 1 + group.count > width {
                lines.append(line)
                line = pad
            }
            line += (line == prefix || line == pad ? "" : " ") + group
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    /// The words of a usage line grouped into what must stay on one line: `[--by <by>]`,
    /// `--runs <runs>`, `--fit <name> ...`, `<file>`, `[LOW..HIGH][, NAME2 [LOW..HIGH]]`.
    static func arguments(in usage: Substring) -> [String] {
        var groups: [String] = []
        var current = ""
        var depth = 0
        let words = usage.split(separator: " ")
        for (index, word) in words.enumerated() {
            // `--fit <name> ...`: the repetition mark stays with what it repeats.
            if word == "...", current.isEmpty, let last = groups.popLast() {
                current = last
            }
            current += current.isEmpty ? word : " " + word
            depth += word.filter { "[<".contains($0) }.count - word.filter { "]>".contains($0) }.count
            let valueFollows = word.hasPrefix("-") && index + 1 < words.count && words[index + 1].hasPrefix("<")
            if depth <= 0 && !valueFollows {
                groups.append(current)
                current = ""
                depth = 0
            }
        }
        if !current.isEmpty { groups.append(current) }
        return groups
    }
}
