/// `uniform(3%, 10%)`, `triangular(3%, 6.5%, 10%)`, `normal(6.5%, 1.5%)`, `oneof(5%, 6.5%, 8%)`.
package struct DistributionSyntax: Sendable, Equatable {
    package enum Kind: String, Sendable, CaseIterable {
        case uniform, triangular, normal
        case oneOf = "oneof"
    }
    package var kind: Kind
    /// The numbers between the parentheses, each with its unit as written.
    package var arguments: [Quantity]
    /// The whole `kind(…)`.
    package var location: SourceLocation
}
