import Foundation

/// MODEL.md's "One step" in full, for every step of one segment: each buyer group keeps its
/// own installed base and buys back up to its part of the market size, and each brand
/// reaches a group through its channels in order, with reach, split and friction. Besides
/// the figures `StepLoop` writes, it writes each group's and each channel's installed base
/// and purchases (see `SegmentPlan.detailCount`), which are also its state: the bases of
/// step `k + 1` are computed from those stored for step `k`.
///
/// Like `StepLoop` it allocates nothing and sums one term at a time in declaration order
/// (vendors, groups, channels with `direct` first), so a run is bit-for-bit repeatable.
enum GroupStepLoop {
    static func run(_ plan: SegmentPlan, in memory: inout RunMemory, output: UnsafeMutablePointer<Double>,
                    detail: UnsafeMutablePointer<Double>, steps T: Int, dt: Double,
                    isCancelled: (() -> Bool)?) throws(OperationError) {
        guard T > 0 else { return }
        let V = plan.vendorCount, B = plan.buyerCount, C = plan.channelCount, layout = plan.layout, r = plan.replacement
        let installed = output, won = output + T &* V
        let installedTotal = won + T &* V, demand = installedTotal + T, wonTotal = demand + T
        let stride = SegmentPlan.detailStride(vendors: V, buyers: B, channels: C)

        // The current parameter values, then the cumulative trend c, the utilities' exp(u − m)
        // E, the friction factors exp(f) per channel and member, each channel's reach of the
        // group being served per member, each member's reach R and attraction A in that group,
        // and each member's purchases summed over groups.
        let values = memory.vectors.resize(layout.count + 5 * V + 2 * C * V)
        let h = values, beta = values + V
        let c = values + layout.count, E = c + V, expF = E + V, served = expF + C &* V
        let reach = served + C &* V, A = reach + V, bought = A + V
        values.initialize(repeating: 0, count: layout.count)
        for b in 0..<B { (values + layout.access(0, b, 0)).initialize(repeating: 1, count: V) }
        values[layout.growth] = plan.growth
        c.initialize(repeating: 0, count: V)
        let base = memory.plan.base.base + plan.members.lowerBound
        let initial = memory.plan.initial.base + plan.members.lowerBound
        let weights = memory.plan.weights.base + plan.weights.lowerBound
        var ramps = memory.ramps(for: plan)

        // Step 0's bases: each group's part of each member's, all of it through `direct`.
        do {
            let groupBase = detail, channelBase = detail + 2 &* B &* V
            for b in 0..<B { for j in 0..<V { groupBase[b &* V &+ j] = weights[b] * initial[j] } }
            channelBase.initialize(repeating: 0, count: C * V)
            for j in 0..<V {
                var x = groupBase[j]
                for b in 1..<max(1, B) { x += groupBase[b &* V &+ j] }
                channelBase[j] = x
            }
        }
        var g = Foundation.pow(1 + plan.growth, dt) - 1
        var D = plan.size
        var reachMoved = true
        for k in 0..<T {
            if k & 4095 == 4095, let isCancelled, isCancelled() { throw .cancelled }
            if ramps.isActive(at: k) {
                var growthMoved = false
                ramps.advance(to: k, values: values) { e in
                    if e == layout.growth { growthMoved = true } else if layout.reachEntries.contains(e) { reachMoved = true }
                }
                if growthMoved { g = Foundation.pow(1 + values[layout.growth], dt) - 1 }
            }
            if reachMoved {
                for ch in 0..<C { for j in 0..<V { expF[ch &* V &+ j] = Foundation.exp(values[layout.friction(ch, j)]) } }
                reachMoved = false
            }
            let step = detail + k &* stride
            let groupBase = step, groupBought = step + B &* V
            let channelBase = groupBought + B &* V, channelBought = channelBase + C &* V

            // The state at the start of step k, per member: its groups' bases summed.
            let I = installed + k &* V
            var total = 0.0
            for j in 0..<V {
                var x = groupBase[j]
                for b in 1..<max(1, B) { x += groupBase[b &* V &+ j] }
                I[j] = x
                total += x
            }
            installedTotal[k] = total

            var m = -Double.infinity
            for j in 0..<V {
                let u = base[j] + h[j] + c[j]
                E[j] = u
                if u > m { m = u }
            }
            for j in 0..<V { E[j] = StepLoop.attraction(E[j], max: m) }

            let nextSize = D * (1 + g)
            var N = 0.0
            bought.initialize(repeating: 0, count: V)
            channelBought.initialize(repeating: 0, count: C * V)
            for b in 0..<B {
                var sum = 0.0
                for j in 0..<V {
                    var rest = 1.0, R = 0.0
                    for ch in 0..<C {
                        let a = values[layout.access(ch, b, j)]
                        let e = a * rest
                        rest *= 1 - a
                        let x = e * expF[ch &* V &+ j]
                        served[ch &* V &+ j] = x
                        R += x
                    }
                    reach[j] = R
                    A[j] = R * E[j]
                    sum += A[j]
                }
                let P = groupBought + b &* V, Ib = groupBase + b &* V
                guard sum > 0 else {
                    P.initialize(repeating: 0, count: V)
                    continue
                }
                var held = Ib[0]
                for j in 1..<max(1, V) { held += Ib[j] }
                let need = max(0, weights[b] * nextSize - (1 - r) * held)
                N += need
                for j in 0..<V {
                    let p = need * (A[j] / sum)
                    P[j] = p
                    bought[j] += p
                    guard p != 0 else { continue }
                    for ch in 0..<C { channelBought[ch &* V &+ j] += p * (served[ch &* V &+ j] / reach[j]) }
                }
            }
            demand[k] = N
            let n = won + k &* V
            var partWon = 0.0
            for j in 0..<V {
                n[j] = N > 0 ? bought[j] / N : 0
                partWon += n[j]
            }
            wonTotal[k] = partWon

            if k + 1 < T {
                let next = step + stride
                for i in 0..<B &* V { next[i] = (1 - r) * groupBase[i] + groupBought[i] }
                let nextChannels = next + 2 &* B &* V
                for i in 0..<C &* V { nextChannels[i] = (1 - r) * channelBase[i] + channelBought[i] }
            }
            D = nextSize
            if plan.trendMoves { for j in 0..<V { c[j] += beta[j] * dt } }
        }
    }
}
