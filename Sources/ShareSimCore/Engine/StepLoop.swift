import Foundation

/// MODEL.md's "One step" for a segment whose brands reach their buyers through `direct`
/// alone while no buyer group is left without a vendor and the market never shrinks faster
/// than it is replaced: then every group's base stays its part of the market size, and the
/// per-group bases collapse into v1's arithmetic, `N = (r + g)·ΣI` and `n_v = Σ_b w_b·n_{v,b}`,
/// which costs a fraction of keeping every group's base (see `GroupStepLoop`). Where that
/// stops being true the loop gives up and the segment runs in `GroupStepLoop` instead.
///
/// It runs on raw pointers into memory made ready before the loop starts: the loop
/// allocates nothing, looks nothing up and touches no string. Each expression is MODEL.md's,
/// evaluated in its order, and each sum over vendors is taken one term at a time in
/// declaration order, so a run is bit-for-bit repeatable.
enum StepLoop {
    /// Fills the segment's figures (`SegmentPlan.outputCount` doubles from `output`); false,
    /// with the figures unfinished, when the segment needs `GroupStepLoop`.
    static func run(_ plan: SegmentPlan, in memory: inout RunMemory, output: UnsafeMutablePointer<Double>,
                    steps T: Int, dt: Double, isCancelled: (() -> Bool)?) throws(OperationError) -> Bool {
        guard T > 0 else { return true }
        let V = plan.vendorCount, B = plan.buyerCount, layout = plan.layout, r = plan.replacement
        let installed = output, won = output + T &* V
        let installedTotal = won + T &* V, demand = installedTotal + T, wonTotal = demand + T

        // The current parameter values (shift, trend, access, growth), then the cumulative
        // trend c, the utilities u and those the attractions were last computed from, and
        // the attractions E.
        let values = memory.vectors.resize(layout.count + 4 * V)
        let h = values, beta = values + V, a = values + 2 * V
        let c = values + layout.count, u = c + V, uPrev = u + V, E = uPrev + V
        values.initialize(repeating: 0, count: layout.count)
        a.initialize(repeating: 1, count: B * V)
        values[layout.growth] = plan.growth
        c.initialize(repeating: 0, count: V)
        uPrev.initialize(repeating: .nan, count: V)
        let base = memory.plan.base.base + plan.members.lowerBound
        let weights = memory.plan.weights.base + plan.weights.lowerBound
        installed.update(from: memory.plan.initial.base + plan.members.lowerBound, count: V)
        var ramps = memory.ramps(for: plan)

        var g = Foundation.pow(1 + plan.growth, dt) - 1
        var total = 0.0
        for j in 0..<V { total += installed[j] }
        // Sales shares are reused while utilities and access stay as they were, and a
        // vendor's attraction while its utility and the maximum stay as they were; both
        // are exact: the same inputs give the same bits.
        var partWon = 0.0, previousMax = Double.nan, canReuse = false
        for k in 0..<T {
            if k & 4095 == 4095, let isCancelled, isCancelled() { throw .cancelled }
            var accessMoved = false
            if ramps.isActive(at: k) {
                var growthMoved = false
                ramps.advance(to: k, values: values) { e in
                    if e == layout.growth { growthMoved = true } else if layout.reachEntries.contains(e) { accessMoved = true }
                }
                if growthMoved { g = Foundation.pow(1 + values[layout.growth], dt) - 1 }
            }
            if r + g < 0 { return false }
            installedTotal[k] = total
            let N = (r + g) * total
            demand[k] = N

            var utilityMoved = false
            if k == 0 || plan.utilityMoves {
                for j in 0..<V {
                    let value = base[j] + h[j] + c[j]
                    if value != uPrev[j] { utilityMoved = true }
                    u[j] = value
                }
            }
            let n = won + k &* V
            if !canReuse || utilityMoved || accessMoved {
                var m = -Double.infinity
                for j in 0..<V where u[j] > m { m = u[j] }
                if m == previousMax {
                    for j in 0..<V where u[j] != uPrev[j] { E[j] = attraction(u[j], max: m) }
                } else {
                    for j in 0..<V { E[j] = attraction(u[j], max: m) }
                }
                n.initialize(repeating: 0, count: V)
                for b in 0..<B {
                    let ab = a + b &* V
                    var sum = 0.0
                    for j in 0..<V { sum += ab[j] * E[j] }
                    let weight = weights[b]
                    if sum > 0 {
                        for j in 0..<V { n[j] += weight * (ab[j] * E[j] / sum) }
                    } else if weight > 0 {
                        return false
                    }
                }
                partWon = 0
                for j in 0..<V { partWon += n[j] }
                for j in 0..<V { uPrev[j] = u[j] }
                previousMax = m
                canReuse = true
            } else {
                for j in 0..<V { n[j] = n[j &- V] }
            }
            wonTotal[k] = partWon
            if k + 1 < T {
                let I = installed + k &* V, next = I + V
                var sum = 0.0
                for j in 0..<V {
                    let x = (1 - r) * I[j] + N * n[j]
                    next[j] = x
                    sum += x
                }
                total = sum
            }
            if plan.trendMoves { for j in 0..<V { c[j] += beta[j] * dt } }
        }
        return true
    }

    /// `exp(u − m)`, and 0 for a vendor with no utility at all (no share and no appeal).
    @inline(__always) static func attraction(_ u: Double, max m: Double) -> Double {
        u == -.infinity ? 0 : Foundation.exp(u - m)
    }
}
