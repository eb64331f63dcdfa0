import ArgumentParser
import Foundation
import ShareSimCore

/// What the executable needs to know about the terminal: its width, and whether colour
/// is wanted (only on a terminal, never with NO_COLOR or TERM=dumb).
enum Terminal {
    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// The window's width first: an exported COLUMNS goes stale when the window is
    /// resized, and the REPL reads the width at every command.
    static var width: Int { windowColumns ?? environmentColumns ?? 80 }

    /// Standard output's terminal window, when it is one.
    static var windowColumns: Int? {
        var w = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &w) == 0, w.ws_col > 0 else { return nil }
        return Int(w.ws_col)
    }

    /// Standard output's terminal window's rows, else LINES, else 24.
    static var height: Int {
        var w = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &w) == 0, w.ws_row > 0 { return Int(w.ws_row) }
        guard let l = ProcessInfo.processInfo.environment["LINES"], let n = Int(l), n > 0 else { return 24 }
        return n
    }

    static var environmentColumns: Int? {
        guard let c = ProcessInfo.processInfo.environment["COLUMNS"], let n = Int(c), n > 0 else { return nil }
        return n
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
    /// A full disk or a closed device ends the command with a message and exit 73 rather
    /// than Foundation's crash; a reader that went away (`| head`) ends it quietly, as it
    /// ends any Unix filter.
    static func out(_ s: String) {
        do { try AtomicFile.write(s, toDescriptor: STDOUT_FILENO) } catch {
            failedStandardOutput(error)
        }
    }

    static func err(_ s: String) { try? AtomicFile.write(s, toDescriptor: STDERR_FILENO) }

    /// Says what went wrong the one way every error is said: through `Diagnostic` and its
    /// printer (`sharesim: error: …`, then `help:` lines), in colour only where wanted.
    static func report(_ diagnostic: Diagnostic, printer: DiagnosticPrinter = DiagnosticPrinter(useColor: Terminal.wantsColor(.auto, fd: STDERR_FILENO))) {
        err(printer.render(diagnostic, sources: [:]))
    }

    /// Reports an error that ends the command, and gives the exit code it ends with.
    static func fail(_ message: String, help: String? = nil, status: ExitStatus) -> ExitCode {
        report(.error(message, at: nil, help: help))
        return ExitCode(status)
    }

    static func failedStandardOutput(_ error: Error) -> Never {
        if (error as NSError).domain == NSPOSIXErrorDomain, (error as NSError).code == Int(EPIPE) {
            signal(SIGPIPE, SIG_DFL)
            raise(SIGPIPE)
        }
        report(.error("cannot write standard output: \(AtomicFile.reason(error))", at: nil))
        exit(ExitStatus.cannotWrite.rawValue)
    }

    /// A command's result: to standard output (also for `-o -`; see `out`), or written whole
    /// to `path` (see `AtomicFile`), exiting 73 (cannot create) when that fails.
    static func deliver(_ text: String, to path: String?) throws {
        guard let file = path, file != "-" else { return out(text) }
        do { try AtomicFile.write(text, to: file) } catch {
            throw cannotWrite(file, error)
        }
    }

    /// Fails as `deliver` would, before the work: `-o missing-dir/x.csv` is refused at once
    /// rather than after minutes of Monte Carlo runs.
    static func checkWritable(_ path: String?) throws {
        guard let file = path, file != "-" else { return }
        do { try AtomicFile.checkWritable(file) } catch {
            throw cannotWrite(file, error)
        }
    }

    private static func cannotWrite(_ file: String, _ error: Error) -> ExitCode {
        fail("cannot write '\(file)': \(AtomicFile.reason(error))", status: ExitStatus.cannotWrite)
    }
}

