import Foundation

/// MODEL.md's deterministic run: multinomial-logit shares of new purchases feeding an
/// installed base that turns over at the rate its lifetime sets.
public enum Engine {
    /// Thrown when the caller's cancellation check says to stop (Ctrl-C at the REPL).
    public struct Cancelled: Error {}

    /// Runs the scenario. `isCancelled` is polled every few thousand steps.
    public static func run(_ scenario: ResolvedScenario, isCancelled: (() -> Bool)? = nil) throws(Cancelled) -> RunResult {
        var out: [SegmentSeries] = []
        out.reserveCapacity(scenario.segments.count)
        for (s, segment) in scenario.segments.enumerated() {
            let members = segment.memberIndices(in: scenario.vendors)
            let schedule = SegmentSchedule(segment: segment, members: members.map { scenario.vendors[$0].id },
                                           changes: scenario.changes, steps: scenario.timeline.steps)
            let base = members.map { j -> Double in
                let id = scenario.vendors[j].id
                let sigma = segment.initial[id] ?? 0
                return sigma > 0 ? Foundation.log(sigma) : (segment.appeal[id] ?? -Double.infinity)
            }
            let initial = members.map { (segment.initial[scenario.vendors[$0].id] ?? 0) * segment.size }
            out.append(try runSegment(index: s, segment: segment, members: members, base: base, initial: initial,
                                      schedule: schedule, dt: scenario.timeline.step.years, isCancelled: isCancelled))
        }
        return RunResult(scenario: scenario, segments: out)
    }

    // The step loop. Buffers are allocated before it; inside it only arithmetic happens, on
    // raw pointers with wrapping index arithmetic so that the per-vendor loops vectorise.
    // Parameters live in current-value vectors that the touched series overwrite each step.
    // Sales shares are reused while utilities and access stay as they were, and a vendor's
    // attraction while its utility and the maximum stay as they were; both are exact: the
    // same inputs give the same bits.
    private static func runSegment(
        index: Int, segment: Segment, members: [Int], base: [Double], initial: [Double], schedule: SegmentSchedule,
        dt: Double, isCancelled: (() -> Bool)?
    ) throws(Cancelled) -> SegmentSeries {
        let V = members.count, B = segment.buyers.count, T = schedule.steps
        let r = min(1.0, dt / segment.lifetime)
        let weights = segment.buyers.map(\.weight)
        let stepGrowth = schedule.growth.map { Foundation.pow(1 + $0, dt) - 1 }
        var installedOut = [Double](repeating: 0, count: T * V)
        var salesOut = [Double](repeating: 0, count: T * V)
        var installedShareOut = [Double](repeating: 0, count: T * V)
        var salesShareOut = [Double](repeating: 0, count: T * V)
        // The working vectors, one allocation: state I, utility u and last step's, cumulative
        // trend c, current shift h and trend β, attraction E, part won n (V each), then
        // current access a[b·V + j] (V·B).
        var work = [Double](repeating: 0, count: 8 * V + B * V)
        var wonTotal = 0.0, previousMax = Double.nan
        var canReuse = false

        try installedOut.withUnsafeMutableBufferPointer { (instOut) throws(Cancelled) in
        try salesOut.withUnsafeMutableBufferPointer { (salOut) throws(Cancelled) in
        try installedShareOut.withUnsafeMutableBufferPointer { (instShareOut) throws(Cancelled) in
        try salesShareOut.withUnsafeMutableBufferPointer { (salShareOut) throws(Cancelled) in
        try work.withUnsafeMutableBufferPointer { (w) throws(Cancelled) in
            let I = w.baseAddress!, u = I + V, uPrev = I + 2 * V, c = I + 3 * V
            let h = I + 4 * V, beta = I + 5 * V, E = I + 6 * V, n = I + 7 * V, a = I + 8 * V
            for j in 0..<V { I[j] = initial[j]; uPrev[j] = .nan }
            for i in 0..<(B * V) { a[i] = 1 }
            let shift = schedule.shift, trend = schedule.trend, access = schedule.access
            for k in 0..<T {
                if k & 4095 == 4095, let isCancelled, isCancelled() { throw Cancelled() }
                let row = k &* V
                let inst = instOut.baseAddress! + row, instShare = instShareOut.baseAddress! + row
                let sal = salOut.baseAddress! + row, salShare = salShareOut.baseAddress! + row
                var total = 0.0
                for j in 0..<V { total += I[j] }
                for j in 0..<V { inst[j] = I[j] }
                if total > 0 { for j in 0..<V { instShare[j] = I[j] / total } } else { for j in 0..<V { instShare[j] = 0 } }
                let N = max(0, (r + stepGrowth[k]) * total)

                for i in 0..<shift.count { h[shift.columns[i]] = shift.values[k &* shift.count &+ i] }
                for i in 0..<trend.count { beta[trend.columns[i]] = trend.values[k &* trend.count &+ i] }
                var accessChanged = k == 0
                for i in 0..<access.count {
                    let x = access.values[k &* access.count &+ i], e = access.columns[i]
                    if x != a[e] { accessChanged = true }
                    a[e] = x
                }
                var utilityChanged = false
                for j in 0..<V {
                    let value = base[j] + h[j] + c[j]
                    if value != uPrev[j] { utilityChanged = true }
                    u[j] = value
                }
                if !canReuse || utilityChanged || accessChanged {
                    var m = -Double.infinity
                    for j in 0..<V where u[j] > m { m = u[j] }
                    let sameMax = m == previousMax
                    for j in 0..<V {
                        if !sameMax || u[j] != uPrev[j] { E[j] = u[j] == -.infinity ? 0 : Foundation.exp(u[j] - m) }
                        n[j] = 0
                    }
                    for b in 0..<B {
                        let ab = a + b &* V
                        var sum = 0.0
                        for j in 0..<V { sum += ab[j] * E[j] }
                        if sum > 0 {
                            let weight = weights[b]
                            for j in 0..<V { n[j] += weight * (ab[j] * E[j] / sum) }
                        }
                    }
                    wonTotal = 0
                    for j in 0..<V { wonTotal += n[j] }
                    for j in 0..<V { uPrev[j] = u[j] }
                    previousMax = m
                    canReuse = true
                }
                for j in 0..<V {
                    let bought = N * n[j]
                    sal[j] = bought
                    I[j] = (1 - r) * I[j] + bought
                }
                if wonTotal > 0 { for j in 0..<V { salShare[j] = n[j] / wonTotal } } else { for j in 0..<V { salShare[j] = 0 } }
                for i in 0..<trend.count {
                    let j = trend.columns[i]
                    c[j] += beta[j] * dt
                }
            }
        }}}}}
        return SegmentSeries(segmentIndex: index, vendors: members, installed: installedOut, sales: salesOut,
                             installedShare: installedShareOut, salesShare: salesShareOut)
    }
}
