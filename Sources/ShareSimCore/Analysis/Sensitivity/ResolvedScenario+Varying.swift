extension ResolvedScenario {
    /// The scenario with each assumed figure set to its value, for `sensitivity --assumptions`.
    ///
    /// A segment's shares (and its buyer weights) keep summing to 100%: those set here keep
    /// their new values and the segment's others are scaled together to take up the
    /// difference, so they keep their proportions to one another. Where no other is left
    /// (every share of the segment is an assumption) or those set pass 100% together, every
    /// share of the segment is scaled instead, keeping the proportions the values set.
    package func varying(_ figures: [AssumedFigure], to values: [Double]) throws(Diagnostic) -> ResolvedScenario {
        var out = self
        var shares: [Int: Set<String>] = [:], buyers: [Int: Set<Int>] = [:]
        for (figure, value) in zip(figures, values) {
            out.assign(figure.targets, value)
            for t in figure.targets {
                switch t {
                case .initialShare(let s, let v): shares[s, default: []].insert(v)
                case .buyerWeight(let s, let b): buyers[s, default: []].insert(b)
                default: break
                }
            }
        }
        // Segments in order, each one's entries in declaration order: sums in a fixed order.
        for s in shares.keys.sorted() {
            let order = vendors.map(\.id).filter { out.segments[s].initial[$0] != nil }
            var weights = order.map { out.segments[s].initial[$0]! }
            Self.keepSummingToOne(&weights, isSet: order.map { shares[s]!.contains($0) }, segment: out.segments[s].id)
            for (j, v) in order.enumerated() { out.segments[s].initial[v] = weights[j] }
        }
        for s in buyers.keys.sorted() {
            var weights = out.segments[s].buyers.map(\.weight)
            Self.keepSummingToOne(&weights, isSet: weights.indices.map { buyers[s]!.contains($0) }, segment: out.segments[s].id)
            for b in weights.indices { out.segments[s].buyers[b].weight = weights[b] }
        }
        if let f = OverflowCheck.findings(in: out).first {
            throw Diagnostic(.error, "with the assumptions so varied, \(f.message)", at: nil, help: [f.help])
        }
        return out
    }

    /// The others take up the difference when they can (see `rebalance`); else all are scaled.
    private static func keepSummingToOne(_ w: inout [Double], isSet: [Bool], segment: String) {
        var others = w
        do throws(Diagnostic) {
            try rebalance(&others, isFixed: isSet, what: "shares", segment: segment, changed: "")
            w = others
        } catch {
            let total = w.reduce(0, +)
            if total > 0 { w = w.map { $0 / total } }
        }
    }
}
