import Foundation

/// A batch's runs handed out to its workers a block at a time, in order, and what the workers
/// report back: the runs done, whether to stop, and the earliest run that failed. Blocks are
/// taken in order and every worker finishes the block it holds, so the failure kept, the
/// earliest, is the same on any number of threads. The bands' batch and the rank
/// regression's sampling share it.
final class RunBlocks: @unchecked Sendable {
    /// How many runs there are (blocks start at offsets into them).
    let runs: Int
    private let lock = NSLock()
    private var nextBlock = 0
    private var done = 0
    private var failure: (Int, Diagnostic)?
    private var stopped = false

    init(runs: Int) { self.runs = runs }

    var runsDone: Int { lock.withLock { done } }
    private var firstFailure: (Int, Diagnostic)? { lock.withLock { failure } }
    var wasStopped: Bool { lock.withLock { stopped } }

    /// The next block's first run (an offset below `runs`), or nil when all are taken or the batch stops.
    func take() -> Int? {
        lock.withLock {
            let start = nextBlock * MonteCarlo.blockSize
            guard !stopped, start < runs else { return nil }
            nextBlock += 1
            return start
        }
    }

    func finished(_ count: Int) { lock.withLock { done += count } }

    /// Stops the batch: a cancellation, or an engine that stopped.
    func stop() { lock.withLock { stopped = true } }

    /// Records run `run`'s failure and stops the batch.
    func fail(_ run: Int, _ diagnostic: Diagnostic) {
        lock.withLock {
            if failure == nil || failure!.0 > run { failure = (run, diagnostic) }
            stopped = true
        }
    }

    /// The earliest failure as the batch reports it, with that run's draws in a note; nil if none.
    func failure(of scenario: ResolvedScenario, seed: UInt64) -> OperationError? {
        guard let (run, found) = firstFailure else { return nil }
        var diagnostic = found
        diagnostic.notes.append("in run \(run) of the batch (seed \(seed)); the draws: "
                                + MonteCarlo.draws(scenario, seed: seed, run: run).map { NumberText.csv($0) }.joined(separator: ", "))
        return .refused(ScenarioError([diagnostic], sources: [:]), status: ExitStatus.dataError)
    }
}
