/// The contract's exit codes (DESIGN.md), one list for the command line and the REPL.
public enum ExitStatus {
    public static let expectationFailed: Int32 = 1
    public static let usage: Int32 = 2
    public static let dataError: Int32 = 65
    public static let noInput: Int32 = 66
    public static let internalError: Int32 = 70
    /// An output file could not be written (sysexits' EX_CANTCREAT).
    public static let cannotWrite: Int32 = 73
    public static let interrupted: Int32 = 130
}
