/// Places labels along one axis (the line ends of a chart, top to bottom) so that none
/// overlaps another: each wants to sit at its own position; where two would overlap they
/// are pushed apart, keeping their order, within `range`. The result says how far the
/// furthest label had to move, so a chart can fall back to a legend when labels would
/// stray from their lines.
struct LabelPlacer {
    /// Each label's wanted centre, in any order.
    var wanted: [Double]
    /// The space a label takes along the axis (its height).
    var size: Double
    var range: ClosedRange<Double>

    struct Placement {
        /// Each label's centre, in the order of `wanted`.
        var positions: [Double]
        var largestMove: Double
        /// False when the labels do not fit in the range at all.
        var fits: Bool
    }

    func place() -> Placement {
        let n = wanted.count
        guard n > 0 else { return Placement(positions: [], largestMove: 0, fits: true) }
        let fits = Double(n) * size <= range.upperBound - range.lowerBound + 1e-9
        // Ties keep the input order, so the result does not depend on the sort's stability.
        let order = wanted.indices.sorted { wanted[$0] != wanted[$1] ? wanted[$0] < wanted[$1] : $0 < $1 }
        let low = range.lowerBound + size / 2, high = range.upperBound - size / 2
        // Clusters of touching labels are centred on their members' mean, then merged with
        // the cluster before them while they overlap (the classic "pool adjacent" pass).
        var clusters: [(start: Int, count: Int, centre: Double)] = []
        for (i, label) in order.enumerated() {
            clusters.append((i, 1, min(max(wanted[label], low), high)))
            while clusters.count > 1 {
                let b = clusters[clusters.count - 1], a = clusters[clusters.count - 2]
                let aEnd = a.centre + Double(a.count) * size / 2
                let bStart = b.centre - Double(b.count) * size / 2
                guard aEnd > bStart else { break }
                let count = a.count + b.count
                var centre = (a.centre * Double(a.count) + b.centre * Double(b.count)) / Double(count)
                let half = Double(count) * size / 2
                centre = min(max(centre, range.lowerBound + half), max(range.lowerBound + half, range.upperBound - half))
                clusters.removeLast(2)
                clusters.append((a.start, count, centre))
            }
        }
        var positions = [Double](repeating: 0, count: n)
        for c in clusters {
            let top = c.centre - Double(c.count) * size / 2 + size / 2
            for k in 0..<c.count { positions[order[c.start + k]] = top + Double(k) * size }
        }
        let largestMove = zip(positions, wanted).map { abs($0 - $1) }.max() ?? 0
        return Placement(positions: positions, largestMove: largestMove, fits: fits)
    }
}
