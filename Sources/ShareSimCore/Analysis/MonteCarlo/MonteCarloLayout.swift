/// The rows Monte Carlo keeps a figure of, segment by segment: a view's rows as `run` lists
/// them (`ResolvedScenario.rows(segment:by:)`).
struct MonteCarloLayout {
    struct Row {
        var segment: Int
        var name: String
        var origin: String
        /// The buyer group, in the buyer view.
        var buyer: String?
        /// For a vendor or origin row, member indices in the segment's series, summed in this
        /// (declaration) order; empty for the rows of the views that read each group's and
        /// channel's figures.
        var members: [Int]
    }

    static func rows(of s: ResolvedScenario, by grouping: Grouping) -> [Row] {
        s.segments.indices.flatMap { si in
            s.rows(segment: si, by: grouping).map { Row(segment: si, name: $0.name, origin: $0.origin, buyer: $0.buyer, members: $0.members) }
        }
    }

    /// Whether the view's figures are sums of the vendors' own (read straight from a run's
    /// figures) rather than of each buyer group's or channel's, which a run keeps only
    /// when asked (`RunResult.value(of:view:…)` reads them).
    static func sumsVendors(_ grouping: Grouping) -> Bool { grouping == .vendor || grouping == .origin }
}
