/// One observed figure: data to check or calibrate against. The engine ignores them.
public struct Observation: Sendable, Equatable {
    /// The step it was observed at; for a growth rate, the step it ends at.
    public var at: Int
    /// Where a growth rate starts (`sales growth … 2014-01 to 2019-01`); nil for a level.
    public var from: Int?
    public var segment: String
    /// A share, an amount, or an amount's yearly growth.
    public var measure: Metric
    public var view: ShareView
    /// Vendor ids, brand origins, channel ids (`direct` too) or recorded origins, as `view`
    /// says; vendor ids within `buyer` for the buyer view.
    public var keys: [String]
    /// Set only for the buyer view.
    public var buyer: String?
    /// A fraction for shares and growth rates (51%/y is 0.51).
    public var value: Double
    /// One standard deviation, in the unit of `value`; calibration weighs by `1/σ`.
    public var uncertainty: Double?
    public var role: ObservationRole
    /// The source tag, e.g. `seed 003`.
    public var source: String?
    public var location: SourceLocation?

    package init(at: Int, from: Int? = nil, segment: String, measure: Metric, view: ShareView, keys: [String], buyer: String? = nil,
                value: Double, uncertainty: Double? = nil, role: ObservationRole, source: String? = nil,
                location: SourceLocation? = nil) {
        self.at = at
        self.from = from
        self.segment = segment
        self.measure = measure
        self.view = view
        self.keys = keys
        self.buyer = buyer
        self.value = value
        self.uncertainty = uncertainty
        self.role = role
        self.source = source
        self.location = location
    }
}
