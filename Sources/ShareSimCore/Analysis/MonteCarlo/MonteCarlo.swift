import Foundation

/// Monte Carlo over a scenario's uncertain parameters (MODEL.md, "Random draws").
///
/// Run `i` draws every uncertain parameter, in declaration order, from its own stream:
/// xoshiro256** started from `mix(seed) + i` (wrapping; `mix` is SplitMix64's output
/// function), one output per draw.
/// It runs the scenario with those values and keeps one figure per reporting step and row
/// of the view (a vendor, an origin, a channel, a recorded origin, or a vendor within a
/// buyer group). Runs are split between threads in blocks and each writes only its own
/// column, so the kept values, and all that is computed from them, are the same bits on
/// any number of threads or machines.
///
/// Memory: the kept values take at most 8 · runs · steps · rows bytes (steps: the reporting
/// dates; rows: vendors or origins summed over segments), plus one engine workspace per
/// thread; a step that repeats the one before in every run takes none (`MonteCarloSamples`).
/// 100,000 runs of the chip scenario at every one of its 36 steps with 5 vendors is 144 MB
/// at most, 90 MB touched; at the table's 4 dates, 16 MB.
package enum MonteCarlo {
    /// Runs per block handed to a thread: large enough that taking one costs nothing, small
    /// enough that threads finish together.
    static let blockSize = 256

    /// The values run `runs` keep, computed on `threads` threads. `progress` is called on
    /// the calling thread every tenth of a second or so with the number of runs done. A run
    /// whose draws cannot be used (shares that no longer sum to 100%, figures past what a
    /// number holds) fails the batch: the earliest such run, with its draws in a note.
    package static func simulate(
        _ scenario: ResolvedScenario, batch: MonteCarloBatch, runs: Range<Int>, threads: Int,
        progress: ((Int) -> Void)? = nil, isCancelled: @escaping @Sendable () -> Bool = { false }
    ) throws(OperationError) -> MonteCarloSamples {
        let samples = MonteCarloSamples(cells: batch.cellCount, runs: runs.count)
        try simulate(scenario, batch: batch, runs: runs, threads: threads, into: samples, progress: progress, isCancelled: isCancelled)
        samples.settle(rows: batch.entities.count)
        return samples
    }

    /// The runs `runs`, each block of values handed to `sink` as it is made, by the worker
    /// that made it: what a batch that keeps every value and one that sifts them in passes
    /// (`MonteCarloSieve`) share.
    static func simulate(
        _ scenario: ResolvedScenario, batch: MonteCarloBatch, runs: Range<Int>, threads: Int, into sink: MonteCarloBlockSink,
        progress: ((Int) -> Void)?, isCancelled: @escaping @Sendable () -> Bool
    ) throws(OperationError) {
        let job = Job(scenario: scenario, batch: batch, runs: runs, sink: sink, isCancelled: isCancelled)
        let threads = workers(threads, runs: runs.count)
        ParallelWork.run(workers: threads, polling: { progress?(job.runsDone) }) { w in job.work(worker: w) }
        progress?(job.runsDone)
        if let failure = job.blocks.failure(of: scenario, seed: batch.seed) { throw failure }
        if job.wasCancelled { throw .cancelled }
    }

    /// The threads a batch of `runs` runs uses: no more than it has blocks.
    static func workers(_ threads: Int, runs: Int) -> Int { max(1, min(threads, (runs + blockSize - 1) / blockSize)) }

    /// The bands of every kept cell, cell by cell (`bands.count` values per cell), by
    /// nearest rank. A cell whose runs hold the very values of the same row's cell at the
    /// previous reporting step (a market at rest, the steps before any uncertain event) takes
    /// its bands instead of selecting them again: the same values have the same percentiles.
    package static func bands(_ samples: MonteCarloSamples, bands: [Band], rows: Int, threads: Int) -> [Double] {
        let cells = samples.cells, n = samples.runs, B = bands.count
        let ranks = bands.map { $0.rank(of: n) }
        let out = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, cells * B))
        let repeats = UnsafeMutableBufferPointer<Bool>.allocate(capacity: max(1, cells))
        defer { out.deallocate(); repeats.deallocate() }
        nonisolated(unsafe) let target = out.baseAddress!, same = repeats.baseAddress!
        let threads = max(1, min(threads, cells))
        let rows = max(1, rows)
        ParallelWork.forEach(workers: threads) { t in
            var c = t
            while c < cells {
                same[c] = c >= rows && (samples.isRepeat(c)
                                        || memcmp(samples.cell(c), samples.cell(c - rows), n * MemoryLayout<Double>.size) == 0)
                c += threads
            }
        }
        let distinct = (0..<cells).filter { !same[$0] }
        ParallelWork.forEach(workers: min(threads, max(1, distinct.count))) { t in
            let scratch = SelectionScratch()
            var i = t
            while i < distinct.count {
                let c = distinct[i]
                let values = Percentile.select(samples.cell(c), count: n, ranks: ranks, scratch: scratch)
                for (b, v) in values.enumerated() { target[c * B + b] = v }
                i += threads
            }
        }
        for c in 0..<cells where same[c] {
            (target + c * B).update(from: target + (c - rows) * B, count: B)
        }
        return Array(UnsafeBufferPointer(start: target, count: cells * B))
    }

    /// The values one run draws for the uncertain parameters, in declaration order.
    package static func draws(_ scenario: ResolvedScenario, seed: UInt64, run: Int) -> [Double] {
        var rng = Xoshiro256StarStar(batchSeed: seed, run: UInt64(truncatingIfNeeded: run))
        return scenario.parameters.compactMap { p in p.distribution?.draw(&rng, within: p.validRange) }
    }

    /// The scenario of run `run`: every uncertain parameter set to its draw.
    package static func scenario(_ scenario: ResolvedScenario, seed: UInt64, run: Int) throws(Diagnostic) -> ResolvedScenario {
        try drawnRun(scenario, seed: seed, run: run).scenario
    }

    /// Run `run`'s scenario and the values it drew (as `draws` gives them), from one stream.
    static func drawnRun(_ scenario: ResolvedScenario, seed: UInt64, run: Int) throws(Diagnostic) -> (scenario: ResolvedScenario, draws: [Double]) {
        var s = scenario
        var rng = Xoshiro256StarStar(batchSeed: seed, run: UInt64(truncatingIfNeeded: run))
        let draws = try s.draw(&rng)
        return (s, draws)
    }

    /// Why run `run`'s figures are not finite: what its draws, set into the scenario, carry
    /// past what the model can compute with, placed at the uncertain parameter that sets it.
    static func overflow(_ scenario: ResolvedScenario, seed: UInt64, run: Int) -> Diagnostic {
        let drawn = (try? MonteCarlo.scenario(scenario, seed: seed, run: run)) ?? scenario
        let finding = OverflowCheck.findings(in: drawn).first
        let uncertain = scenario.parameters.filter(\.isUncertain)
        let blamed = finding.flatMap { f in uncertain.first { $0.targets.contains(f.culprit.target) } } ?? uncertain.first
        return Diagnostic(.error, finding?.message ?? "a run's draws carry it past what the model can compute with",
                          at: blamed?.location, help: ["narrow the distribution: its extremes must stay within what a run can compute"])
    }
}
