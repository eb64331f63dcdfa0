import Foundation

/// A large Monte Carlo batch as a user runs it, whole process: `sharesim montecarlo
/// scenarios/huawei-substitution.scn --runs N --format csv` (every step, so its values are far
/// more than its memory and it runs in passes), with its wall time, CPU time and peak resident
/// size (the child's `ru_maxrss`, read by wait4). Ten million runs, issue 10's bound (peak
/// under 1 GiB), take minutes, so the runs are `--batch-runs`, 100,000 unless told.
struct BatchBench {
    static let scenario = "scenarios/huawei-substitution.scn"
    static let defaultRuns = 100_000

    let runs: Int
    let seconds: Double
    let cpuSeconds: Double
    let peakBytes: Double

    init(binary: String, runs: Int) throws(BenchError) {
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw BenchError("no sharesim binary at \(binary) (run `make build`, or set SHARESIM_BIN)")
        }
        self.runs = runs
        let start = monotonicSeconds()
        let usage = try spawnQuietly([binary, "montecarlo", BatchBench.scenario, "--runs", String(runs), "--seed", "1", "--format", "csv"])
        seconds = monotonicSeconds() - start
        func time(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) * 1e-6 }
        cpuSeconds = time(usage.ru_utime) + time(usage.ru_stime)
        #if canImport(Darwin)
        peakBytes = Double(usage.ru_maxrss)
        #else
        peakBytes = Double(usage.ru_maxrss) * 1024
        #endif
    }
}
