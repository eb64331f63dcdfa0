/// MODEL.md's random streams: run `i` of a batch with seed `σ` draws from xoshiro256**
/// seeded through SplitMix64 from `mix(σ) + i` (wrapping), so a run is the same on any thread
/// or machine, and batches with nearby seeds share no runs. Reference outputs are checked in RandomTests (computed by bench/xoshiro_reference.py).

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
