/// `param leakage = 6.5%` or `param leakage ~ triangular(3%, 6.5%, 10%)`: a named figure
/// that segments, shares and event changes may use in place of a number.
package struct ParamStatement: Sendable, Equatable {
    package var name: Name
    /// The figure; its `reference` is a distribution for `~`.
    package var value: Quantity
    package var location: SourceLocation
    package var tag: String?
}
