import Foundation

/// MODEL.md's random streams: run `i` of a batch with seed `σ` draws from xoshiro256**
/// seeded through SplitMix64 from `mix(σ) + i` (wrapping), so a run is the same on any thread
/// or machine, and batches with nearby seeds share no runs. Reference outputs are checked in RandomTests (computed by bench/xoshiro_reference.py).

/// SplitMix64 (Steele, Lea, Flood 2014), as in Vigna's reference `splitmix64.c`.
package struct SplitMix64: Sendable {
    package private(set) var state: UInt64

    package init(seed: UInt64) { state = seed }

    @inline(__always)
    package mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        return Self.mix(state)
    }

    /// SplitMix64's output function: spreads a seed's bits so that seeds 1 and 2 start
    /// streams as far apart as any two.
    @inline(__always)
    package static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

/// xoshiro256** 1.0 (Blackman, Vigna 2018), its state filled by four SplitMix64 outputs.
package struct Xoshiro256StarStar: Sendable {
    package private(set) var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    package init(seed: UInt64) {
        var sm = SplitMix64(seed: seed)
        s0 = sm.next(); s1 = sm.next(); s2 = sm.next(); s3 = sm.next()
    }

    /// The stream of run `run` of a batch seeded with `seed`: seeded from `mix(seed) + run`,
    /// wrapping. With v1's `seed + run`, seed 2's run `i` was seed 1's run `i + 1`.
    package init(batchSeed seed: UInt64, run: UInt64) {
        self.init(seed: SplitMix64.mix(seed) &+ run)
    }

    @inline(__always)
    package mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    @inline(__always)
    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// A double in [0, 1): the top 53 bits of one output.
    @inline(__always)
    package mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// A double in (0, 1): the top 53 bits of one output, offset by half a step.
    @inline(__always)
    package mutating func nextOpenUnit() -> Double { (Double(next() >> 11) + 0.5) * 0x1p-53 }
}

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

/// The standard normal's CDF and its inverse, to full double precision.
package enum NormalDistribution {
    /// Φ(z).
    package static func cdf(_ z: Double) -> Double {
        if z.isNaN { return .nan }
        return 0.5 * erfc(-z / 2.0.squareRoot())
    }

    private static let acklamA: [Double] = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
        1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
    private static let acklamB: [Double] = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
        6.680131188771972e+01, -1.328068155288572e+01]
    private static let acklamC: [Double] = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
        -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
    private static let acklamD: [Double] = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]

    /// Φ⁻¹(p) for p in (0, 1): Acklam's rational approximation (relative error 1.15e-9), then
    /// one Halley step on erfc, which brings it to full precision. 0 and 1 give ∓infinity.
    package static func quantile(_ p: Double) -> Double {
        if p <= 0 { return -.infinity }
        if p >= 1 { return .infinity }
        let a = acklamA, b = acklamB, c = acklamC, d = acklamD
        let low = 0.02425
        var x: Double
        if p < low {
            let q = (-2 * log(p)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p <= 1 - low {
            let q = p - 0.5, r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = (-2 * log1p(-p)).squareRoot()
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        // Halley's step: e = Φ(x) − p, u = e·√(2π)·exp(x²/2).
        let e = 0.5 * erfc(-x / 2.0.squareRoot()) - p
        let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        x -= u / (1 + x * u / 2)
        return x
    }
}
