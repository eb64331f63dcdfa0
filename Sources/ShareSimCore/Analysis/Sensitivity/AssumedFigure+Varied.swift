extension AssumedFigure {
    /// The figure as a parameter that a sensitivity analysis moves: uniform over ±`spread` of
    /// its value, clipped to what its place accepts (a share stays within 0 to 100%), named
    /// by its label so that a row of the ranking says where to find it.
    func varied(by spread: Double) -> ScenarioParameter {
        let reach = abs(nominal) * spread
        let low = Swift.max(validRange.lowerBound, nominal - reach), high = Swift.min(validRange.upperBound, nominal + reach)
        return ScenarioParameter(name: label, nominal: nominal, distribution: .uniform(low, high), location: location,
                                 targets: targets, validRange: validRange)
    }
}
