/// Where a Monte Carlo batch's values go as its workers make them, a block of runs at a time:
/// kept whole (`MonteCarloSamples`) or counted and sifted pass by pass (`MonteCarloSieve`).
protocol MonteCarloBlockSink: AnyObject, Sendable {
    /// Runs `start ..< start + runs` (relative to the batch's range), made by worker `worker`:
    /// cell `c`'s values at `block + c · stride`. Each worker calls this only for its own
    /// blocks, from its own thread.
    func accept(block: UnsafePointer<Double>, stride: Int, runs: Int, at start: Int, rows: Int, worker: Int)
}

extension MonteCarloSamples: MonteCarloBlockSink {
    func accept(block: UnsafePointer<Double>, stride: Int, runs count: Int, at start: Int, rows: Int, worker: Int) {
        write(block: block, stride: stride, runs: count, at: start, rows: rows)
    }
}
