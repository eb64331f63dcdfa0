import Foundation

extension Distribution {
    /// One draw, truncated to `range`, from exactly one output of the stream, so that every
    /// parameter of a run takes the same output whatever the distributions before it.
    ///
    /// uniform and triangular invert their CDF; `oneof` picks an index by the output's high
    /// bits (Lemire's multiply-shift); a normal is truncated to `range` by inverting its CDF
    /// between the CDF's values at the ends of the range, which gives exactly the distribution
    /// that resampling until a value falls in range would give, from one draw and in bounded time.
    @inline(__always)
    package func draw(_ rng: inout Xoshiro256StarStar, within range: ClosedRange<Double>) -> Double {
        let x: Double
        switch self {
        case .uniform(let a, let b):
            x = a + (b - a) * rng.nextUnit()
        case .triangular(let a, let c, let b):
            let u = rng.nextUnit()
            let split = (c - a) / (b - a)
            x = u < split ? a + (u * (b - a) * (c - a)).squareRoot() : b - ((1 - u) * (b - a) * (b - c)).squareRoot()
        case .normal(let mean, let sd):
            let u = rng.nextOpenUnit()
            let lo = NormalDistribution.cdf((range.lowerBound - mean) / sd)
            let hi = NormalDistribution.cdf((range.upperBound - mean) / sd)
            x = mean + sd * NormalDistribution.quantile(lo + u * (hi - lo))
        case .oneOf(let values):
            let i = Int(truncatingIfNeeded: rng.next().multipliedFullWidth(by: UInt64(values.count)).high)
            x = values[i]
        }
        // Rounding can step just past an end of the range; the range is where it is valid.
        return Swift.min(Swift.max(x, range.lowerBound), range.upperBound)
    }
}
