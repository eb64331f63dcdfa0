/// `calibrate`: parameters fitted to observed outcomes, by bisection (one parameter, one
/// target) or least squares; or, with no targets, to the scenario's own `fit` observations
/// (`fitObservations`).
///
/// ```swift
/// let fit = try CalibrationRequest(input: loaded, parameters: ["leakage"], bounds: [try ValueInterval.parse("0%..20%")],
///                                  targets: [try OutcomeTarget.parse("installed share origin CN in chips at 2023-01 = 85%", in: s)]).perform()
/// fit.values[0]
/// let joint = try CalibrationRequest(input: loaded, parameters: ["leakage", "intermediaries"], targets: []).fitObservations()
/// joint.intervals[0]
/// ```
public struct CalibrationRequest: Sendable {
    public enum Method: String, Sendable, CaseIterable {
        /// Bisection for one parameter and one target, least squares otherwise.
        case auto
        case bisection
        case leastSquares = "least-squares"
    }

    /// The scenario and the sources its diagnostics quote (with those of the bounds, when
    /// they were parsed under names of their own).
    public var input: ScenarioLoader.Loaded
    public var parameters: [String]
    /// Bounds for each parameter, in order; nil (or missing) where none was given.
    public var bounds: [ValueInterval?]
    public var targets: [OutcomeTarget]
    public var method: Method
    public var threads: Int

    public init(input: ScenarioLoader.Loaded, parameters: [String], bounds: [ValueInterval?] = [], targets: [OutcomeTarget],
                method: Method = .auto, threads: Int = ParallelWork.defaultThreads) {
        self.input = input
        self.parameters = parameters
        self.bounds = bounds
        self.targets = targets
        self.method = method
        self.threads = threads
    }

    /// Whether the fit is by bisection: asked for, or chosen for one parameter and one target.
    package var usesBisection: Bool {
        method == .bisection || (method == .auto && parameters.count == 1 && targets.count == 1)
    }

    public func perform(_ hooks: OperationHooks = .none) throws(OperationError) -> ScenarioCalibration.Result {
        let scenario = input.scenario
        let bounds = parameters.indices.map { $0 < self.bounds.count ? self.bounds[$0] : nil }
        guard usesBisection else {
            return try quotingSources { () throws(OperationError) in
                try ScenarioCalibration.fitByLeastSquares(scenario, parameters: parameters, bounds: bounds, targets: targets,
                                                          threads: threads, isCancelled: hooks.isCancelled)
            }
        }
        guard parameters.count == 1, targets.count == 1 else {
            throw .refused("bisection fits one parameter to one target", status: ExitStatus.usage)
        }
        // One parameter is fitted: whatever is refused is about it (part 0), as least
        // squares names the parameter at fault.
        let given = bounds[0]
        let bracket = try quotingSources(part: 0) { () throws(OperationError) -> ValueInterval? in
            if let given { return given }
            return try ScenarioCalibration.bracket(of: parameters[0], in: scenario)
        }
        guard let bracket else {
            throw .refused("'\(parameters[0])' has no bounded valid range; give a bracket LOW..HIGH", status: ExitStatus.usage, part: 0)
        }
        return try quotingSources(part: 0) { () throws(OperationError) in
            try ScenarioCalibration.fitByBisection(scenario, parameter: parameters[0], in: bracket, target: targets[0],
                                                   isCancelled: hooks.isCancelled)
        }
    }

    /// Fits the parameters to the scenario's own `fit` observations (`targets` must be empty:
    /// targets and observations are two questions, asked one at a time), weighted by their
    /// uncertainties, with each parameter's 95% profile interval and the `check`
    /// observations' errors at the fit.
    public func fitObservations(_ hooks: OperationHooks = .none) throws(OperationError) -> ObservationFit.Result {
        guard targets.isEmpty else {
            throw .refused("a fit to the scenario's observations takes no targets", status: ExitStatus.usage)
        }
        let bounds = parameters.indices.map { $0 < self.bounds.count ? self.bounds[$0] : nil }
        return try quotingSources { () throws(OperationError) in
            try ObservationFit.fit(input.scenario, parameters: parameters, bounds: bounds, threads: threads, isCancelled: hooks.isCancelled)
        }
    }

    /// `body`'s result, or its refusal quoting the scenario's sources and, given `part`,
    /// naming that part of the request unless it names one already.
    private func quotingSources<T>(part: Int? = nil, _ body: () throws(OperationError) -> T) throws(OperationError) -> T {
        do { return try body() } catch {
            let quoted = error.quoting(input.sources)
            throw part.map(quoted.about) ?? quoted
        }
    }
}
