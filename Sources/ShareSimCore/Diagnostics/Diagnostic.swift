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
