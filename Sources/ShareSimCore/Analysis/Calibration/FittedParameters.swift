/// The parameters a least-squares fit moves, checked once for every kind of fit: each is
/// declared and named once, with the bounds it is fitted within (those given, inside its
/// valid range, or that range), the unit its value is shown in, and where the fit starts
/// (its value in the scenario, moved inside the bounds).
struct FittedParameters {
    var names: [String]
    var bounds: [ClosedRange<Double>]
    var units: [Quantity.Unit]
    var start: [Double]

    /// `given[i]`, when there is one, bounds parameter i.
    init(_ scenario: ResolvedScenario, names: [String], bounds given: [ValueInterval?]) throws(OperationError) {
        guard !names.isEmpty else {
            throw .invalid(Diagnostic(.error, "calibration needs at least one parameter to fit", at: nil, help: ["name one with --fit"]))
        }
        for (i, name) in names.enumerated() where names[..<i].contains(name) {
            throw .invalid(Diagnostic(.error, "parameter '\(name)' is fitted twice", at: nil))
        }
        self.names = names
        bounds = []
        units = []
        start = []
        // A refusal names the parameter at fault, so that a front end can point at it.
        for (i, name) in names.enumerated() {
            do throws(OperationError) {
                let written = i < given.count ? given[i] : nil
                let range = try ScenarioCalibration.checkBounds(scenario, name, written)
                bounds.append(range)
                units.append(try ScenarioCalibration.unit(of: name, in: scenario, written: written))
                let nominal = try ScenarioCalibration.parameter(name, in: scenario).nominal
                start.append(min(max(nominal, range.lowerBound), range.upperBound))
            } catch {
                throw error.about(part: i)
            }
        }
    }
}
