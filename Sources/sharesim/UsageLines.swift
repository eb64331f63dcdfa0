import Foundation
import ShareSimREPL

/// Folds the `USAGE:` line of help and the `Usage:` line of argument errors to the width
/// the rest of the help is wrapped to. ArgumentParser wraps prose but prints the usage as
/// one line (montecarlo's ran to 219 columns); a custom `usage:` string per command would
/// fold it, but would have to be kept in step with the options by hand.
enum UsageLines {
    /// `message` with each over-long usage line folded between whole arguments (see
    /// `UsageFold`). Continuation lines are indented under the command, as ArgumentParser
    /// indents its own.
    static func fold(_ message: String, width: Int = helpWidth) -> String {
        message.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.count > width, let prefix = ["USAGE: ", "Usage: "].first(where: { line.hasPrefix($0) }) else {
                return String(line)
            }
            return UsageFold.fold(line.dropFirst(prefix.count), prefix: prefix, indent: prefix.count, width: width)
        }.joined(separator: "\n")
    }

    /// ArgumentParser's own rule for the help's width: `COLUMNS`, else the terminal's, else 80.
    static var helpWidth: Int { Terminal.environmentColumns ?? Terminal.windowColumns ?? 80 }
}
