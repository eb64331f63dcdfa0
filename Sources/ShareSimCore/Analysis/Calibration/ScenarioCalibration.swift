import Foundation

/// Fits a scenario's parameters to observed outcomes.
///
/// - One parameter, one target: bisection inside a bracket (`fitByBisection`). The signs of
///   outcome − target at the bracket's ends must differ.
/// - Several parameters (or several targets): least squares on transformed outcomes
///   (`fitByLeastSquares`): the log-odds of a share, the logarithm of an amount, the
///   logarithm of a growth factor (1 + rate). Parameters stay within their valid ranges and
///   the bounds given; derivatives are taken numerically, their runs in parallel.
///
/// ```swift
/// let target = try OutcomeTarget.parse("installed share origin CN, HK in chips at 2023-01 = 85%", in: s)
/// let fit = try ScenarioCalibration.fitByBisection(s, parameter: "leakage", in: ValueInterval(0...0.2, unit: .percent), target: target)
/// fit.values[0]    // ≈ 0.0653
/// ```
public enum ScenarioCalibration {
    public enum Method: String, Sendable {
        case bisection
        case leastSquares = "least squares"
    }

    public struct Result: Sendable {
        public var method: Method
        public var parameters: [String]
        /// The fitted values, one per parameter.
        public var values: [Double]
        public var targets: [OutcomeTarget]
        /// Each target's outcome at the fitted values.
        public var found: [Double]
        /// found − wanted, in the outcome's terms (a share as a fraction, so 0.01 is one point).
        package var residuals: [Double]
        /// The residuals the fit minimises: log-odds for shares, log ratio for amounts, log of
        /// the growth factors' ratio for growth rates. For bisection, the same transform.
        package var transformedResiduals: [Double]
        /// Bisection halvings or least-squares iterations.
        package var iterations: Int
        /// Scenario runs, the starting ones included.
        public var runs: Int
        package var converged: Bool
        /// Which fitted values lie on a bound of their range.
        package var atBound: [Bool]
        /// The bounds each parameter was fitted within.
        public var bounds: [ClosedRange<Double>]
        /// The unit each value is shown in: its bounds' as written, else the parameter's own.
        public var units: [Quantity.Unit]
    }

    // MARK: bisection

    /// Fits one parameter to one target by bisection in `interval` (messages name its ends
    /// as written, e.g. `0%` and `20%`).
    package static func fitByBisection(_ scenario: ResolvedScenario, parameter: String, in interval: ValueInterval,
                                      target: OutcomeTarget, isCancelled: (@Sendable () -> Bool)? = nil) throws(OperationError) -> Result {
        let bounds = try checkBounds(scenario, parameter, interval)
        var runs = 0
        let workspace = EngineWorkspace()
        func f(_ x: Double) throws -> Double {
            runs += 1
            switch SweepJob.evaluate(scenario, setting: [(parameter, x)], outcomes: [target.outcome], workspace: workspace,
                                     isCancelled: isCancelled) {
            case .value(let v): return v[0] - target.value
            case .invalid(let d): throw OperationError.invalid(d)
            case .cancelled: throw OperationError.cancelled
            }
        }
        let b: Solver.Bisection
        do {
            b = try Solver.bisect(low: bounds.lowerBound, high: bounds.upperBound, f)
        } catch let failure as OperationError {
            throw failure
        } catch Solver.BisectionFailure.noRoot(_, _, let fLo, let fHi) {
            let loText = interval.lowText, hiText = interval.highText
            let side = fLo > 0 ? "above" : "below"
            throw .invalid(Diagnostic(
                .error, "the bracket \(loText)..\(hiText) of '\(parameter)' may hold no solution: the outcome is \(side) the target \(target.valueText) at both ends",
                at: nil,
                notes: ["at \(parameter) = \(loText): \(target.outcome.describe(fLo + target.value))",
                        "at \(parameter) = \(hiText): \(target.outcome.describe(fHi + target.value))"],
                help: ["widen the bracket so that the outcome crosses \(target.valueText) inside it"]))
        } catch Solver.BisectionFailure.undefined(let x) {
            throw .invalid(Diagnostic(.error, "the outcome is undefined at \(parameter) = \(ValueText.label(x, like: interval.unit))", at: nil,
                                      help: ["a growth rate needs sales at its first date; choose another bracket or outcome"]))
        } catch {
            throw .invalid(Diagnostic(.error, "\(error)", at: nil))
        }
        let found = b.residual + target.value
        return Result(method: .bisection, parameters: [parameter], values: [b.root], targets: [target], found: [found],
                      residuals: [b.residual], transformedResiduals: [transformedResidual(found, target)],
                      iterations: b.iterations, runs: runs, converged: true,
                      atBound: [b.root == bounds.lowerBound || b.root == bounds.upperBound], bounds: [bounds],
                      units: [try unit(of: parameter, in: scenario, written: interval)])
    }

    // MARK: least squares

    /// Fits several parameters to several targets (at least as many targets as parameters)
    /// by least squares on transformed outcomes, starting from the parameters' values in the
    /// scenario. `bounds[i]`, when given, narrows parameter i's valid range.
    package static func fitByLeastSquares(_ scenario: ResolvedScenario, parameters: [String], bounds given: [ValueInterval?],
                                         targets: [OutcomeTarget], threads: Int = ParallelWork.defaultThreads,
                                         isCancelled: (@Sendable () -> Bool)? = nil) throws(OperationError) -> Result {
        guard !targets.isEmpty else {
            throw .invalid(Diagnostic(.error, "calibration needs at least one parameter and one target", at: nil))
        }
        guard targets.count >= parameters.count else {
            throw .invalid(Diagnostic(.error, "\(parameters.count) parameters cannot be fitted to \(targets.count) target\(targets.count == 1 ? "" : "s")",
                                      at: nil, help: ["give at least as many targets as parameters, or fit fewer parameters"]))
        }
        let fitted = try FittedParameters(scenario, names: parameters, bounds: given)
        for t in targets { try checkTransformable(t) }
        let outcomes = targets.map(\.outcome)
        let evaluate = FitEvaluator(scenario, names: parameters, threads: threads, isCancelled: isCancelled) { run in
            zip(outcomes, targets).map { transformedResidual($0.value(in: run), $1) }
        }
        let fit = try evaluate.leastSquares(start: fitted.start, bounds: fitted.bounds)
        // The outcomes at the fit, in their own terms.
        let run = try evaluate.run(at: fit.values)
        let final = outcomes.map { $0.value(in: run) }
        return Result(method: .leastSquares, parameters: parameters, values: fit.values, targets: targets, found: final,
                      residuals: zip(final, targets).map { $0 - $1.value }, transformedResiduals: fit.residuals,
                      iterations: fit.iterations, runs: evaluate.runs, converged: fit.converged, atBound: fit.atBound,
                      bounds: fitted.bounds, units: fitted.units)
    }

    /// A parameter's valid range when both its ends are finite, in the parameter's unit: the
    /// bracket bisection uses when none is given. Nil for a range open at either end; throws
    /// for an unknown name.
    public static func bracket(of name: String, in scenario: ResolvedScenario) throws(OperationError) -> ValueInterval? {
        let r = try checkBounds(scenario, name, nil)
        let finite = abs(r.lowerBound) < 1e300 && abs(r.upperBound) < 1e300
        return finite ? ValueInterval(r, unit: try unit(of: name, in: scenario, written: nil)) : nil
    }

    /// The unit a parameter's value is shown in: that of the bounds written for it, else the
    /// one the scenario writes it in.
    static func unit(of name: String, in scenario: ResolvedScenario, written: ValueInterval?) throws(OperationError) -> Quantity.Unit {
        if let written { return written.unit }
        return try parameter(name, in: scenario).unit(in: scenario)
    }

    // MARK: transforms and checks

    /// What least squares minimises for one target: the log-odds difference for a share, the
    /// log ratio for an amount, the log ratio of growth factors for a growth rate.
    package static func transformedResidual(_ found: Double, _ target: OutcomeTarget) -> Double {
        transform(found, target.outcome.metric) - transform(target.value, target.outcome.metric)
    }

    static func transform(_ x: Double, _ metric: Metric) -> Double {
        let eps = 1e-12
        switch metric {
        case .installedShare, .salesShare:
            let s = min(max(x, eps), 1 - eps)
            return log(s / (1 - s))
        case .installed, .sales:
            return log(max(x, 1e-300))
        case .installedGrowth, .salesGrowth:
            return log(max(1 + x, 1e-300))
        }
    }

    static func checkTransformable(_ t: OutcomeTarget) throws(OperationError) {
        let ok: Bool
        let why: String
        switch t.outcome.metric {
        case .installedShare, .salesShare:
            ok = t.value > 0 && t.value < 1
            why = "a share target must lie strictly between 0% and 100% (its log-odds are fitted)"
        case .installed, .sales:
            ok = t.value > 0
            why = "an amount target must be above 0 (its logarithm is fitted)"
        case .installedGrowth, .salesGrowth:
            ok = t.value > -1
            why = "a growth target must be above -100%/y"
        }
        if !ok {
            throw .invalid(Diagnostic(.error, "cannot fit to \(t.outcome.text) = \(t.valueText)", at: t.outcome.expectation.location, help: [why]))
        }
    }

    /// The parameter exists, and its bounds: the interval given, which must lie within its
    /// valid range, or the valid range itself. Bounds outside are reported as written (at
    /// `--in`, in the user's unit), as `sweep` reports a value out of range.
    static func checkBounds(_ scenario: ResolvedScenario, _ name: String, _ interval: ValueInterval?) throws(OperationError) -> ClosedRange<Double> {
        let p = try parameter(name, in: scenario)
        guard let interval else { return p.validRange }
        guard p.validRange.contains(interval.low), p.validRange.contains(interval.high) else {
            let percent = [.percent, .percentPerYear].contains(interval.unit)
            throw .invalid(Diagnostic(.error, "the bounds \(interval.text) of '\(name)' leave its valid range", at: interval.location,
                                      notes: ["'\(name)' (declared at \(p.location.description)) accepts \(ResolvedScenario.describe(p.validRange, percent: percent)) where it is used"],
                                      help: ["give bounds within that range"]))
        }
        return interval.range
    }

    /// The parameter of that name, or an error that suggests the nearest.
    static func parameter(_ name: String, in scenario: ResolvedScenario) throws(OperationError) -> ScenarioParameter {
        guard let p = scenario.parameters.first(where: { $0.name == name }) else {
            let names = scenario.parameters.map(\.name)
            throw .invalid(Diagnostic(.error, "unknown parameter '\(name)'", at: nil,
                                      help: [Suggestions.didYouMean(name, in: names)
                                             ?? (names.isEmpty ? "this scenario declares no parameters; declare one with: param NAME = 6.5%"
                                                               : "parameters are: \(names.joined(separator: ", "))")]))
        }
        return p
    }
}
