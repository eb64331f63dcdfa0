/// `sensitivity`: which uncertain parameters move an outcome most (see `Sensitivity`).
///
/// ```swift
/// let outcome = try ScenarioOutcome.parse("installed share origin CN, HK in chips at 2023-01", in: loaded.scenario)
/// let ranked = try SensitivityRequest(input: loaded, outcome: outcome, method: .morris, trajectories: 20, seed: 1).perform()
/// print(SensitivityReport.table(ranked, width: 80))
/// ```
///
/// With `factors: .assumptions(spread: 0.2)` it ranks instead every plain figure the scenario
/// tags `[assumption]`, each moved by ±20% of its value.
public struct SensitivityRequest: Sendable {
    /// The scenario and the sources its diagnostics quote.
    public var input: ScenarioLoader.Loaded
    public var outcome: ScenarioOutcome
    public var method: Sensitivity.Method
    /// The uncertain parameters (the default), or the figures tagged as assumptions.
    public var factors: Sensitivity.Factors
    /// Morris trajectories (a second set as large is run to check the ranking).
    public var trajectories: Int
    public var seed: UInt64
    public var threads: Int

    public init(input: ScenarioLoader.Loaded, outcome: ScenarioOutcome, method: Sensitivity.Method = .morris,
                factors: Sensitivity.Factors = .parameters, trajectories: Int = 20, seed: UInt64 = 1, threads: Int = ParallelWork.defaultThreads) {
        self.input = input
        self.outcome = outcome
        self.method = method
        self.factors = factors
        self.trajectories = trajectories
        self.seed = seed
        self.threads = threads
    }

    public func perform(_ hooks: OperationHooks = .none) throws(OperationError) -> Sensitivity {
        guard (2...10_000).contains(trajectories) else {
            throw .invalid(Diagnostic(.error, "Morris needs between 2 and 10000 trajectories, not \(trajectories)", at: nil,
                                      help: ["20 is usual: --trajectories 20"]))
        }
        if case .assumptions(let spread) = factors, !(spread > 0 && spread < 1) {
            throw .invalid(Diagnostic(.error, "assumptions move by a spread above 0% and below 100%, not \(NumberText.percent(spread))", at: nil,
                                      help: ["20% is usual: --by 20%"]))
        }
        do {
            return try Sensitivity.run(input.scenario, outcome: outcome, method: method, factors: factors, trajectories: trajectories, seed: seed,
                                       threads: threads, isCancelled: hooks.isCancelled)
        } catch {
            throw error.quoting(input.sources)
        }
    }
}
