/// One finding about a scenario, typed so that a single printer renders them all alike.
public struct Diagnostic: Error, Sendable, Equatable {
    public enum Severity: String, Sendable { case error, warning }

    package var severity: Severity
    public var message: String
    public var location: SourceLocation?
    /// Extra facts (`note:` lines), e.g. where a name was first declared.
    public var notes: [String]
    /// What to do about it (`help:` lines), e.g. "did you mean 'Ericsson'?".
    public var help: [String]
    /// Set when the scenario only lacks something still to come (no timeline yet, a segment
    /// without shares yet): at the REPL, where a scenario is typed a statement at a time,
    /// such errors wait for `run` instead of rejecting the statement that revealed them.
    public var marksIncompleteScenario = false

    public init(
        _ severity: Severity = .error, _ message: String, at location: SourceLocation?,
        notes: [String] = [], help: [String] = []
    ) {
        self.severity = severity
        self.message = message
        self.location = location
        self.notes = notes
        self.help = help
    }

    public static func error(_ message: String, at location: SourceLocation?, help: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, help: help.map { [$0] } ?? [])
    }
}

/// Diagnostics gathered while reading a scenario: every error of a file is reported,
/// not only the first.
package struct DiagnosticBag: Sendable {
    package private(set) var items: [Diagnostic] = []
    package init() {}
    package var hasErrors: Bool { items.contains { $0.severity == .error } }
    package mutating func add(_ d: Diagnostic) { items.append(d) }
    package mutating func add(contentsOf ds: [Diagnostic]) { items.append(contentsOf: ds) }
}

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
