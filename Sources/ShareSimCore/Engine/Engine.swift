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

    // The step loop. Buffers are allocated before it; inside it only arithmetic happens.
    // Sales shares are reused while utilities and access stay as they were, which is exact:
    // the same inputs give the same bits.
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
        var state = initial
        var utility = base
        var cumulativeTrend = [Double](repeating: 0, count: V)
        var previousUtility = [Double](repeating: .nan, count: V)
        var attraction = [Double](repeating: 0, count: V)
        var won = [Double](repeating: 0, count: V)
        var wonTotal = 0.0
        var canReuse = false

        try state.withUnsafeMutableBufferPointer { (I) throws(Cancelled) in
            try installedOut.withUnsafeMutableBufferPointer { (inst) throws(Cancelled) in
            try salesOut.withUnsafeMutableBufferPointer { (sal) throws(Cancelled) in
            try installedShareOut.withUnsafeMutableBufferPointer { (instShare) throws(Cancelled) in
            try salesShareOut.withUnsafeMutableBufferPointer { (salShare) throws(Cancelled) in
            try utility.withUnsafeMutableBufferPointer { (u) throws(Cancelled) in
            try previousUtility.withUnsafeMutableBufferPointer { (uPrev) throws(Cancelled) in
            try cumulativeTrend.withUnsafeMutableBufferPointer { (c) throws(Cancelled) in
            try attraction.withUnsafeMutableBufferPointer { (E) throws(Cancelled) in
            try won.withUnsafeMutableBufferPointer { (n) throws(Cancelled) in
            try schedule.shift.withUnsafeBufferPointer { (h) throws(Cancelled) in
            try schedule.trend.withUnsafeBufferPointer { (beta) throws(Cancelled) in
            let access = schedule.access
            for k in 0..<T {
                if k & 4095 == 4095, let isCancelled, isCancelled() { throw Cancelled() }
                let row = k * V
                var total = 0.0
                for j in 0..<V { total += I[j] }
                for j in 0..<V {
                    inst[row + j] = I[j]
                    instShare[row + j] = total > 0 ? I[j] / total : 0
                }
                let N = max(0, (r + stepGrowth[k]) * total)

                var utilityChanged = false
                for j in 0..<V {
                    let value = base[j] + h[row + j] + c[j]
                    if value != uPrev[j] { utilityChanged = true }
                    u[j] = value
                }
                let accessChanged = access.map { a in k == 0 || (0..<(V * B)).contains { a[row * B + $0] != a[(row - V) * B + $0] } } ?? false
                if !canReuse || utilityChanged || accessChanged {
                    var m = -Double.infinity
                    for j in 0..<V where u[j] > m { m = u[j] }
                    for j in 0..<V { E[j] = u[j] == -.infinity ? 0 : Foundation.exp(u[j] - m); n[j] = 0 }
                    for b in 0..<B {
                        var sum = 0.0
                        if let a = access {
                            for j in 0..<V { sum += a[(row + j) * B + b] * E[j] }
                            if sum > 0 {
                                for j in 0..<V { n[j] += weights[b] * (a[(row + j) * B + b] * E[j] / sum) }
                            }
                        } else {
                            for j in 0..<V { sum += E[j] }
                            if sum > 0 {
                                for j in 0..<V { n[j] += weights[b] * (E[j] / sum) }
                            }
                        }
                    }
                    wonTotal = 0
                    for j in 0..<V { wonTotal += n[j] }
                    for j in 0..<V { uPrev[j] = u[j] }
                    canReuse = true
                }
                for j in 0..<V {
                    let bought = N * n[j]
                    sal[row + j] = bought
                    salShare[row + j] = wonTotal > 0 ? n[j] / wonTotal : 0
                    I[j] = (1 - r) * I[j] + bought
                    c[j] += beta[row + j] * dt
                }
            }
            }}}}}}}}}}}
        }
        return SegmentSeries(segmentIndex: index, vendors: members, installed: installedOut, sales: salesOut,
                             installedShare: installedShareOut, salesShare: salesShareOut)
    }
}
