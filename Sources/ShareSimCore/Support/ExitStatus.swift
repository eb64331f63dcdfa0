/// The contract's exit codes (DESIGN.md), one type for the command line, the REPL and the
/// library's refusals (`OperationError`), so a status is never a bare number.
public enum ExitStatus: Int32, Sendable {
    case success = 0
    /// An expectation failed, or a comparison found a difference over its tolerance.
    case expectationFailed = 1
    /// Bad command-line usage (or a command at the prompt used wrongly).
    case usage = 2
    /// The scenario has errors.
    case dataError = 65
    /// A file could not be read.
    case noInput = 66
    /// A bug in sharesim.
    case internalError = 70
    /// An output file could not be written (sysexits' EX_CANTCREAT).
    case cannotWrite = 73
    case interrupted = 130
}
