/// Whom a report speaks of: each vendor, or each origin with its vendors' figures summed.
public enum Grouping: String, Sendable, CaseIterable {
    case vendor, origin
}

/// One line of a report: a vendor or an origin in one segment, its four series over time.
public struct EntitySeries: Sendable {
    public var name: String
    /// The vendor's origin; for an origin row, the origin itself.
    public var origin: String
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
    public var members: [Int]
}

extension EntitySeries {
    /// One row per origin, in the order of each origin's first vendor: its vendors'
    /// figures added in declaration order, so the sums are the same bits every time.
    public static func summedByOrigin(_ vendorRows: [EntitySeries]) -> [EntitySeries] {
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
        let series = segments[s]
        let vendorRows = series.vendors.enumerated().map { j, v in
            EntityRow(name: scenario.vendors[v].id, origin: scenario.vendors[v].origin, members: [j])
        }
        guard grouping == .origin else { return vendorRows }
        var order: [String] = []
        var members: [String: [Int]] = [:]
        for row in vendorRows {
            if members[row.origin] == nil { order.append(row.origin) }
            members[row.origin, default: []] += row.members
        }
        return order.map { EntityRow(name: $0, origin: $0, members: members[$0]!) }
    }

    /// A row's figure at step `k`: its members' added in order, the same bits as the sums
    /// `entities(segment:by: .origin)` holds.
    public func value(_ metric: SeriesMetric, of row: EntityRow, segment s: Int, step k: Int) -> Double {
        let series = segments[s]
        var x = series.value(metric, step: k, member: row.members[0])
        for j in row.members.dropFirst() { x += series.value(metric, step: k, member: j) }
        return x
    }

    /// The first day of step `k`, as the run output's `date` column writes it.
    public func date(ofStep k: Int) -> String { scenario.timeline.month(ofStep: k).firstDayText }
}
