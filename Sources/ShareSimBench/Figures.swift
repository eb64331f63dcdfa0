import ShareSimCore

extension SegmentSeries {
    /// A figure at every step and member, step-major (`k·V + j`), as bench/engine_numpy.py
    /// writes its shares.
    func stepMajor(_ metric: SeriesMetric) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(steps * vendorCount)
        for k in 0..<steps {
            for j in 0..<vendorCount { out.append(value(metric, step: k, member: j)) }
        }
        return out
    }
}

extension RunResult {
    /// Whether every figure of every segment, step and vendor is the same bits in both.
    func hasSameFigures(as other: RunResult) -> Bool {
        segments.count == other.segments.count && zip(segments, other.segments).allSatisfy { x, y in
            SeriesMetric.allCases.allSatisfy { x.stepMajor($0) == y.stepMajor($0) }
        }
    }
}
