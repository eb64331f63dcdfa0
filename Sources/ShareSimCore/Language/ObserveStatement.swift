/// `observe sales share Domestic in telecom: 2021 11.6%, 2022 25.2% [FACTS: Reuters] check`,
/// or `observe from "chips.csv" sales share in chips [seed 003]`: observed data that `test`
/// checks (`check`) or that calibration fits to (`fit`, the default).
package struct ObserveStatement: Sendable, Equatable {
    package var metric: Metric
    /// Inline data: what the values measure. Nil for a file, whose columns are the selectors.
    package var selector: ShareSelector?
    package var buyer: Name?
    package var segments: [Name]
    /// `± 3%` before the colon: the uncertainty of every value without one of its own.
    package var uncertainty: Quantity?
    /// The values written inline; empty for a file.
    package var points: [ObservedPoint]
    /// `from "FILE.csv"`: the file, relative to the scenario that names it, and where it is named.
    package var file: Name?
    package var role: ObservationRole
    package var tag: String?
    package var location: SourceLocation
}

/// `2022 25.2% ± 2%`: one observed value at a date; or a growth rate over a period,
/// `2014-01 to 2019-01 51%/y`.
package struct ObservedPoint: Sendable, Equatable {
    /// Where an observed growth rate starts; nil for a level.
    package var from: DateLiteral? = nil
    /// The date of a level; the end of a growth rate's period.
    package var date: DateLiteral
    package var value: Quantity
    package var uncertainty: Quantity?
    /// Where the value came from, when the point has its own tag.
    package var tag: String?
}
