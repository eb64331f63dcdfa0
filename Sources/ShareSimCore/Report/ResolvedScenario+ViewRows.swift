/// A view's rows as a scenario's structure decides them, before anything is run: what
/// `run`'s reports and Monte Carlo's bands both list, so that a view has the same rows,
/// in the same order, wherever it is shown.
extension ResolvedScenario {
    /// The keys of a view in segment `s`, in report order: vendors and their origins in
    /// declaration order, `direct` then the declared channels, and for recorded origins the
    /// brands' origins then those the channels record.
    package func keys(of view: ShareView, segment s: Int) -> [String] {
        let members = segments[s].memberIndices(in: vendors).map { vendors[$0] }
        switch view {
        case .vendor, .buyer: return members.map(\.id)
        case .origin: return distinct(members.map(\.origin))
        case .channel: return routeNames
        case .recorded: return distinct(members.map(\.origin) + channels.compactMap(\.records))
        }
    }

    /// The rows of segment `s` in a view: a vendor, or an origin and the members it adds up
    /// (indices into the segment's members, in declaration order); a channel or recorded
    /// origin; or a vendor within each buyer group, groups in declaration order.
    package func rows(segment s: Int, by view: ShareView) -> [EntityRow] {
        switch view {
        case .vendor, .origin: break
        case .channel, .recorded:
            return keys(of: view, segment: s).map { EntityRow(name: $0, origin: $0, members: [], view: view) }
        case .buyer:
            return segments[s].buyers.flatMap { b in
                keys(of: .buyer, segment: s).map { EntityRow(name: $0, origin: $0, members: [], view: .buyer, buyer: b.id) }
            }
        }
        let vendorRows = segments[s].memberIndices(in: vendors).enumerated().map { j, v in
            EntityRow(name: vendors[v].id, origin: vendors[v].origin, members: [j])
        }
        guard view == .origin else { return vendorRows }
        var order: [String] = []
        var members: [String: [Int]] = [:]
        for row in vendorRows {
            if members[row.origin] == nil { order.append(row.origin) }
            members[row.origin, default: []] += row.members
        }
        return order.map { EntityRow(name: $0, origin: $0, members: members[$0]!) }
    }

    private func distinct(_ xs: [String]) -> [String] {
        var seen = Set<String>()
        return xs.filter { seen.insert($0).inserted }
    }
}
