/// Exact nearest-rank percentiles of a batch whose values do not fit in memory, found in
/// several passes over the same runs (a run's values are the same every time it is run).
///
/// A pilot keeps the first runs whole and gives each cell the range its values fall in.
/// Each pass then sifts every run's values (`MonteCarloSieve`): where a percentile's rank
/// lies in a window too full to keep, it counts the window's values into equal bins of keys
/// and narrows the window to the bin that holds the rank; once a window's values fit in
/// memory, it keeps them and selects the rank among them. A rank outside its window moves
/// to the keys below or above it, which the pass also bounds. Windows only narrow, so it
/// ends: usually after one counting pass and one keeping pass.
///
/// Memory: a quarter of `memory` for the pilot and the bins, half for the kept values.
enum MonteCarloPasses {
    /// One percentile being looked for: band `band` of cell `cell`, the value of 0-based
    /// rank `rank` among the batch's runs, known to lie in keys `lo ... hi`, which hold `count` values.
    struct Target {
        var cell: Int
        var band: Int
        var rank: Int
        var lo: UInt64
        var hi: UInt64
        var count: Int
        var value: Double?
    }

    /// The bands of every cell, as `MonteCarlo.bands` gives them for the same runs.
    /// `progress(done, total)` counts runs over every pass, the passes still to come estimated.
    static func bands(_ scenario: ResolvedScenario, batch: MonteCarloBatch, runs: Range<Int>, threads: Int, memory: Double,
                      progress: @escaping (Int, Int) -> Void, isCancelled: @escaping @Sendable () -> Bool) throws(OperationError) -> [Double] {
        let cells = batch.cellCount, n = runs.count, bands = batch.bands
        let workers = MonteCarlo.workers(threads, runs: n)
        let pilotRuns = max(1, min(n, 1024, Int(memory / 4 / Double(max(1, cells) * 8))))
        let pilot = try MonteCarlo.simulate(scenario, batch: batch, runs: runs.lowerBound..<(runs.lowerBound + pilotRuns),
                                            threads: threads, isCancelled: isCancelled)
        var targets: [Target] = []
        for c in 0..<cells {
            let values = pilot.cell(c)
            var lo = UInt64.max, hi = UInt64.min
            for r in 0..<pilotRuns {
                let key = OrderedKey.key(values[r])
                lo = min(lo, key)
                hi = max(hi, key)
            }
            for (b, band) in bands.enumerated() {
                targets.append(Target(cell: c, band: b, rank: band.rank(of: n) - 1, lo: lo, hi: hi, count: n))
            }
        }
        var pass = 0
        while targets.contains(where: { $0.value == nil }) {
            let windows = plan(targets, workers: workers, memory: memory)
            let sieve = MonteCarloSieve(windows: windows, cells: cells, workers: workers)
            let passesLeft = windows.contains { !$0.keeps } ? 2 : 1
            let done = pass * n
            try MonteCarlo.simulate(scenario, batch: batch, runs: runs, threads: threads, into: sieve,
                                    progress: { progress(done + $0, (pass + passesLeft) * n) }, isCancelled: isCancelled)
            narrow(&targets, by: windows, sieve.tallies())
            pass += 1
        }
        // A counting pass can find every rank at once, sparing the pass the bar allowed for.
        progress(pass * n, pass * n)
        var out = [Double](repeating: .nan, count: cells * bands.count)
        for t in targets { out[t.cell * bands.count + t.band] = t.value! }
        return out
    }

    /// The windows of the next pass: one per cell and distinct key range still searched,
    /// the emptiest kept while their values fit in half of `memory`, the rest counted into
    /// as many bins as a quarter of it holds for every worker (between 64 and 4,096 each).
    static func plan(_ targets: [Target], workers: Int, memory: Double) -> [MonteCarloSieve.Window] {
        var seen = Set<[UInt64]>(), open: [(window: MonteCarloSieve.Window, count: Int)] = []
        for t in targets where t.value == nil && seen.insert([UInt64(t.cell), t.lo, t.hi]).inserted {
            open.append((MonteCarloSieve.Window(cell: t.cell, lo: t.lo, hi: t.hi, keeps: false), t.count))
        }
        // Kept values grow in arrays that may double: count each twice.
        var room = memory / 2
        for i in open.indices.sorted(by: { (open[$0].count, $0) < (open[$1].count, $1) }) {
            let bytes = Double(open[i].count) * 16
            guard bytes <= room else { break }
            room -= bytes
            open[i].window.keeps = true
        }
        let counted = open.filter { !$0.window.keeps }.count
        let perWindow = memory / 4 / Double(max(1, counted * workers * MemoryLayout<Int>.size))
        var binBits = 6
        while binBits < 12, Double(1 << (binBits + 1)) <= perWindow { binBits += 1 }
        return open.map { entry in
            var w = entry.window
            if !w.keeps {
                let width = w.hi &- w.lo
                w.shift = max(0, (UInt64.bitWidth - width.leadingZeroBitCount) - binBits)
            }
            return w
        }.sorted { $0.cell < $1.cell }
    }

    /// Each target moved into the part of its window the pass found its rank in: found, if
    /// its window was kept or the part is a single key.
    static func narrow(_ targets: inout [Target], by windows: [MonteCarloSieve.Window], _ tallies: [MonteCarloSieve.Tally]) {
        var index: [[UInt64]: Int] = [:]
        for (i, w) in windows.enumerated() { index[[UInt64(w.cell), w.lo, w.hi]] = i }
        for t in targets.indices where targets[t].value == nil {
            let target = targets[t]
            let w = index[[UInt64(target.cell), target.lo, target.hi]]!
            let window = windows[w], tally = tallies[w]
            let inside = window.keeps ? tally.kept.count : tally.bins.reduce(0, +)
            if target.rank < tally.below {
                targets[t].lo = tally.lowest
                targets[t].hi = window.lo - 1
                targets[t].count = tally.below
            } else if target.rank >= tally.below + inside {
                targets[t].lo = window.hi + 1
                targets[t].hi = tally.highest
                targets[t].count = tally.above
            } else if window.keeps {
                var kept = tally.kept
                let rank = target.rank - tally.below
                targets[t].value = kept.withUnsafeMutableBufferPointer { Percentile.select($0.baseAddress!, count: $0.count, ranks: [rank + 1]) }[0]
                continue
            } else {
                var below = tally.below, bin = 0
                while below + tally.bins[bin] <= target.rank {
                    below += tally.bins[bin]
                    bin += 1
                }
                let lo = window.lo + (UInt64(bin) << UInt64(window.shift)), span: UInt64 = (1 << UInt64(window.shift)) - 1
                targets[t].lo = lo
                targets[t].hi = window.hi - lo <= span ? window.hi : lo + span
                targets[t].count = tally.bins[bin]
            }
            if targets[t].lo == targets[t].hi { targets[t].value = OrderedKey.value(targets[t].lo) }
        }
    }
}
