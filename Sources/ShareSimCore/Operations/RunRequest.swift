/// `run`: one scenario through the engine, and its `expect` lines checked against the run.
///
/// ```swift
/// let run = try RunRequest(scenario: loaded.scenario, checksExpectations: true).perform(.interruptible())
/// run.failedExpectations.isEmpty
/// ```
public struct RunRequest: Sendable {
    public var scenario: ResolvedScenario
    /// Whether to check the scenario's `expect` lines (`test`, the REPL's `run`); a table alone does not need them.
    public var checksExpectations: Bool

    public init(scenario: ResolvedScenario, checksExpectations: Bool = false) {
        self.scenario = scenario
        self.checksExpectations = checksExpectations
    }

    public func perform(_ hooks: OperationHooks = .none) throws(OperationError) -> RunResponse {
        // The engine polls only every few thousand steps; a short run would never see it.
        if hooks.isCancelled() { throw .cancelled }
        let result = try Engine.run(scenario, isCancelled: hooks.isCancelled)
        var expectations: [ExpectationChecker.Verdict] = []
        if checksExpectations {
            for e in scenario.expectations {
                if hooks.isCancelled() { throw .cancelled }
                expectations.append(ExpectationChecker.check(e, in: result))
            }
        }
        return RunResponse(result: result, expectations: expectations)
    }
}

/// What `RunRequest` gives: the run, and how each checked expectation came out, in the
/// scenario's order.
public struct RunResponse: Sendable {
    public var result: RunResult
    public var expectations: [ExpectationChecker.Verdict]

    public var failedExpectations: [ExpectationChecker.Verdict] { expectations.filter { !$0.passed } }
}
