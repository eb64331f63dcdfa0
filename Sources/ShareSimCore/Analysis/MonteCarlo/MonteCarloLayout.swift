/// Which figures of a run each row sums: the member vendors of a vendor or origin row.
struct MonteCarloLayout {
    struct Row {
        var segment: Int
        var name: String
        var origin: String
        /// Member indices in the segment's series, summed in this (declaration) order.
        var members: [Int]
    }

    static func rows(of s: ResolvedScenario, by grouping: Grouping) -> [Row] {
        var out: [Row] = []
        for (si, seg) in s.segments.enumerated() {
            let members = seg.memberIndices(in: s.vendors)
            var rows: [Row] = []
            for (j, v) in members.enumerated() {
                let vendor = s.vendors[v]
                if grouping == .origin {
                    if let r = rows.firstIndex(where: { $0.origin == vendor.origin }) {
                        rows[r].members.append(j)
                    } else {
                        rows.append(Row(segment: si, name: vendor.origin, origin: vendor.origin, members: [j]))
                    }
                } else {
                    rows.append(Row(segment: si, name: vendor.id, origin: vendor.origin, members: [j]))
                }
            }
            out += rows
        }
        return out
    }
}
