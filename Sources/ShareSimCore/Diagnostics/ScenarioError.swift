/// Thrown when a scenario cannot be used; carries every diagnostic found and the sources
/// needed to print them.
public struct ScenarioError: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public var sources: [String: SourceFile]
    /// True when the failure is an unreadable file (exit 66) rather than bad content (exit 65).
    public var isUnreadableFile: Bool
    /// Errors found but left out of `diagnostics` (see `DiagnosticLimit`).
    package var omittedErrors: Int
    public init(_ diagnostics: [Diagnostic], sources: [String: SourceFile], isUnreadableFile: Bool = false, omittedErrors: Int = 0) {
        self.diagnostics = diagnostics
        self.sources = sources
        self.isUnreadableFile = isUnreadableFile
        self.omittedErrors = omittedErrors
    }

    /// Every error found, reported or left out.
    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count + omittedErrors }
}
