/// `montecarlo --rank`: which uncertain parameters move an outcome most, read off the runs of
/// a Monte Carlo batch by a rank regression (see `RankRegression`).
///
/// ```swift
/// let outcome = try ScenarioOutcome.parse("installed share origin CN, HK in chips at 2023-01", in: loaded.scenario)
/// let ranked = try RankRegressionRequest(input: loaded, runs: 10_000, seed: 42, outcome: outcome).perform()
/// print(RankRegressionReport.table(ranked))
/// ```
public struct RankRegressionRequest: Sendable {
    /// The scenario and the sources its diagnostics quote.
    public var input: ScenarioLoader.Loaded
    public var runs: Int
    public var seed: UInt64
    public var outcome: ScenarioOutcome
    public var threads: Int
    /// As `MonteCarloRequest.memory`; a regression that does not fit is refused, with the
    /// bytes it needs.
    public var memory: Double
    public var available: AvailableMemory

    public init(input: ScenarioLoader.Loaded, runs: Int, seed: UInt64, outcome: ScenarioOutcome, threads: Int = ParallelWork.defaultThreads,
                memory: Double = MonteCarloRequest.defaultMemory, available: AvailableMemory = .current()) {
        self.input = input
        self.runs = runs
        self.seed = seed
        self.outcome = outcome
        self.threads = threads
        self.memory = memory
        self.available = available
    }

    /// The bytes the regression holds at most: every run's draws and outcome, and the
    /// columns ranking them takes (`RankRegression.scratchColumns`, one more while copying).
    public var bytesNeeded: Double {
        let k = input.scenario.parameters.filter(\.isUncertain).count
        return 8 * Double(k + 2 + RankRegression.scratchColumns) * Double(runs)
    }

    public func perform(_ hooks: OperationHooks = .none) throws(OperationError) -> MonteCarloRank {
        let scenario = input.scenario
        let names = scenario.parameters.filter(\.isUncertain).map(\.name)
        guard !names.isEmpty else {
            throw .invalid(Diagnostic(.error, "'\(scenario.name)' has no uncertain parameter to rank", at: nil,
                                      help: ["give a figure a distribution: param NAME ~ uniform(LOW, HIGH)"]))
        }
        guard runs > names.count + 1 else {
            throw .invalid(Diagnostic(.error, "a rank regression of \(NumberText.counted(names.count, "parameter")) needs more than \(names.count + 1) runs, not \(runs)",
                                      at: nil, help: ["a thousand runs or more rank reliably: --runs 1000"]))
        }
        let budget = min(memory, available.bytes > 0 ? available.bytes : memory)
        guard bytesNeeded <= 0.8 * budget else {
            throw .invalid(Diagnostic(.error, "the rank regression of \(runs) runs needs \(NumberText.bytes(bytesNeeded)), more than 80% of the \(NumberText.bytes(budget)) it may use",
                                      at: nil, notes: ["it holds every run's draws and outcome: 8 bytes × (\(NumberText.counted(names.count, "parameter")) + \(2 + RankRegression.scratchColumns)) × runs"],
                                      help: ["give it more with --memory, or rank fewer runs: the ranking settles long before the bands do"]))
        }
        do {
            let (columns, values) = try MonteCarloRanking.sample(scenario, runs: runs, seed: seed, outcome: outcome, threads: threads,
                                                                 progress: { hooks.progress($0, runs) }, isCancelled: hooks.isCancelled)
            let regression = RankRegression.fit(names: names, columns: columns, outcome: values)
            return MonteCarloRank(scenario: scenario, outcome: outcome, seed: seed, regression: regression)
        } catch {
            throw error.quoting(input.sources)
        }
    }
}

/// What `RankRegressionRequest` gives: the regression and what it was of.
public struct MonteCarloRank: Sendable {
    public var scenario: ResolvedScenario
    public var outcome: ScenarioOutcome
    public var seed: UInt64
    public var regression: RankRegression

    package init(scenario: ResolvedScenario, outcome: ScenarioOutcome, seed: UInt64, regression: RankRegression) {
        self.scenario = scenario
        self.outcome = outcome
        self.seed = seed
        self.regression = regression
    }
}
