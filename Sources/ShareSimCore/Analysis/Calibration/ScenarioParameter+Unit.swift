/// The unit a parameter is written in where the scenario uses it, so that calibration shows
/// a fitted value and its bounds as the file would write them (`6.526994%`, `0.521949/y`)
/// even when no `--in` bounds say which unit the user thinks in.
extension ScenarioParameter {
    /// The unit of the figures it sets; plain when it sets none, or figures of different units.
    public func unit(in scenario: ResolvedScenario) -> Quantity.Unit {
        let units = targets.map { target -> Quantity.Unit in
            switch target {
            case .initialShare, .buyerWeight: return .percent
            case .growth: return .percentPerYear
            case .lifetime: return .years
            case .size: return .amount(unit: nil)
            case .appeal: return .plain
            case .change(let i):
                switch scenario.changes[i].field {
                case .access: return .percent
                case .growth: return .percentPerYear
                case .shift: return .plain
                case .trend: return .plainPerYear
                }
            }
        }
        guard let first = units.first, units.allSatisfy({ $0 == first }) else { return .plain }
        return first
    }
}
