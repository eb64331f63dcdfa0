/// `sweep`: an outcome tabulated over one parameter's values, or over a grid of two.
///
/// ```swift
/// let sweep = try SweepRequest(input: loaded, axes: [try SweepAxis.parse("leakage=2%..20%/10")],
///                              outcome: try ScenarioOutcome.parse("installed share origin CN in chips at 2023-01", in: s)).perform()
/// ```
public struct SweepRequest: Sendable {
    /// The scenario and the sources its diagnostics quote.
    public var input: ScenarioLoader.Loaded
    public var axes: [SweepAxis]
    public var outcome: ScenarioOutcome
    public var threads: Int

    public init(input: ScenarioLoader.Loaded, axes: [SweepAxis], outcome: ScenarioOutcome, threads: Int = ParallelWork.defaultThreads) {
        self.input = input
        self.axes = axes
        self.outcome = outcome
        self.threads = threads
    }

    /// A parameter that is unknown or a value out of its range is refused with the axis at
    /// fault as its `part`.
    public func perform(_ hooks: OperationHooks = .none) throws(OperationError) -> Sweep {
        do {
            return try Sweep.run(input.scenario, axes: axes, outcome: outcome, threads: threads, isCancelled: hooks.isCancelled)
        } catch {
            throw error.quoting(input.sources)
        }
    }
}
