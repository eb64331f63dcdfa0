import Foundation

/// Seconds on the monotonic clock: immune to wall-clock adjustments, and the clock Python's
/// `time.perf_counter` reads on Linux, so both sides of the numpy comparison use one clock.
func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// Minor page faults of this process so far: each is fresh memory touched for the first time.
func minorPageFaults() -> Int {
    #if os(Linux)
    let who = __rusage_who_t(RUSAGE_SELF.rawValue)
    #else
    let who = RUSAGE_SELF
    #endif
    var usage = rusage()
    getrusage(who, &usage)
    return usage.ru_minflt
}

/// The times of repeated runs. Percentiles use the nearest-rank method, as MODEL.md's Monte
/// Carlo does, so a reported figure is always one that was actually measured.
struct Sample {
    let sorted: [Double]

    init(_ seconds: [Double]) {
        precondition(!seconds.isEmpty, "a sample needs at least one run")
        sorted = seconds.sorted()
    }

    var count: Int { sorted.count }
    var best: Double { sorted[0] }
    var median: Double { percentile(50) }

    func percentile(_ p: Double) -> Double {
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(sorted.count, max(1, rank)) - 1]
    }
}
