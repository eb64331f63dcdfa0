/// Whom a report speaks of: each vendor, each origin with its vendors' figures summed, each
/// channel, each recorded origin, or each vendor within each buyer group. The name reports
/// and commands have used since v1 for what MODEL.md calls a view.
public typealias Grouping = ShareView

extension ShareView {
    /// The view as a table's title names it: "installed share by recorded origin".
    public var title: String {
        switch self {
        case .recorded: return "recorded origin"
        case .buyer: return "buyer group"
        default: return rawValue
        }
    }

    /// The run output's key columns for this view (DESIGN.md "Run output").
    package var keyColumns: [String] {
        switch self {
        case .vendor: return ["vendor", "origin"]
        case .origin: return ["origin"]
        case .channel: return ["channel"]
        case .recorded: return ["recorded_origin"]
        case .buyer: return ["buyer", "vendor"]
        }
    }
}

/// One line of a report: a vendor, an origin, a channel or a recorded origin in one
/// segment, or a vendor within one buyer group, its four series over time.
public struct EntitySeries: Sendable {
    public var name: String
    /// The vendor's origin; for any other row, its key.
    public var origin: String
    /// The buyer group, in the buyer view.
    public var buyer: String? = nil
    public var installedShare: [Double]
    public var salesShare: [Double]
    public var installed: [Double]
    public var sales: [Double]

    public func values(_ m: SeriesMetric) -> [Double] {
        switch m {
        case .installedShare: return installedShare
        case .salesShare: return salesShare
        case .installed: return installed
        case .sales: return sales
        }
    }
}

/// A report row by name: a vendor, or an origin and the members of the segment it adds up.
public struct EntityRow: Sendable {
    public var name: String
    public var origin: String
    /// Indices into the segment's members, in declaration order.
    package var members: [Int]
    /// The view of a channel, recorded-origin or buyer row, whose figure `RunResult.value(of:…)`
    /// takes; nil for a vendor or origin row, which adds up `members`.
    public var view: ShareView? = nil
    /// The buyer group, in the buyer view.
    public var buyer: String? = nil
}

extension EntitySeries {
    /// One row per origin, in the order of each origin's first vendor: its vendors'
    /// figures added in declaration order, so the sums are the same bits every time.
    package static func summedByOrigin(_ vendorRows: [EntitySeries]) -> [EntitySeries] {
        var order: [String] = []
        var byOrigin: [String: EntitySeries] = [:]
        for row in vendorRows {
            if var acc = byOrigin[row.origin] {
                for k in acc.installedShare.indices {
                    acc.installedShare[k] += row.installedShare[k]
                    acc.salesShare[k] += row.salesShare[k]
                    acc.installed[k] += row.installed[k]
                    acc.sales[k] += row.sales[k]
                }
                byOrigin[row.origin] = acc
            } else {
                order.append(row.origin)
                var first = row
                first.name = row.origin
                byOrigin[row.origin] = first
            }
        }
        return order.map { byOrigin[$0]! }
    }
}

extension RunResult {
    /// The rows of one segment, in declaration order of vendors (or of origins' first vendor).
    public func entities(segment s: Int, by grouping: Grouping) -> [EntitySeries] {
        if grouping != .vendor && grouping != .origin {
            return rows(segment: s, by: grouping).map { row in
                func values(_ m: SeriesMetric) -> [Double] { (0..<steps).map { value(m, of: row, segment: s, step: $0) } }
                return EntitySeries(name: row.name, origin: row.origin, buyer: row.buyer, installedShare: values(.installedShare),
                                    salesShare: values(.salesShare), installed: values(.installed), sales: values(.sales))
            }
        }
        let series = segments[s]
        let vendorRows = series.vendors.enumerated().map { j, v in
            EntitySeries(name: scenario.vendors[v].id, origin: scenario.vendors[v].origin,
                         installedShare: series.values(.installedShare, member: j),
                         salesShare: series.values(.salesShare, member: j),
                         installed: series.values(.installed, member: j), sales: series.values(.sales, member: j))
        }
        return grouping == .origin ? EntitySeries.summedByOrigin(vendorRows) : vendorRows
    }

    /// The rows of one segment as `entities(segment:by:)` gives them, without their series:
    /// for reports that read a few dates of a run, however long, without copying it whole.
    public func rows(segment s: Int, by grouping: Grouping) -> [EntityRow] {
        scenario.rows(segment: segments[s].segmentIndex, by: grouping)
    }

    /// A row's figure at step `k`: its members' added in order, the same bits as the sums
    /// `entities(segment:by: .origin)` holds.
    public func value(_ metric: SeriesMetric, of row: EntityRow, segment s: Int, step k: Int) -> Double {
        if let view = row.view {
            return value(of: metric.measure, view: view, keys: [row.name], buyer: row.buyer,
                         segments: [scenario.segments[segments[s].segmentIndex].id], step: k)
        }
        let series = segments[s]
        var x = series.value(metric, step: k, member: row.members[0])
        for j in row.members.dropFirst() { x += series.value(metric, step: k, member: j) }
        return x
    }

    /// The first day of step `k`, as the run output's `date` column writes it.
    public func date(ofStep k: Int) -> String { scenario.timeline.month(ofStep: k).firstDayText }
}
