/// A figure written as something other than a number.
package enum FigureReference: Sendable, Equatable {
    /// The name of a parameter declared with `param`.
    case parameter(Name)
    /// A distribution written in place of the number: an anonymous parameter.
    case distribution(DistributionSyntax)
}
