/// Memory that runs made one after another share, for batches of many runs (Monte Carlo,
/// sweeps): with it, a run no larger than an earlier one touches no fresh page and, but for
/// its result's list of segments, allocates nothing, so a small run costs its arithmetic
/// rather than its setup.
///
///     let workspace = EngineWorkspace()        // one per thread or task
///     for scenario in batch {
///         let result = try Engine.run(scenario, workspace: workspace)
///         record(result.segments[0].value(.installedShare, step: result.steps - 1, member: 0))
///     }
///
/// A result never changes once returned: a run writes its figures into the memory of an
/// earlier result only when nothing holds that result any more, and into fresh memory
/// otherwise. Keeping results is therefore safe; dropping each before the next run is what
/// lets the memory be reused. The figures are the same bits with or without a workspace.
///
/// Not for sharing between threads: give each thread or task its own.
public final class EngineWorkspace {
    /// One stored property, so that a run checks exclusive access to it once, not at every
    /// use of every buffer.
    var memory = RunMemory()

    public init() {}

    deinit { memory.deallocate() }
}

@available(*, unavailable, message: "give each thread or task its own EngineWorkspace")
extension EngineWorkspace: Sendable {}
