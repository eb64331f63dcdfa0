/// Runs of one scenario that differ only in the values of its parameters, for Monte Carlo:
/// the scenario is planned once, and each run writes the values it was given straight into
/// the plan (see `PlanPatch`) rather than assigning them to a copy of the scenario and
/// planning that again, which hashed every name and copied every list once per run. Each
/// run's figures are the same bits as `Engine.run` gives for the scenario with the values
/// assigned.
///
///     let runs = PlannedRuns(scenario, workspace: workspace)
///     let patches = runs.patches(for: parameter.targets, in: scenario)!
///     patches.withUnsafeBufferPointer { runs.set($0, to: 0.07) }
///     let figures = try runs.run()                 // read before the next run
///     let share = runs.figures(segment: 0).value(.installedShare, in: figures, step: 12, member: 0)
///
/// The figures live in the workspace's memory and the next run overwrites them.
struct PlannedRuns {
    private let workspace: EngineWorkspace
    let steps: Int
    private let dt: Double

    init(_ scenario: ResolvedScenario, workspace: EngineWorkspace) {
        self.workspace = workspace
        steps = scenario.timeline.steps
        dt = scenario.timeline.step.years
        workspace.memory.plan.build(scenario)
    }

    /// Plans `scenario` afresh: for values that cannot be patched in (see
    /// `RunPlan.patches`). It must have the structure of the one planned first.
    func replan(_ scenario: ResolvedScenario) {
        workspace.memory.plan.build(scenario)
    }

    /// See `RunPlan.patches(for:in:)`.
    func patches(for targets: [ParameterTarget], in scenario: ResolvedScenario) -> [PlanPatch]? {
        workspace.memory.plan.patches(for: targets, in: scenario)
    }

    /// Sets the figures a parameter feeds to `value` for the runs to come.
    func set(_ patches: UnsafeBufferPointer<PlanPatch>, to value: Double) {
        workspace.memory.plan.apply(patches, value, dt: dt)
    }

    /// Runs the plan as it stands; the start of its figures, valid until the next run.
    func run(isCancelled: (() -> Bool)? = nil) throws(OperationError) -> UnsafePointer<Double> {
        UnsafePointer(try workspace.memory.runPlan(steps: steps, dt: dt, isCancelled: isCancelled).0.base)
    }

    /// Runs the plan as it stands into a result with every segment's per-group and
    /// per-channel figures, for the views that read them; `scenario` names its rows (the
    /// one planned: the figures are the plan's, draws and all).
    func detailedResult(of scenario: ResolvedScenario, isCancelled: (() -> Bool)? = nil) throws(OperationError) -> RunResult {
        try workspace.memory.runPlanned(scenario, detailed: true, isCancelled: isCancelled)
    }

    /// Where segment `s`'s figures lie in every run's.
    func figures(segment s: Int) -> SegmentFigures {
        let plan = workspace.memory.plan.segments[s]
        return SegmentFigures(offset: plan.output, steps: steps, vendorCount: plan.vendorCount)
    }
}
