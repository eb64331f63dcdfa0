/// A run's figures, per segment.
public struct RunResult: Sendable {
    public let scenario: ResolvedScenario
    public let segments: [SegmentSeries]

    public var steps: Int { scenario.timeline.steps }
}

/// One segment's figures. The run stores two per step and member, the installed base `I`
/// and the part of demand won `n`, and three per step, `ΣI`, `N` and `Σn`: storing four
/// per step and member made a long run spend more time on page faults than on arithmetic.
/// The other figures are derived when read, by the very expressions the step loop used to
/// store them, so they are the same bits.
public struct SegmentSeries: Sendable {
    public let segmentIndex: Int
    /// Indices into the scenario's vendors, in declaration order.
    public let vendors: [Int]
    public let steps: Int
    let storage: RunStorage
    /// Where the segment's figures start in `storage`, laid out as
    /// `SegmentPlan.outputCount` says: `I` and `n` at `k·V + j`, then `ΣI`, `N`, `Σn` at `k`.
    let offset: Int

    public var vendorCount: Int { vendors.count }

    /// A figure at step `k` of the segment's `j`-th member vendor.
    public func value(_ metric: SeriesMetric, step k: Int, member j: Int) -> Double {
        precondition(k >= 0 && k < steps && j >= 0 && j < vendors.count, "step or member out of range")
        let V = vendors.count
        let installed = storage.base + offset, won = installed + steps * V
        let installedTotal = won + steps * V, demand = installedTotal + steps, wonTotal = demand + steps
        let i = k * V + j
        switch metric {
        case .installed: return installed[i]
        case .sales: return demand[k] * won[i]
        case .installedShare: return installedTotal[k] > 0 ? installed[i] / installedTotal[k] : 0
        case .salesShare: return wonTotal[k] > 0 ? won[i] / wonTotal[k] : 0
        }
    }

    /// A figure of the `j`-th member vendor at every step.
    public func values(_ metric: SeriesMetric, member j: Int) -> [Double] {
        (0..<steps).map { value(metric, step: $0, member: j) }
    }
}

/// The four figures a run reports for each step, segment and vendor.
public enum SeriesMetric: String, Sendable, CaseIterable {
    case installedShare = "installed_share"
    case salesShare = "sales_share"
    case installed
    case sales
}
