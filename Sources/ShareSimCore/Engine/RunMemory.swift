/// What an `EngineWorkspace` keeps from run to run: the plan's lists, the step loop's
/// working vectors and ramp states, and the last run's figures and member lists.
struct RunMemory {
    /// The scenario of the current run, resolved for the step loops.
    var plan = RunPlan()
    /// The step loop's working vectors.
    var vectors = ScratchList<Double>()
    /// The ramps of the segment being run: one state per parameter entry, and the entries
    /// whose ramp is running.
    var rampStates = ScratchList<RampState>()
    var running = ScratchList<Int>()
    /// Parallel to the plan's entries: values saved by changes that end.
    var saved = ScratchList<Double>()
    private var storage: RunStorage?
    private var detailStorage: RunStorage?
    private var memberLists: [[Int]] = []

    /// Plans the scenario, runs each segment's step loop into the run's figures, and hands
    /// them out as a result.
    /// With `detailed`, every segment keeps its per-group and per-channel figures, for
    /// the views that report them, even where `StepLoop` could run it without them.
    mutating func run(_ scenario: ResolvedScenario, detailed: Bool = false,
                      isCancelled: (() -> Bool)?) throws(OperationError) -> RunResult {
        plan.build(scenario)
        return try runPlanned(scenario, detailed: detailed, isCancelled: isCancelled)
    }

    /// Runs the plan as it stands into a result of `scenario`, which must be the scenario
    /// planned, or one of its structure with other values (Monte Carlo patches its draws
    /// into the plan; the result names the rows after `scenario`).
    mutating func runPlanned(_ scenario: ResolvedScenario, detailed: Bool,
                             isCancelled: (() -> Bool)?) throws(OperationError) -> RunResult {
        let steps = scenario.timeline.steps
        let (storage, detail) = try runPlan(steps: steps, dt: scenario.timeline.step.years, detailed: detailed,
                                            isCancelled: isCancelled)
        var segments: [SegmentSeries] = []
        segments.reserveCapacity(plan.segments.count)
        for s in plan.segments.indices {
            let p = plan.segments[s]
            segments.append(SegmentSeries(
                segmentIndex: s, vendors: memberList(s), steps: steps, storage: storage, offset: p.output,
                details: detail.map { SegmentDetails(storage: $0, offset: p.detail, buyers: p.buyerCount, channels: p.channelCount) }))
        }
        return RunResult(scenario: scenario, segments: segments)
    }

    /// Runs each segment's step loop of the plan as it stands into the run's figures; the
    /// per-group and per-channel figures, if `GroupStepLoop` ran some segment, or all did.
    mutating func runPlan(steps: Int, dt: Double, detailed: Bool = false,
                          isCancelled: (() -> Bool)?) throws(OperationError) -> (RunStorage, RunStorage?) {
        let storage = Self.reuse(&self.storage, count: plan.outputCount)
        // A segment with channels runs in `GroupStepLoop` whatever happens: run them all there.
        let detailed = detailed || plan.segments.contains { $0.usesChannels }
        var detail: RunStorage?
        for s in plan.segments.indices {
            let segment = plan.segments[s], output = storage.base + segment.output
            let simple = !detailed && !segment.usesChannels
            if simple, try StepLoop.run(segment, in: &self, output: output, steps: steps, dt: dt, isCancelled: isCancelled) {
                continue
            }
            if detail == nil { detail = Self.reuse(&detailStorage, count: plan.detailCount) }
            try GroupStepLoop.run(segment, in: &self, output: output, detail: detail!.base + segment.detail, steps: steps,
                                  dt: dt, isCancelled: isCancelled)
        }
        if !detailed, detail != nil {
            // Segments that ran in `StepLoop` have no details: run them again for theirs, so
            // that a result's details are all there or absent.
            return try runPlan(steps: steps, dt: dt, detailed: true, isCancelled: isCancelled)
        }
        return (storage, detail)
    }

    /// The ramps of segment `plan`, ready for its first step.
    mutating func ramps(for plan: SegmentPlan) -> Ramps {
        Ramps(events: self.plan.events.base + plan.events.lowerBound, eventCount: plan.events.count,
              entries: self.plan.entries.base, saved: saved.resize(self.plan.entries.count),
              states: rampStates.resize(plan.layout.count), parameterCount: plan.layout.count,
              running: running.resize(plan.layout.count))
    }

    func deallocate() {
        plan.deallocate()
        vectors.deallocate()
        rampStates.deallocate()
        running.deallocate()
        saved.deallocate()
    }



    /// Memory for `count` doubles of figures: the last run's (kept in `slot`) if no result
    /// holds it any more and it is large enough, else a new block.
    private static func reuse(_ slot: inout RunStorage?, count: Int) -> RunStorage {
        if var last = slot {
            slot = nil
            if isKnownUniquelyReferenced(&last) && last.capacity >= count {
                slot = last
                return last
            }
        }
        let fresh = RunStorage(capacity: count)
        slot = fresh
        return fresh
    }

    /// The members of segment `s` of the current plan as an array: the last run's when the
    /// same, so that a batch of runs on one scenario's structure allocates none.
    private mutating func memberList(_ s: Int) -> [Int] {
        let range = plan.segments[s].members
        let members = UnsafeBufferPointer(start: plan.members.base + range.lowerBound, count: range.count)
        if s < memberLists.count, memberLists[s].elementsEqual(members) { return memberLists[s] }
        let list = Array(members)
        if s < memberLists.count { memberLists[s] = list } else { memberLists.append(list) }
        return list
    }
}
