/// Selection of nearest-rank percentiles (see `Band`) among a cell's values, without
/// sorting them all.
public enum Percentile {
    /// The values at the given 1-based ranks among `count` values at `base`: exactly what
    /// sorting and reading off the ranks gives. `base` is left as it was; `scratch` serves
    /// threads that select many cells one after another.
    package static func select(_ base: UnsafeMutablePointer<Double>, count n: Int, ranks: [Int], scratch: SelectionScratch? = nil) -> [Double] {
        guard n > 0 else { return ranks.map { _ in .nan } }
        let ks = ranks.map { min(max($0, 1), n) - 1 }
        let scratch = scratch ?? SelectionScratch()
        // Every run the same (no uncertainty reaches this figure yet): nothing to select.
        let first = base[0]
        var i = 1
        while i < n, base[i] == first { i += 1 }
        if i == n, first == first { return ks.map { _ in first } }
        if n >= 4096, let out = bracketed(base, n, ks, scratch) { return out }
        let copy = scratch.buffer(0, n, bands: 1)
        copy.update(from: base, count: n)
        return multiSelect(copy, n, ks)
    }

    /// Nearest-rank percentiles of an array, by sorting: the definition, for tests.
    package static func nearestRank(_ values: [Double], _ bands: [Band]) -> [Double] {
        let sorted = values.sorted()
        return bands.map { sorted[$0.rank(of: sorted.count) - 1] }
    }

    /// Selection through a sample: a sorted sample of 1,024 values brackets each rank between
    /// two values with a wide margin; one branch-free pass counts the values below each
    /// bracket and gathers those inside it; each rank is then selected among the few
    /// gathered. If a bracket missed its rank (it can, rarely), nil: select the long way.
    static func bracketed(_ a: UnsafeMutablePointer<Double>, _ n: Int, _ ks: [Int], _ scratch: SelectionScratch) -> [Double]? {
        let s = 1024, B = ks.count
        let sample = scratch.buffer(1, s, bands: 1)
        for i in 0..<s { sample[i] = a[(i &* n) / s] }
        var sorted = UnsafeMutableBufferPointer(start: sample, count: s)
        sorted.sort()
        var lo = [Double](repeating: 0, count: B), hi = [Double](repeating: 0, count: B)
        for (b, k) in ks.enumerated() {
            let p = (Double(k) + 0.5) / Double(n)
            let j = Int(p * Double(s))
            let d = Int(4 * (Double(s) * p * (1 - p)).squareRoot()) + 4
            lo[b] = j - d < 0 ? -.infinity : sample[j - d]
            hi[b] = j + d >= s ? .infinity : sample[j + d]
        }
        let buckets = scratch.buffer(2, n + 1, bands: B)
        var below = [Int](repeating: 0, count: B), inside = [Int](repeating: 0, count: B)
        for b in 0..<B {
            let l = lo[b], h = hi[b], bucket = buckets + b &* (n &+ 1)
            var under = 0, count = 0
            for i in 0..<n {
                let v = a[i]
                let isUnder = bit(v < l), isOver = bit(v > h)
                under &+= isUnder
                bucket[count] = v
                // Without branches: which side of a bracket a value falls is a coin toss.
                count &+= 1 &- (isUnder | isOver)
            }
            below[b] = under
            inside[b] = count
        }
        var out = [Double](repeating: 0, count: B)
        for (b, k) in ks.enumerated() {
            guard below[b] <= k, k < below[b] + inside[b] else { return nil }
            out[b] = selectInPlace(buckets + b * (n + 1), lo: 0, hi: inside[b], k: k - below[b])
        }
        return out
    }

    /// Several ranks at once: partition, then go on only into the parts that hold a rank.
    static func multiSelect(_ a: UnsafeMutablePointer<Double>, _ n: Int, _ ks: [Int]) -> [Double] {
        var out = [Double](repeating: 0, count: ks.count)
        let order = ks.indices.sorted { ks[$0] < ks[$1] }
        var lo = 0
        for i in order {
            out[i] = selectInPlace(a, lo: lo, hi: n, k: ks[i])
            // Everything left of k is ≤ the value at k, everything right of it ≥.
            lo = ks[i]
        }
        return out
    }

    /// Quickselect: a median-of-three pivot and a branch-free Lomuto partition (Alexandrescu
    /// 2019: which side a value goes to is a coin toss, so branching on it mispredicts half the
    /// time). Runs of equal values cost one pass: once the range is known to hold nothing
    /// below a value and that value is picked as pivot again, its copies are gathered at once.
    /// Falls back to sorting if partitions keep coming out lopsided. Leaves
    /// a[lo..<k] ≤ a[k] ≤ a[k+1..<hi].
    static func selectInPlace(_ a: UnsafeMutablePointer<Double>, lo: Int, hi: Int, k: Int) -> Double {
        var lo = lo, hi = hi
        var floor = 0.0, hasFloor = false
        var budget = 2 * (Int.bitWidth - (hi - lo).leadingZeroBitCount) + 8
        while hi - lo > 24 {
            if budget == 0 {
                var rest = UnsafeMutableBufferPointer(start: a + lo, count: hi - lo)
                rest.sort()
                return a[k]
            }
            budget -= 1
            // The median of the first, middle and last to a[lo].
            let mid = lo + (hi - lo) / 2, last = hi - 1
            let x = a[lo], y = a[mid], z = a[last]
            let m = (x < y) == (y < z) ? mid : (y < x) == (x < z) ? lo : last
            let pivot = a[m]
            a[m] = a[lo]; a[lo] = pivot
            var first = lo + 1
            if hasFloor && pivot == floor {
                // Nothing here is below the pivot: gather its copies, then look past them.
                for read in (lo + 1)..<hi {
                    let v = a[read]
                    a[read] = a[first]; a[first] = v
                    first &+= bit(v <= pivot)
                }
                if k < first { return pivot }
                lo = first
                continue
            }
            for read in (lo + 1)..<hi {
                let v = a[read]
                a[read] = a[first]; a[first] = v
                first &+= bit(v < pivot)
            }
            let p = first - 1
            a[lo] = a[p]; a[p] = pivot
            if k == p { return pivot }
            if k < p {
                hi = p
            } else {
                lo = p + 1
                floor = pivot
                hasFloor = true
            }
        }
        // Insertion sort of what is left.
        var i = lo + 1
        while i < hi {
            let v = a[i]
            var j = i - 1
            while j >= lo, a[j] > v { a[j + 1] = a[j]; j -= 1 }
            a[j + 1] = v
            i += 1
        }
        return a[k]
    }
}

/// 1 for true, 0 for false, without a branch: the compiler turns `b ? 1 : 0` on a
/// comparison of doubles into a jump, which mispredicts on data in random order.
@inline(__always)
func bit(_ b: Bool) -> Int { Int(unsafeBitCast(b, to: UInt8.self)) }
