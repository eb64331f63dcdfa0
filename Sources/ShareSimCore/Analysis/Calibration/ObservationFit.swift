/// Fits parameters to a scenario's own `fit` observations by weighted least squares, and says
/// how well the fitted run meets its `check` observations, which the fit never saw.
///
/// Each residual is (found − observed)/σ, σ the observation's stated uncertainty, so a figure
/// known to ±1 point pulls nine times as hard as one known to ±3 and the sum of squares is a
/// χ². When no fit observation states a σ, every residual weighs the same, in its own unit
/// (a share as a fraction). A mix of the two is refused: there is no honest weight for a
/// figure whose uncertainty nobody gave beside ones whose uncertainty is known. The solver is
/// `--target`'s Levenberg–Marquardt; only the residuals differ (observed units, not log-odds,
/// since σ is stated in them).
///
/// ```swift
/// let fit = try ObservationFit.fit(s, parameters: ["leakage", "intermediaries"], bounds: [])
/// fit.values        // the fitted values
/// fit.intervals[0]  // leakage's 95% profile interval
/// ```
public enum ObservationFit {
    package enum Weighting: String, Sendable {
        /// By 1/σ, each observation's stated uncertainty.
        case uncertainty
        /// Equal weights, none having a σ.
        case equal
    }

    /// One fitted observation at the fitted values.
    package struct Residual: Sendable {
        package var observation: Observation
        /// The run's value of the observed figure.
        package var found: Double
        /// found − observed, in the observation's unit (share points as a fraction).
        package var residual: Double { found - observation.value }
        /// What the fit squares: residual/σ, or the residual itself under equal weights.
        package var weighted: Double
    }

    public struct Result: Sendable {
        package var parameters: [String]
        /// The fitted values, one per parameter.
        package var values: [Double]
        /// The bounds each parameter was fitted within.
        package var bounds: [ClosedRange<Double>]
        /// The unit each value is shown in: its bounds' as written, else the parameter's own.
        package var units: [Quantity.Unit]
        /// Which fitted values lie on a bound of their range.
        package var atBound: [Bool]
        /// Each parameter's 95% profile interval; nil when there is none (equal weights and
        /// no more observations than parameters, so nothing estimates the residuals' spread).
        package var intervals: [ProfileInterval?]
        package var weighting: Weighting
        package var fitted: [Residual]
        /// The sum of the squared weighted residuals at the fit.
        package var sumOfSquares: Double
        /// The sum of squares an interval's ends reach: the fit's plus 3.84, or under equal
        /// weights the fit's times 1 + 3.84/(n − p); nil without intervals.
        package var threshold: Double?
        /// The scenario's `check` observations at the fitted values: held out, not fitted.
        package var checks: [ObservationChecker.Verdict]
        /// Levenberg–Marquardt iterations of the fit itself.
        package var iterations: Int
        /// Scenario runs, the intervals' included.
        package var runs: Int
        package var converged: Bool
    }

    /// Fits `parameters` (each within `bounds[i]` when given, else its valid range) to every
    /// `fit` observation of `scenario`, then searches each parameter's interval, the ends in
    /// parallel on `threads` (each end on its own thread, so the result does not depend on
    /// their number).
    package static func fit(_ scenario: ResolvedScenario, parameters: [String], bounds given: [ValueInterval?],
                           threads: Int = ParallelWork.defaultThreads,
                           isCancelled: (@Sendable () -> Bool)? = nil) throws(OperationError) -> Result {
        let observations = scenario.observations.filter { $0.role == .fit }
        let weighting = try checkWeights(observations, scenario: scenario, parameters: parameters.count)
        let fitted = try FittedParameters(scenario, names: parameters, bounds: given)
        let weights = observations.map { 1 / ($0.uncertainty ?? 1) }
        let residuals: @Sendable (RunResult) -> [Double] = { run in
            zip(observations, weights).map { o, w in (ObservationChecker.value(of: o, in: run) - o.value) * w }
        }
        let evaluate = FitEvaluator(scenario, names: parameters, threads: threads, isCancelled: isCancelled, residuals: residuals)
        let fit = try evaluate.leastSquares(start: fitted.start, bounds: fitted.bounds)
        let run = try evaluate.run(at: fit.values)
        let found = observations.map { ObservationChecker.value(of: $0, in: run) }

        let n = observations.count, p = parameters.count
        let threshold: Double? = switch weighting {
        case .uncertainty: fit.cost + ProfileInterval.chiSquare95
        case .equal: n > p ? fit.cost * (1 + ProfileInterval.chiSquare95 / Double(n - p)) : nil
        }
        var intervals = [ProfileInterval?](repeating: nil, count: p)
        var runs = evaluate.runs
        if let threshold {
            let searched = ParallelWork.map(count: 2 * p, threads: threads) { k -> Swift.Result<(ProfileInterval.End, Int), OperationError> in
                let j = k / 2
                let profile = ProfileSearch(scenario: scenario, fitted: fitted, best: fit.values, j: j, isCancelled: isCancelled,
                                            residuals: residuals)
                let toward = k % 2 == 0 ? fitted.bounds[j].lowerBound : fitted.bounds[j].upperBound
                do throws(OperationError) {
                    let end = try ProfileInterval.end(from: fit.values[j], toward: toward, threshold: threshold) { x throws(OperationError) in
                        try profile.sumOfSquares(at: x)
                    }
                    return .success((end, profile.runs))
                } catch {
                    return .failure(error)
                }
            }
            for j in 0..<p {
                let low = try searched[2 * j].get(), high = try searched[2 * j + 1].get()
                intervals[j] = ProfileInterval(low: low.0, high: high.0)
                runs += low.1 + high.1
            }
        }
        return Result(parameters: parameters, values: fit.values, bounds: fitted.bounds, units: fitted.units, atBound: fit.atBound,
                      intervals: intervals, weighting: weighting,
                      fitted: observations.indices.map { Residual(observation: observations[$0], found: found[$0], weighted: fit.residuals[$0]) },
                      sumOfSquares: fit.cost, threshold: threshold,
                      checks: scenario.observations.filter { $0.role == .check }.map { ObservationChecker.check($0, in: run) },
                      iterations: fit.iterations, runs: runs, converged: fit.converged)
    }

    /// The weighting the fit observations allow, or why they cannot be fitted.
    static func checkWeights(_ observations: [Observation], scenario: ResolvedScenario, parameters: Int) throws(OperationError) -> Weighting {
        guard let first = observations.first else {
            let checks = scenario.observations.count
            throw .invalid(Diagnostic(
                .error, "the scenario has no fit observations to calibrate against", at: nil,
                notes: checks == 0 ? [] : ["its \(NumberText.counted(checks, "observation")) \(checks == 1 ? "is a check" : "are checks"), held out for `test`"],
                help: ["add one ending in 'fit', e.g. observe sales share origin CN in chips ± 3%: 2023-01 85% [source] fit; or fit to targets instead"]))
        }
        guard observations.count >= parameters else {
            throw .invalid(Diagnostic(.error, "\(NumberText.counted(parameters, "parameter")) cannot be fitted to \(NumberText.counted(observations.count, "fit observation"))",
                                      at: first.location, help: ["fit fewer parameters, or add fit observations"]))
        }
        if let bad = observations.first(where: { ($0.uncertainty ?? 1) <= 0 }) {
            throw .invalid(Diagnostic(.error, "a fit observation's uncertainty must be above 0: it divides the residual", at: bad.location,
                                      help: ["give its one standard deviation, e.g. ± 3%"]))
        }
        let stated = observations.filter { $0.uncertainty != nil }.count
        if stated == 0 { return .equal }
        if stated == observations.count { return .uncertainty }
        let missing = observations.first { $0.uncertainty == nil }!
        throw .invalid(Diagnostic(.error, "this fit observation has no uncertainty, while \(NumberText.counted(stated, "other")) \(stated == 1 ? "has one" : "have one")",
                                  at: missing.location,
                                  help: ["give it one (± …, one standard deviation) so it can be weighted, or give none any"]))
    }
}
