/// One pass of a batch whose values do not fit in memory: each cell's values that fall in a
/// few key ranges (`OrderedKey`), the windows still known to hold a percentile's rank, are
/// either counted into a histogram of the window or kept, and every value outside them only
/// counted as below or above it. Values a pass meets in any order give the same counts and
/// the same kept values, so the percentiles found from them are the same on any number of
/// threads. See `MonteCarloPasses` for how passes follow one another.
final class MonteCarloSieve: MonteCarloBlockSink, @unchecked Sendable {
    struct Window: Equatable {
        var cell: Int
        /// The window is the keys `lo ... hi`.
        var lo: UInt64
        var hi: UInt64
        /// Kept whole this pass; else counted into bins of `1 << shift` keys.
        var keeps: Bool
        var shift = 0
        var bins: Int { keeps ? 0 : Int((hi &- lo) >> UInt64(shift)) + 1 }
    }

    /// What a pass found in one window, summed over the workers.
    struct Tally {
        var below = 0
        var above = 0
        /// The smallest key below the window and the largest above it.
        var lowest = UInt64.max
        var highest = UInt64.min
        var bins: [Int] = []
        var kept: [Double] = []
    }

    let windows: [Window]
    /// Cell `c`'s windows are `windows[windowStart[c] ..< windowStart[c + 1]]`: they are sorted by cell.
    private let windowStart: [Int]
    /// The cells with at least one window, the only ones a block is read for.
    private let cells: [Int]
    /// Where each window's bins start in a worker's histogram.
    private let binStart: [Int]
    private let workers: [Worker]

    /// One worker's counts, touched only by its own thread until the pass is over.
    private final class Worker {
        var below: [Int], above: [Int], lowest: [UInt64], highest: [UInt64]
        let histogram: UnsafeMutablePointer<Int>
        let histogramSize: Int
        var kept: [[Double]]

        init(windows: Int, histogramSize: Int) {
            below = Array(repeating: 0, count: windows)
            above = below
            lowest = Array(repeating: .max, count: windows)
            highest = Array(repeating: .min, count: windows)
            self.histogramSize = histogramSize
            histogram = .allocate(capacity: max(1, histogramSize))
            histogram.initialize(repeating: 0, count: max(1, histogramSize))
            kept = Array(repeating: [], count: windows)
        }

        deinit { histogram.deallocate() }
    }

    /// `windows` sorted by cell; `workers` as many as the batch's threads.
    init(windows: [Window], cells cellCount: Int, workers: Int) {
        precondition(zip(windows, windows.dropFirst()).allSatisfy { $0.cell <= $1.cell })
        self.windows = windows
        var start = [Int](repeating: 0, count: cellCount + 1)
        for w in windows { start[w.cell + 1] += 1 }
        for c in 0..<cellCount { start[c + 1] += start[c] }
        windowStart = start
        cells = (0..<cellCount).filter { start[$0] < start[$0 + 1] }
        binStart = windows.reduce(into: [0]) { $0.append($0.last! + $1.bins) }
        let size = binStart.last!
        self.workers = (0..<max(1, workers)).map { _ in Worker(windows: windows.count, histogramSize: size) }
    }

    func accept(block: UnsafePointer<Double>, stride: Int, runs count: Int, at start: Int, rows: Int, worker: Int) {
        let state = workers[worker], histogram = state.histogram
        for c in cells {
            let values = block + c &* stride
            for w in windowStart[c]..<windowStart[c + 1] {
                let window = windows[w], lo = window.lo, hi = window.hi, shift = UInt64(window.shift), bins = histogram + binStart[w]
                var below = 0, above = 0, lowest = state.lowest[w], highest = state.highest[w]
                for r in 0..<count {
                    let v = values[r], key = OrderedKey.key(v)
                    if key < lo {
                        below &+= 1
                        lowest = min(lowest, key)
                    } else if key > hi {
                        above &+= 1
                        highest = max(highest, key)
                    } else if window.keeps {
                        state.kept[w].append(v)
                    } else {
                        bins[Int((key &- lo) >> shift)] &+= 1
                    }
                }
                state.below[w] &+= below
                state.above[w] &+= above
                state.lowest[w] = lowest
                state.highest[w] = highest
            }
        }
    }

    /// Every window's tally once the pass is over, in the order of `windows`. The workers'
    /// kept values are joined in worker order; their order does not matter to a percentile.
    func tallies() -> [Tally] {
        windows.indices.map { w in
            var t = Tally()
            if !windows[w].keeps { t.bins = Array(repeating: 0, count: windows[w].bins) }
            for state in workers {
                t.below += state.below[w]
                t.above += state.above[w]
                t.lowest = min(t.lowest, state.lowest[w])
                t.highest = max(t.highest, state.highest[w])
                if windows[w].keeps {
                    t.kept += state.kept[w]
                } else {
                    let bins = state.histogram + binStart[w]
                    for b in 0..<t.bins.count { t.bins[b] += bins[b] }
                }
            }
            return t
        }
    }
}
