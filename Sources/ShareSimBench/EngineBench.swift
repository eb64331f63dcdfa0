import Foundation
import ShareSimCore

/// `Engine.run` timed on the calling thread: one warm-up run (page faults, caches, branch
/// predictors), then `repetitions` timed runs. A timed run is the whole public call without a
/// workspace, planning and fresh memory for its figures included, because that is what a user
/// of the engine waits for.
struct EngineBench {
    let seconds: Sample
    let vendorSteps: Int
    /// Minor page faults per timed run: the fresh memory a run touches, often a large part of its time.
    let pageFaults: Int
    /// Whether every run produced the same figures as the warm-up (MODEL.md: same input, same bits).
    let repeatable: Bool
    /// The warm-up's figures, for the comparison with numpy.
    let result: RunResult

    init(_ scenario: ResolvedScenario, repetitions: Int) {
        let warmUp = EngineBench.run(scenario)
        var times: [Double] = []
        var repeatable = true
        var faults = 0
        for _ in 0..<repetitions {
            let faultsBefore = minorPageFaults()
            let start = monotonicSeconds()
            let run = EngineBench.run(scenario)
            times.append(monotonicSeconds() - start)
            faults += minorPageFaults() - faultsBefore
            repeatable = repeatable && run.hasSameFigures(as: warmUp)
        }
        seconds = Sample(times)
        vendorSteps = warmUp.segments.reduce(0) { $0 + $1.vendorCount } * scenario.timeline.steps
        pageFaults = faults / repetitions
        self.repeatable = repeatable
        result = warmUp
    }

    var bestRate: Double { Double(vendorSteps) / seconds.best }
    var medianRate: Double { Double(vendorSteps) / seconds.median }

    /// Engine.run throws only when its cancellation check says so, and none is given here.
    private static func run(_ scenario: ResolvedScenario) -> RunResult {
        try! Engine.run(scenario)
    }
}
