// Named and uncertain figures of a resolved scenario: what `param` declares, what a
// distribution written in place of a number becomes, and how a value set for one of them
// reaches every figure that uses it. Monte Carlo draws them; sweeps and calibration set them.

/// A named figure (`param leakage = 6.5%`), or an uncertain one written in place of a
/// number (`to uniform(3%, 10%)`, named after what it sets, e.g. `chips lifetime`).
public struct ScenarioParameter: Sendable, Equatable {
    public var name: String
    /// The value in effect; what a plain run uses.
    public var nominal: Double
    /// Nil for a parameter with a fixed value.
    public var distribution: Distribution?
    /// Where it was declared (for an anonymous one, where the distribution was written).
    public var location: SourceLocation
    /// Every figure it sets.
    public var targets: [ParameterTarget]
    /// The values every place it is used accepts: [0, 1] for access, shares and buyer
    /// weights, above 0 for a lifetime or size, at least −100% for growth.
    package var validRange: ClosedRange<Double>

    package init(name: String, nominal: Double, distribution: Distribution?, location: SourceLocation,
                targets: [ParameterTarget], validRange: ClosedRange<Double>) {
        self.name = name
        self.nominal = nominal
        self.distribution = distribution
        self.location = location
        self.targets = targets
        self.validRange = validRange
    }

    /// Whether Monte Carlo draws it.
    public var isUncertain: Bool { distribution != nil }
}
