import Foundation
import ShareSimCore

/// Many small runs in one process, as a Monte Carlo batch makes them: one bundled scenario,
/// resolved once, run over and over on the calling thread. For runs this small the setup of
/// a run (plans, memory) weighs as much as its arithmetic, so the figure is runs per second:
/// with a workspace, as a batch runs, and with fresh memory for every run (`Engine.run`
/// without a workspace); best and median of several batches.
struct SmallRunBench {
    static let scenario = "scenarios/china-chip-share.scn"
    static let runsPerBatch = 10_000

    /// Seconds per batch.
    let workspace: Sample
    let fresh: Sample
    let vendorSteps: Int
    /// Minor page faults per batch with a workspace: none once its memory is warm.
    let workspacePageFaults: Int

    init(batches: Int) throws(BenchError) {
        let scenario: ResolvedScenario
        do {
            scenario = try ScenarioLoader().load(path: SmallRunBench.scenario).scenario
        } catch {
            throw BenchError("cannot load \(SmallRunBench.scenario): " + error.diagnostics.map(\.message).joined(separator: "; "))
        }
        let shared = EngineWorkspace()
        // Engine.run throws only when its cancellation check says so, and none is given here.
        let inWorkspace = { try! Engine.run(scenario, workspace: shared) }
        let inFreshMemory = { try! Engine.run(scenario) }
        guard inWorkspace().hasSameFigures(as: inFreshMemory()) else {
            throw BenchError("a run in a workspace gave other figures than a run without one")
        }
        var workspaceTimes: [Double] = [], freshTimes: [Double] = [], checksums: Set<Double> = [], faults = 0
        for _ in 0..<batches {
            let faultsBefore = minorPageFaults()
            let timed = SmallRunBench.batch(inWorkspace)
            faults += minorPageFaults() - faultsBefore
            let freshTimed = SmallRunBench.batch(inFreshMemory)
            workspaceTimes.append(timed.seconds)
            freshTimes.append(freshTimed.seconds)
            checksums.formUnion([timed.checksum, freshTimed.checksum])
        }
        guard checksums.count == 1 else { throw BenchError("small runs gave other figures from batch to batch") }
        workspace = Sample(workspaceTimes)
        fresh = Sample(freshTimes)
        let once = inWorkspace()
        vendorSteps = once.segments.reduce(0) { $0 + $1.vendorCount } * once.steps
        workspacePageFaults = faults / batches
    }

    static func bestRate(_ seconds: Sample) -> Double { Double(runsPerBatch) / seconds.best }
    static func medianRate(_ seconds: Sample) -> Double { Double(runsPerBatch) / seconds.median }

    /// One batch's time, and the sum of each run's last installed share of its first vendor:
    /// it keeps any run from being optimised away, and must not change between batches.
    private static func batch(_ run: () -> RunResult) -> (seconds: Double, checksum: Double) {
        var checksum = 0.0
        let start = monotonicSeconds()
        for _ in 0..<runsPerBatch {
            let result = run()
            checksum += result.segments[0].value(.installedShare, step: result.steps - 1, member: 0)
        }
        return (monotonicSeconds() - start, checksum)
    }
}
