import Foundation

/// Folds the `USAGE:` line of help and the `Usage:` line of argument errors to the width
/// the rest of the help is wrapped to. ArgumentParser wraps prose but prints the usage as
/// one line (montecarlo's ran to 219 columns); a custom `usage:` string per command would
/// fold it, but would have to be kept in step with the options by hand.
enum UsageLines {
    /// `message` with each over-long usage line folded between whole arguments: an option
    /// stays with its value and a bracketed group is never split. Continuation lines are
    /// indented under the command, as ArgumentParser indents its own.
    static func fold(_ message: String, width: Int = helpWidth) -> String {
        message.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.count > width, let prefix = ["USAGE: ", "Usage: "].first(where: { line.hasPrefix($0) }) else {
                return String(line)
            }
            return fill(arguments(in: line.dropFirst(prefix.count)), first: prefix, width: width)
        }.joined(separator: "\n")
    }

    /// ArgumentParser's own rule for the help's width: `COLUMNS`, else the terminal's, else 80.
    static var helpWidth: Int { Terminal.environmentColumns ?? Terminal.windowColumns ?? 80 }

    /// The words of a usage line grouped into what must stay on one line: `[--by <by>]`,
    /// `--runs <runs>`, `--fit <name> ...`, `<file>`.
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

    private static func fill(_ groups: [String], first prefix: String, width: Int) -> String {
        let indent = String(repeating: " ", count: prefix.count)
        var lines: [String] = []
        var line = prefix
        for group in groups {
            let start = line == prefix || line == indent
            if !start && line.count + 1 + group.count > width {
                lines.append(line)
                line = indent
            }
            line += (line == prefix || line == indent ? "" : " ") + group
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }
}
