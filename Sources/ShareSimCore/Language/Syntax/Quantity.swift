/// A number with its unit as written: `45%`, `0.45`, `8y`, `3 months`, `4B USD`, `3%/y`.
public struct Quantity: Sendable, Equatable {
    public enum Unit: Sendable, Equatable {
        /// A bare number: a fraction for shares, utility for shifts.
        case plain
        case percent
        /// A duration, already converted to years.
        case years
        /// A rate per year: `0.4/y` (plain) or `3%/y` (percent, kept as a fraction).
        case plainPerYear
        case percentPerYear
        /// Money or units, with `k/M/B` applied; the currency or unit word if any.
        case amount(unit: String?)
        /// `+40 points`: percentage points added to a percentage, kept as a fraction (0.40).
        case points
        /// `markup 8%`: a route's price markup, kept as a fraction (0.08); the resolver turns
        /// it into the friction `-ln(1 + 0.08)`.
        case markup
    }
    /// The value in model terms: `45%` is 0.45, `8 months` is 0.666… years, `4B` is 4e9.
    public var value: Double
    public var unit: Unit
    /// The figure as written, for messages.
    public var text: String
    public var location: SourceLocation
    /// The source tag written right after this figure, if any.
    public var tag: String?
    /// Set when the figure is not a number but a parameter's name (`to leakage`) or a
    /// distribution (`to uniform(3%, 10%)`); `value` and `unit` then mean nothing until the
    /// resolver has looked the parameter up.
    package var reference: FigureReference? = nil
}
