/// A run's figures in columnar arrays: for segment `s`, index `k·V + j` holds step `k`
/// and the segment's `j`-th member vendor.
public struct RunResult: Sendable {
    public let scenario: ResolvedScenario
    public let segments: [SegmentSeries]

    public var steps: Int { scenario.timeline.steps }
}

public struct SegmentSeries: Sendable {
    public let segmentIndex: Int
    /// Indices into the scenario's vendors, in declaration order.
    public let vendors: [Int]
    public internal(set) var installed: [Double]
    public internal(set) var sales: [Double]
    public internal(set) var installedShare: [Double]
    public internal(set) var salesShare: [Double]

    public var vendorCount: Int { vendors.count }

    public func value(_ metric: SeriesMetric, step k: Int, member j: Int) -> Double {
        let i = k * vendors.count + j
        switch metric {
        case .installed: return installed[i]
        case .sales: return sales[i]
        case .installedShare: return installedShare[i]
        case .salesShare: return salesShare[i]
        }
    }
}

/// The four figures a run reports for each step, segment and vendor.
public enum SeriesMetric: String, Sendable, CaseIterable {
    case installedShare = "installed_share"
    case salesShare = "sales_share"
    case installed
    case sales
}
