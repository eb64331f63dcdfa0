/// `expect installed share origin US, EU in telecom at 2021-12 <= 33%`: a scenario's own test.
package struct ExpectStatement: Sendable, Equatable {
    package var metric: Metric
    package var selector: ShareSelector
    /// `for government`: the vendors' share within one buyer group.
    package var buyer: Name?
    package var segments: [Name]
    package var from: DateLiteral
    /// A second date: the end of a range for levels, the end point for growth.
    package var to: DateLiteral?
    package var comparison: Relation
    package var value: Quantity
    package var tolerance: Quantity?
    package var location: SourceLocation
    package var tag: String?
    /// The line as written, to name the expectation in reports.
    package var text: String
}
