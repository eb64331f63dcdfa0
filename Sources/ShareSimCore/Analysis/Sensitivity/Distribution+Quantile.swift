extension Distribution {
    /// The value below which a share `p` (0 < p < 1) of draws falls, truncated to `range` as
    /// draws are: where a sensitivity analysis sets a parameter, so that its levels are as far
    /// apart in likelihood whatever the distribution's shape.
    func quantile(_ p: Double, within range: ClosedRange<Double>) -> Double {
        let x: Double
        switch self {
        case .uniform(let a, let b):
            x = a + (b - a) * p
        case .triangular(let a, let c, let b):
            let split = (c - a) / (b - a)
            x = p < split ? a + (p * (b - a) * (c - a)).squareRoot() : b - ((1 - p) * (b - a) * (b - c)).squareRoot()
        case .normal(let mean, let sd):
            let lo = NormalDistribution.cdf((range.lowerBound - mean) / sd)
            let hi = NormalDistribution.cdf((range.upperBound - mean) / sd)
            x = mean + sd * NormalDistribution.quantile(lo + p * (hi - lo))
        case .oneOf(let values):
            let sorted = values.sorted()
            x = sorted[Swift.min(sorted.count - 1, Int(p * Double(sorted.count)))]
        }
        return Swift.min(Swift.max(x, range.lowerBound), range.upperBound)
    }
}
