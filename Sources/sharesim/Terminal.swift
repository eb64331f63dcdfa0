import ArgumentParser
import Foundation
import ShareSimCore

/// What the executable needs to know about the terminal: its width, and whether colour
/// is wanted (only on a terminal, never with NO_COLOR or TERM=dumb).
enum Terminal {
    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    static var width: Int {
        var w = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &w) == 0, w.ws_col > 0 { return Int(w.ws_col) }
        if let c = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(c), n > 0 { return n }
        return 80
    }

    static func wantsColor(_ choice: ColorChoice, fd: Int32) -> Bool {
        switch choice {
        case .always: return true
        case .never: return false
        case .auto:
            let env = ProcessInfo.processInfo.environment
            if env["NO_COLOR"] != nil || env["TERM"] == "dumb" { return false }
            return isTerminal(fd)
        }
    }
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// Writing to the standard streams without Foundation's buffering surprises.
enum Output {
    static func out(_ s: String) { FileHandle.standardOutput.write(Data(s.utf8)) }
    static func err(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }

    /// A command's result: to standard output (also for `-o -`), or written whole to `path`
    /// (see `AtomicFile`), exiting 73 (cannot create) when either fails.
    static func deliver(_ text: String, to path: String?) throws {
        let file = path.flatMap { $0 == "-" ? nil : $0 }
        do {
            if let file { try AtomicFile.write(text, to: file) } else { try AtomicFile.write(text, toDescriptor: STDOUT_FILENO) }
        } catch {
            err("sharesim: error: cannot write \(file.map { "'\($0)'" } ?? "standard output"): \(AtomicFile.reason(error))\n")
            throw ExitCode(ExitStatus.cannotWrite)
        }
    }
}

/// `1 segment`, `3 segments`.
func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
