/// A run's figures, per segment.
public struct RunResult: Sendable {
    public let scenario: ResolvedScenario
    public let segments: [SegmentSeries]
    /// The same run with per-group and per-channel figures, once `detailed()` made it.
    let detailCache = DetailCache()

    public var steps: Int { scenario.timeline.steps }
}

/// One segment's figures. The run stores two per step and member, the installed base `I`
/// and the part of demand won `n`, and three per step, `ΣI`, `N` and `Σn`: storing four
/// per step and member made a long run spend more time on page faults than on arithmetic.
/// The other figures are derived when read, by the very expressions the step loop used to
/// store them, so they are the same bits.
public struct SegmentSeries: Sendable {
    package let segmentIndex: Int
    /// Indices into the scenario's vendors, in declaration order.
    public let vendors: [Int]
    public let steps: Int
    let storage: RunStorage
    /// Where the segment's figures start in `storage`, laid out as
    /// `SegmentPlan.outputCount` says: `I` and `n` at `k·V + j`, then `ΣI`, `N`, `Σn` at `k`.
    let offset: Int
    /// Each buyer group's and channel's figures, when the run kept them (see `RunResult.detailed`).
    let details: SegmentDetails?

    public var vendorCount: Int { vendors.count }

    /// Whether the run kept this segment's per-group and per-channel figures.
    package var hasDetails: Bool { details != nil }

    /// Installed base (`.installed`) or purchases (`.sales`) of the `j`-th member vendor at
    /// step `k` within buyer group `b`, or through channel `c` (0 is `direct`).
    package func amount(_ metric: SeriesMetric, step k: Int, member j: Int, buyer b: Int? = nil, channel c: Int? = nil) -> Double {
        guard let details else { preconditionFailure("the run kept no per-group or per-channel figures") }
        precondition(k >= 0 && k < steps && j >= 0 && j < vendors.count, "step or member out of range")
        let V = vendors.count, B = details.buyers, C = details.channels
        let step = details.storage.base + details.offset + k * 2 * (B + C) * V
        let sales = metric == .sales || metric == .salesShare
        if let b { return step[(sales ? B * V : 0) + b * V + j] }
        return step[2 * B * V + (sales ? C * V : 0) + (c ?? 0) * V + j]
    }

    /// A figure at step `k` of the segment's `j`-th member vendor.
    public func value(_ metric: SeriesMetric, step k: Int, member j: Int) -> Double {
        precondition(k >= 0 && k < steps && j >= 0 && j < vendors.count, "step or member out of range")
        return SegmentFigures(offset: offset, steps: steps, vendorCount: vendors.count)
            .value(metric, in: storage.base, step: k, member: j)
    }

    /// A figure of the `j`-th member vendor at every step.
    public func values(_ metric: SeriesMetric, member j: Int) -> [Double] {
        (0..<steps).map { value(metric, step: $0, member: j) }
    }
}

/// Where one segment's per-group and per-channel figures lie in a run's memory, laid out as
/// `SegmentPlan.detailCount` says.
struct SegmentDetails: Sendable {
    let storage: RunStorage
    let offset: Int
    let buyers: Int
    /// `direct` and the scenario's channels.
    let channels: Int
}

/// Where one segment's figures lie in a run's memory, laid out as `SegmentPlan.outputCount`
/// says; for batches that read each run's figures before the next run overwrites them,
/// without making a result (see `PlannedRuns`).
struct SegmentFigures {
    let offset: Int
    let steps: Int
    let vendorCount: Int

    /// A figure at step `k` of the `j`-th member vendor, derived as `SegmentSeries` says.
    @inline(__always) func value(_ metric: SeriesMetric, in run: UnsafePointer<Double>, step k: Int, member j: Int) -> Double {
        let V = vendorCount
        let installed = run + offset, won = installed + steps * V
        let installedTotal = won + steps * V, demand = installedTotal + steps, wonTotal = demand + steps
        let i = k * V + j
        switch metric {
        case .installed: return installed[i]
        case .sales: return demand[k] * won[i]
        case .installedShare: return installedTotal[k] > 0 ? installed[i] / installedTotal[k] : 0
        case .salesShare: return wonTotal[k] > 0 ? won[i] / wonTotal[k] : 0
        }
    }

    /// At each of `at`'s steps, the figure of `members` summed in their order (the first,
    /// plus each of the others in turn), into `out` every `stride` doubles: the same bits as
    /// summing `value` calls. The metric is looked at once rather than once per figure, and
    /// where every figure the sum is derived from has the same bits as at the step before in
    /// `at`, the sum is too, and is copied rather than divided out again: in a batch of runs
    /// most steps repeat the one before (a market at rest, or settled).
    @inline(__always) func sum(_ metric: SeriesMetric, in run: UnsafePointer<Double>, members: UnsafeBufferPointer<Int>,
                               at: UnsafeBufferPointer<Int>, into out: UnsafeMutablePointer<Double>, stride: Int) {
        let V = vendorCount
        let installed = run + offset, won = installed + steps * V
        let installedTotal = won + steps * V, demand = installedTotal + steps, wonTotal = demand + steps
        switch metric {
        case .installed: sum(members, at, out, stride, installed, nil) { k, j in value(.installed, in: run, step: k, member: j) }
        case .sales: sum(members, at, out, stride, won, demand) { k, j in value(.sales, in: run, step: k, member: j) }
        case .installedShare:
            sum(members, at, out, stride, installed, installedTotal) { k, j in value(.installedShare, in: run, step: k, member: j) }
        case .salesShare: sum(members, at, out, stride, won, wonTotal) { k, j in value(.salesShare, in: run, step: k, member: j) }
        }
    }

    /// `perMember` (at `k·V + j`) and `perStep` (at `k`, if any) are what `value` reads.
    @inline(__always) private func sum(_ members: UnsafeBufferPointer<Int>, _ at: UnsafeBufferPointer<Int>,
                                       _ out: UnsafeMutablePointer<Double>, _ stride: Int, _ perMember: UnsafePointer<Double>,
                                       _ perStep: UnsafePointer<Double>?, _ value: (Int, Int) -> Double) {
        let first = members[0]
        var v = 0.0
        for i in 0..<at.count {
            let k = at[i]
            if i == 0 || !repeats(k, at[i - 1], members, perMember, perStep) {
                v = value(k, first)
                for m in 1..<members.count { v += value(k, members[m]) }
            }
            out[i &* stride] = v
        }
    }

    /// Whether the figures `value` reads at step `k` have the same bits as at step `p`.
    @inline(__always) private func repeats(_ k: Int, _ p: Int, _ members: UnsafeBufferPointer<Int>,
                                           _ perMember: UnsafePointer<Double>, _ perStep: UnsafePointer<Double>?) -> Bool {
        if let perStep, perStep[k].bitPattern != perStep[p].bitPattern { return false }
        let V = vendorCount
        for j in members where perMember[k &* V &+ j].bitPattern != perMember[p &* V &+ j].bitPattern { return false }
        return true
    }
}

/// The four figures a run reports for each step, segment and vendor.
public enum SeriesMetric: String, Sendable, CaseIterable {
    case installedShare = "installed_share"
    case salesShare = "sales_share"
    case installed
    case sales

    /// The same figure as the language names it, for `RunResult.value(of:…)`, expectations
    /// and observations.
    public var measure: Metric {
        switch self {
        case .installedShare: .installedShare
        case .salesShare: .salesShare
        case .installed: .installed
        case .sales: .sales
        }
    }
}
