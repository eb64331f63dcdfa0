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
    private var storage: RunStorage?
    private var memberLists: [[Int]] = []

    /// Plans the scenario, runs each segment's step loop into the run's figures, and hands
    /// them out as a result.
    mutating func run(_ scenario: ResolvedScenario, isCancelled: (() -> Bool)?) throws(OperationError) -> RunResult {
        plan.build(scenario)
        let steps = scenario.timeline.steps
        let storage = try runPlan(steps: steps, dt: scenario.timeline.step.years, isCancelled: isCancelled)
        var segments: [SegmentSeries] = []
        segments.reserveCapacity(plan.segments.count)
        for s in plan.segments.indices {
            segments.append(SegmentSeries(segmentIndex: s, vendors: memberList(s), steps: steps, storage: storage,
                                          offset: plan.segments[s].output))
        }
        return RunResult(scenario: scenario, segments: segments)
    }

    /// Runs each segment's step loop of the plan as it stands into the run's figures.
    mutating func runPlan(steps: Int, dt: Double, isCancelled: (() -> Bool)?) throws(OperationError) -> RunStorage {
        let storage = figures(count: plan.outputCount)
        for s in plan.segments.indices {
            try StepLoop.run(plan.segments[s], in: &self, output: storage.base + plan.segments[s].output, steps: steps,
                             dt: dt, isCancelled: isCancelled)
        }
        return storage
    }

    func deallocate() {
        plan.deallocate()
        vectors.deallocate()
        rampStates.deallocate()
        running.deallocate()
    }

    /// Memory for `count` doubles of figures: the last run's if no result holds it any more
    /// and it is large enough, else a new block.
    private mutating func figures(count: Int) -> RunStorage {
        if var last = storage {
            storage = nil
            if isKnownUniquelyReferenced(&last) && last.capacity >= count {
                storage = last
                return last
            }
        }
        let fresh = RunStorage(capacity: count)
        storage = fresh
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
