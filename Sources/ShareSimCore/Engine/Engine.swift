/// MODEL.md's deterministic run: multinomial-logit shares of new purchases feeding an
/// installed base that turns over at the rate its lifetime sets.
public enum Engine {
    /// Runs the scenario. `isCancelled` is polled every few thousand steps; once it says to
    /// stop, the run throws `OperationError.cancelled`, the one cancellation error.
    public static func run(_ scenario: ResolvedScenario, isCancelled: (() -> Bool)? = nil) throws(OperationError) -> RunResult {
        try run(scenario, workspace: EngineWorkspace(), isCancelled: isCancelled)
    }

    /// Runs the scenario in a workspace's memory, for batches of runs on one thread (see
    /// `EngineWorkspace`). The figures are the same bits as `run(_:isCancelled:)` gives.
    public static func run(_ scenario: ResolvedScenario, workspace: EngineWorkspace,
                           isCancelled: (() -> Bool)? = nil) throws(OperationError) -> RunResult {
        try workspace.memory.run(scenario, isCancelled: isCancelled)
    }
}
