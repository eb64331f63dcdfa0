package struct EventStatement: Sendable, Equatable {
    package var name: Name
    package var date: DateLiteral
    /// `until DATE` on the header: every change without its own `until` ends then.
    package var until: DateLiteral?
    package var changes: [ChangeStatement]
    package var location: SourceLocation
    package var tag: String?
}
