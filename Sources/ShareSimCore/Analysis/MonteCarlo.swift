import Foundation

/// Monte Carlo over a scenario's uncertain parameters (MODEL.md, "Random draws").
///
/// Run `i` draws every uncertain parameter, in declaration order, from its own stream:
/// xoshiro256** seeded through SplitMix64 from `seed + i` (wrapping), one output per draw.
/// It runs the scenario with those values and keeps one figure per reporting step and row
/// (vendor or origin). Runs are split between threads in blocks and each writes only its
/// own column, so the kept values, and all that is computed from them, are the same bits on
/// any number of threads or machines.
///
/// Memory: the kept values take 8 · runs · steps · rows bytes (steps: the reporting dates;
/// rows: vendors or origins summed over segments), plus one engine workspace per thread.
/// 100,000 runs of the chip scenario at every one of its 36 steps with 5 vendors is 144 MB;
/// at the table's 4 dates, 16 MB.
public enum MonteCarlo {
    public enum Failure: Error, Sendable {
        /// The cancellation check said to stop.
        case cancelled
        /// A run's draws could not be used (shares that no longer sum to 100%).
        case run(Int, Diagnostic)
    }

    /// Runs per block handed to a thread: large enough that taking one costs nothing, small
    /// enough that threads finish together.
    static let blockSize = 256

    /// The values run `runs` keep, computed on `threads` threads. `progress` is called on
    /// the calling thread every tenth of a second or so with the number of runs done.
    public static func simulate(
        _ scenario: ResolvedScenario, batch: MonteCarloBatch, runs: Range<Int>, threads: Int,
        progress: ((Int) -> Void)? = nil, isCancelled: @escaping @Sendable () -> Bool = { false }
    ) throws(Failure) -> MonteCarloSamples {
        let samples = MonteCarloSamples(cells: batch.cellCount, runs: runs.count)
        let job = Job(scenario: scenario, batch: batch, runs: runs, samples: samples, isCancelled: isCancelled)
        let threads = max(1, min(threads, (runs.count + blockSize - 1) / blockSize))
        let group = DispatchGroup()
        for _ in 0..<threads {
            group.enter()
            DispatchQueue.global().async {
                job.work()
                group.leave()
            }
        }
        while group.wait(timeout: .now() + .milliseconds(100)) == .timedOut {
            progress?(job.runsDone)
        }
        progress?(job.runsDone)
        if let (run, diagnostic) = job.firstFailure { throw .run(run, diagnostic) }
        if job.wasCancelled { throw .cancelled }
        return samples
    }

    /// The bands of every kept cell, cell by cell (`bands.count` values per cell), by
    /// nearest rank. A cell whose runs hold the very values of the same row's cell at the
    /// previous reporting step (a market at rest, the steps before any uncertain event) takes
    /// its bands instead of selecting them again: the same values have the same percentiles.
    public static func bands(_ samples: MonteCarloSamples, bands: [Band], rows: Int, threads: Int) -> [Double] {
        let cells = samples.cells, n = samples.runs, B = bands.count
        let ranks = bands.map { $0.rank(of: n) }
        let out = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, cells * B))
        let repeats = UnsafeMutableBufferPointer<Bool>.allocate(capacity: max(1, cells))
        defer { out.deallocate(); repeats.deallocate() }
        nonisolated(unsafe) let target = out.baseAddress!, same = repeats.baseAddress!
        let threads = max(1, min(threads, cells))
        let rows = max(1, rows)
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            var c = t
            while c < cells {
                same[c] = c >= rows && memcmp(samples.cell(c), samples.cell(c - rows), n * MemoryLayout<Double>.size) == 0
                c += threads
            }
        }
        let distinct = (0..<cells).filter { !same[$0] }
        DispatchQueue.concurrentPerform(iterations: min(threads, max(1, distinct.count))) { t in
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
    public static func draws(_ scenario: ResolvedScenario, seed: UInt64, run: Int) -> [Double] {
        var rng = Xoshiro256StarStar(batchSeed: seed, run: UInt64(truncatingIfNeeded: run))
        return scenario.parameters.compactMap { p in p.distribution?.draw(&rng, within: p.validRange) }
    }

    /// The scenario of run `run`: every uncertain parameter set to its draw.
    public static func scenario(_ scenario: ResolvedScenario, seed: UInt64, run: Int) throws(Diagnostic) -> ResolvedScenario {
        var s = scenario
        var rng = Xoshiro256StarStar(batchSeed: seed, run: UInt64(truncatingIfNeeded: run))
        try s.draw(&rng)
        return s
    }

    /// One batch's shared state: the next block to take, what is done, the first failure.
    final class Job: @unchecked Sendable {
        let scenario: ResolvedScenario
        let batch: MonteCarloBatch
        let runs: Range<Int>
        let samples: MonteCarloSamples
        let isCancelled: @Sendable () -> Bool
        let rows: [MonteCarloLayout.Row]
        private let lock = NSLock()
        private var nextBlock = 0
        private var done = 0
        private var failure: (Int, Diagnostic)?
        private var stop = false

        init(scenario: ResolvedScenario, batch: MonteCarloBatch, runs: Range<Int>, samples: MonteCarloSamples,
             isCancelled: @escaping @Sendable () -> Bool) {
            self.scenario = scenario
            self.batch = batch
            self.runs = runs
            self.samples = samples
            self.isCancelled = isCancelled
            rows = MonteCarloLayout.rows(of: scenario, by: batch.grouping)
        }

        var runsDone: Int { lock.withLock { done } }
        var firstFailure: (Int, Diagnostic)? { lock.withLock { failure } }
        var wasCancelled: Bool { lock.withLock { stop } }

        /// The next block's first run (relative to `runs`), or nil when all are taken or the job stops.
        private func take() -> Int? {
            lock.withLock {
                if stop { return nil }
                let start = nextBlock * MonteCarlo.blockSize
                guard start < runs.count else { return nil }
                nextBlock += 1
                return start
            }
        }

        func work() {
            let workspace = EngineWorkspace()
            let metric = batch.metric, steps = batch.steps, rows = self.rows
            let cells = samples.cells, stride = samples.runs, seed = batch.seed, rowCount = rows.count
            precondition(cells == steps.count * rowCount)
            let out = samples.base
            // The uncertain parameters overwrite the same figures in every run, so one copy of
            // the scenario serves all of this thread's runs; only where shares or buyer weights
            // are rebalanced does each run start again from the scenario as resolved, since
            // rebalancing scales what the previous run left.
            let uncertain = scenario.parameters.filter(\.isUncertain)
            let rebalances = uncertain.contains { p in
                p.targets.contains { t in
                    switch t {
                    case .initialShare, .buyerWeight: return true
                    default: return false
                    }
                }
            }
            var s = scenario
            // A block's values, cell by cell, then copied cell by cell into the samples:
            // writing each run's figures straight into their cells would touch as many pages
            // per run as there are cells.
            let blockSize = MonteCarlo.blockSize
            let block = UnsafeMutablePointer<Double>.allocate(capacity: max(1, cells * blockSize))
            defer { block.deallocate() }
            let rowSegment = rows.map(\.segment), rowFirst = rows.map { $0.members[0] }
            let rowRest = rows.map { Array($0.members.dropFirst()) }
            while let start = take() {
                let end = min(start + blockSize, runs.count)
                for r in start..<end {
                    if r & 63 == 0, isCancelled() {
                        lock.withLock { stop = true }
                        return
                    }
                    let run = runs.lowerBound + r
                    var rng = Xoshiro256StarStar(batchSeed: seed, run: UInt64(truncatingIfNeeded: run))
                    if rebalances {
                        s = scenario
                        do {
                            try s.draw(&rng)
                        } catch {
                            lock.withLock {
                                if failure == nil || failure!.0 > run { failure = (run, error) }
                                stop = true
                            }
                            return
                        }
                    } else {
                        for p in uncertain { s.assign(p.targets, p.distribution!.draw(&rng, within: p.validRange)) }
                    }
                    let result: RunResult
                    do { result = try Engine.run(s, workspace: workspace) } catch {
                        lock.withLock { stop = true }
                        return
                    }
                    // Cell (step i, row e) is i·rows + e; taken row by row so that each
                    // segment's series is fetched once.
                    let column = block + (r - start)
                    for e in 0..<rowCount {
                        let segment = result.segments[rowSegment[e]]
                        let first = rowFirst[e], rest = rowRest[e]
                        for (i, k) in steps.enumerated() {
                            var v = segment.value(metric, step: k, member: first)
                            if !rest.isEmpty { for m in rest { v += segment.value(metric, step: k, member: m) } }
                            column[(i &* rowCount &+ e) &* blockSize] = v
                        }
                    }
                }
                let count = end - start
                for c in 0..<cells {
                    (out + (c &* stride &+ start)).update(from: block + c &* blockSize, count: count)
                }
                lock.withLock { done += count }
            }
        }
    }
}

extension ResolvedScenario {
    /// Sets every uncertain parameter to a draw from `rng`, in declaration order, then lets
    /// the shares and buyer weights no parameter sets take up the difference.
    mutating func draw(_ rng: inout Xoshiro256StarStar) throws(Diagnostic) {
        var weighted: [ParameterTarget] = [], first: String?
        for p in parameters {
            guard let d = p.distribution else { continue }
            let v = d.draw(&rng, within: p.validRange)
            assign(p.targets, v)
            for t in p.targets {
                switch t {
                case .initialShare, .buyerWeight:
                    weighted.append(t)
                    if first == nil { first = p.name }
                default: break
                }
            }
        }
        if let first { try rebalance(segmentsOf: weighted, changed: first) }
    }
}

/// The values a batch keeps: `cells` per run, stored cell by cell so that each cell's runs
/// lie together for the percentiles: cell `c` of the `r`-th run at `c · runs + r`.
public final class MonteCarloSamples: @unchecked Sendable {
    public let cells: Int
    public let runs: Int
    let base: UnsafeMutablePointer<Double>
    /// Set when the block is huge pages mapped for it (see HugePages): a large batch touches
    /// hundreds of megabytes once, and 4 KiB pages made that cost more than the runs.
    private let mapped: (start: UnsafeMutableRawPointer, length: Int)?

    public init(cells: Int, runs: Int) {
        self.cells = cells
        self.runs = runs
        let count = max(1, cells * runs)
        if let block = HugePages.map(bytes: count * MemoryLayout<Double>.stride) {
            mapped = block
            base = block.start.bindMemory(to: Double.self, capacity: count)
        } else {
            mapped = nil
            base = .allocate(capacity: count)
        }
    }

    deinit {
        if let mapped { HugePages.unmap(mapped.start, length: mapped.length) } else { base.deallocate() }
    }

    /// The runs' values of one cell.
    public func cell(_ c: Int) -> UnsafeMutablePointer<Double> { base + c * runs }

    /// Every value, cell by cell.
    public var values: UnsafeBufferPointer<Double> { UnsafeBufferPointer(start: base, count: cells * runs) }

    /// Copies `part`'s values into runs `offset ..< offset + part.runs` of each cell.
    public func place(_ part: UnsafeBufferPointer<Double>, runs count: Int, at offset: Int) {
        precondition(part.count == cells * count && offset + count <= runs)
        for c in 0..<cells {
            (base + c * runs + offset).update(from: part.baseAddress! + c * count, count: count)
        }
    }
}
