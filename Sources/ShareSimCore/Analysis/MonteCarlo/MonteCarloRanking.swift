/// The runs of a Monte Carlo batch read for a rank regression: each run's draws and one
/// outcome. Run `i` is the batch's run `i` (the same stream, the same draws, the same
/// figures), so the regression speaks of the very runs the batch's bands summarise.
enum MonteCarloRanking {
    /// Every run's draws (one column per uncertain parameter, in declaration order) and
    /// outcome, in run order, computed on `threads` threads in blocks; each run writes only
    /// its own slots, so the values are the same on any number of threads. A run whose
    /// draws cannot be used, or whose outcome is undefined, fails the batch: the earliest.
    static func sample(_ scenario: ResolvedScenario, runs: Int, seed: UInt64, outcome: ScenarioOutcome, threads: Int,
                       progress: @escaping (Int) -> Void, isCancelled: @escaping @Sendable () -> Bool) throws(OperationError)
        -> (columns: [[Double]], outcome: [Double]) {
        let k = scenario.parameters.filter(\.isUncertain).count
        let job = Job(runs: runs, parameters: k)
        defer { job.release() }
        let workers = MonteCarlo.workers(threads, runs: runs)
        ParallelWork.run(workers: workers, polling: { progress(job.blocks.runsDone) }) { _ in
            job.work(scenario, seed: seed, outcome: outcome, isCancelled: isCancelled)
        }
        progress(job.blocks.runsDone)
        if let failure = job.blocks.failure(of: scenario, seed: seed) { throw failure }
        if job.blocks.wasStopped || isCancelled() { throw .cancelled }
        return job.collect()
    }

    /// One sampling's shared state: its blocks of runs and the slots each run writes.
    final class Job: @unchecked Sendable {
        let runs: Int
        let parameters: Int
        /// One column of runs per parameter, each freed as soon as it is copied out.
        private var draws: [UnsafeMutablePointer<Double>?]
        private var outcomes: UnsafeMutablePointer<Double>?
        let blocks: RunBlocks

        init(runs: Int, parameters: Int) {
            self.runs = runs
            self.parameters = parameters
            blocks = RunBlocks(runs: runs)
            draws = (0..<parameters).map { _ in .allocate(capacity: max(1, runs)) }
            outcomes = .allocate(capacity: max(1, runs))
        }

        func release() {
            for d in draws { d?.deallocate() }
            outcomes?.deallocate()
            draws = draws.map { _ in nil }
            outcomes = nil
        }

        func work(_ scenario: ResolvedScenario, seed: UInt64, outcome: ScenarioOutcome, isCancelled: @escaping @Sendable () -> Bool) {
            let workspace = EngineWorkspace()
            let draws = self.draws.map { $0! }, outcomes = self.outcomes!
            while let start = blocks.take() {
                let end = min(start + MonteCarlo.blockSize, runs)
                for run in start..<end {
                    if isCancelled() {
                        blocks.stop()
                        return
                    }
                    let drawn: (scenario: ResolvedScenario, draws: [Double])
                    do { drawn = try MonteCarlo.drawnRun(scenario, seed: seed, run: run) } catch {
                        blocks.fail(run, error)
                        return
                    }
                    let result: RunResult
                    do { result = try Engine.run(drawn.scenario, workspace: workspace, isCancelled: isCancelled) } catch {
                        blocks.stop()
                        return
                    }
                    let value = outcome.value(in: result)
                    guard value.isFinite else {
                        blocks.fail(run, Diagnostic(.error, "the outcome is undefined in a run: \(outcome.text)", at: nil,
                                             help: ["rank an outcome every run defines (a growth from nothing is not one)"]))
                        return
                    }
                    outcomes[run] = value
                    for (p, x) in drawn.draws.enumerated() { draws[p][run] = x }
                }
                blocks.finished(end - start)
            }
        }

        /// The values, as columns, once every worker has finished; each slot is freed once
        /// copied, so that the values are held twice one column at a time.
        func collect() -> (columns: [[Double]], outcome: [Double]) {
            var columns: [[Double]] = []
            for p in draws.indices {
                columns.append(Array(UnsafeBufferPointer(start: draws[p]!, count: runs)))
                draws[p]!.deallocate()
                draws[p] = nil
            }
            let values = Array(UnsafeBufferPointer(start: outcomes!, count: runs))
            outcomes!.deallocate()
            outcomes = nil
            return (columns, values)
        }
    }
}
