/// `sensitivity`: which uncertain parameters move an outcome most (see `Sensitivity`).
///
/// ```swift
/// let outcome = try ScenarioOutcome.parse("installed share origin CN, HK in chips at 2023-01", in: loaded.scenario)
/// let ranked = try SensitivityRequest(input: loaded, outcome: outcome, method: .morris, trajectories: 20, seed: 1).perform()
/// print(SensitivityReport.table(ranked, width: 80))
/// ```
public struct SensitivityRequest: Sendable {
    /// The scenario and the sources its diagnostics quote.
    public var input: ScenarioLoader.Loaded
    public var outcome: ScenarioOutcome
    public var method: Sensitivity.Method
    /// Morris trajectories (a second set as large is run to check the ranking).
    public var trajectories: Int
    public var seed: UInt64
    public var threads: Int

    public init(input: ScenarioLoader.Loaded, outcome: ScenarioOutcome, method: Sensitivity.Method = .morris,
                trajectories: Int = 20, seed: UInt64 = 1, threads: Int = ParallelWork.defaultThreads) {
        self.input = input
        self.outcome = outcome
        self.method = method
        self.trajectories = trajectories
        self.seed = seed
        self.threads = threads
    }

    public func perform(_ hooks: OperationHooks = .none) throws(OperationError) -> Sensitivity {
        guard (2...10_000).contains(trajectories) else {
            throw .invalid(Diagnostic(.error, "Morris needs between 2 and 10000 trajectories, not \(trajectories)", at: nil,
                                      help: ["20 is usual: --trajectories 20"]))
        }
        do {
            return try Sensitivity.run(input.scenario, outcome: outcome, method: method, trajectories: trajectories, seed: seed,
                                       threads: threads, isCancelled: hooks.isCancelled)
        } catch {
            throw error.quoting(input.sources)
        }
    }
}
