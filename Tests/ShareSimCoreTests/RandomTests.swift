import ShareSimCore
import Testing

/// The random streams of MODEL.md against reference outputs, and the draws of each distribution.
@Suite struct RandomTests {
    // Reference values from bench/xoshiro_reference.py, a transcription of Vigna's
    // splitmix64.c and xoshiro256starstar.c in Python integers:
    //   SplitMix64 seed 0: 0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4, 0x06c45d188009454f
    //   xoshiro256** seed 0: 0x99ec5f36cb75f2b4, 0xbf6e1f784956452a, 0x1a5f849d4933e6e0, 0x6aa594f1262d2d2c
    //   xoshiro256** seed 42: 0x15780b2e0c2ec716, 0x6104d9866d113a7e, 0xae17533239e499a1, 0xecb8ad4703b360a1
    //   xoshiro256** seed 2^64-1: 0x8f5520d52a7ead08, 0xc476a018caa1802d, 0x81de31c0d260469e, 0xbf658d7e065f3c2f

    @Test func splitMix64MatchesTheReference() {
        var sm = SplitMix64(seed: 0)
        #expect(sm.next() == 0xe220_a839_7b1d_cdaf)
        #expect(sm.next() == 0x6e78_9e6a_a1b9_65f4)
        #expect(sm.next() == 0x06c4_5d18_8009_454f)
    }

    @Test(arguments: [
        (UInt64(0), [0x99ec_5f36_cb75_f2b4, 0xbf6e_1f78_4956_452a, 0x1a5f_849d_4933_e6e0, 0x6aa5_94f1_262d_2d2c] as [UInt64]),
        (UInt64(42), [0x1578_0b2e_0c2e_c716, 0x6104_d986_6d11_3a7e, 0xae17_5332_39e4_99a1, 0xecb8_ad47_03b3_60a1]),
        (UInt64.max, [0x8f55_20d5_2a7e_ad08, 0xc476_a018_caa1_802d, 0x81de_31c0_d260_469e, 0xbf65_8d7e_065f_3c2f]),
    ])
    func xoshiroMatchesTheReference(seed: UInt64, expected: [UInt64]) {
        var rng = Xoshiro256StarStar(seed: seed)
        #expect((0..<4).map { _ in rng.next() } == expected)
    }

    /// MODEL.md "Random draws": run `i` from `mix(σ) + i`, wrapping; values from bench/xoshiro_reference.py.
    @Test func runStreamsAreSeededFromTheMixedSeedPlusRunWrapping() {
        #expect(SplitMix64.mix(1) == 0x5692_161d_100b_05e5 && SplitMix64.mix(2) == 0xdbd2_3897_3a2b_148a)
        var c = Xoshiro256StarStar(batchSeed: 40, run: 2)
        #expect(c.next() == 0xcb43_e454_878c_7165)
        var wrapped = Xoshiro256StarStar(batchSeed: 40, run: .max)
        var direct = Xoshiro256StarStar(seed: SplitMix64.mix(40) &- 1)
        #expect(wrapped.next() == direct.next())
    }

    /// With v1's `σ + i`, seed 2's run `i` was seed 1's run `i + 1`; now no run of one is in the other.
    @Test func nearbySeedsShareNoRuns() {
        func first(_ seed: UInt64, _ run: UInt64) -> UInt64 {
            var rng = Xoshiro256StarStar(batchSeed: seed, run: run)
            return rng.next()
        }
        let one = Set((0..<1000).map { first(1, $0) }), two = Set((0..<1000).map { first(2, $0) })
        #expect(one.isDisjoint(with: two))
    }

    @Test func unitsLieInTheirIntervals() {
        var rng = Xoshiro256StarStar(seed: 1)
        for _ in 0..<10_000 {
            let u = rng.nextUnit(), o = rng.nextOpenUnit()
            #expect(u >= 0 && u < 1)
            #expect(o > 0 && o < 1)
        }
    }

    func draws(_ d: Distribution, within range: ClosedRange<Double> = 0...1, count: Int = 20_000) -> [Double] {
        var rng = Xoshiro256StarStar(seed: 7)
        return (0..<count).map { _ in d.draw(&rng, within: range) }
    }

    func mean(_ xs: [Double]) -> Double { xs.reduce(0, +) / Double(xs.count) }

    @Test func uniformAndTriangularStayInBoundsAroundTheirMean() {
        let u = draws(.uniform(0.03, 0.1))
        #expect(u.allSatisfy { (0.03...0.1).contains($0) })
        #expect(abs(mean(u) - 0.065) < 0.001)
        let t = draws(.triangular(0.03, 0.05, 0.1))
        #expect(t.allSatisfy { (0.03...0.1).contains($0) })
        #expect(abs(mean(t) - 0.06) < 0.001)
        // The mode is the most likely tenth of the range.
        let bins = (0..<7).map { i in t.filter { $0 >= 0.03 + 0.01 * Double(i) && $0 < 0.04 + 0.01 * Double(i) }.count }
        #expect(bins.firstIndex(of: bins.max()!) == 2)
    }

    @Test func oneOfPicksEachValueAboutEquallyOften() {
        let o = draws(.oneOf([0.05, 0.065, 0.08]), count: 30_000)
        for v in [0.05, 0.065, 0.08] {
            #expect(abs(Double(o.filter { $0 == v }.count) - 10_000) < 400)
        }
        #expect(o.allSatisfy { [0.05, 0.065, 0.08].contains($0) })
    }

    @Test func normalIsTruncatedToTheValidRangeByResamplingItsCDF() {
        // Untruncated in effect: mean and spread as given.
        let n = draws(.normal(mean: 0.5, sd: 0.05))
        #expect(abs(mean(n) - 0.5) < 0.002)
        let sd = (n.map { ($0 - 0.5) * ($0 - 0.5) }.reduce(0, +) / Double(n.count)).squareRoot()
        #expect(abs(sd - 0.05) < 0.002)
        // Near 0 a third of the mass would fall below it: every draw is still in [0, 1], no
        // draw is piled up at 0 (as clamping would do), and the mean is the truncated mean.
        let t = draws(.normal(mean: 0.02, sd: 0.05))
        #expect(t.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(t.filter { $0 == 0 }.count == 0)
        // E[X | X ≥ 0] for N(0.02, 0.05²) is 0.02 + 0.05·φ(−0.4)/(1 − Φ(−0.4)) ≈ 0.04809.
        #expect(abs(mean(t) - 0.04809) < 0.001)
        // A lifetime: above zero, however wide the spread.
        let life = draws(.normal(mean: 2, sd: 5), within: Double.leastNonzeroMagnitude...Double.greatestFiniteMagnitude)
        #expect(life.allSatisfy { $0 > 0 })
    }

    @Test func theNormalQuantileInvertsTheCDF() {
        for p in [1e-12, 1e-6, 0.001, 0.02425, 0.1, 0.5, 0.7, 0.97575, 0.999, 1 - 1e-9] {
            let z = NormalDistribution.quantile(p)
            #expect(abs(NormalDistribution.cdf(z) - p) <= 1e-14 * max(1, p / (1 - p)), "p \(p) z \(z)")
        }
        #expect(NormalDistribution.quantile(0.5) == 0)
        #expect(abs(NormalDistribution.quantile(0.975) - 1.959963984540054) < 1e-13)
    }

    @Test func eachDrawTakesOneOutputOfTheStream() {
        var a = Xoshiro256StarStar(seed: 3), b = Xoshiro256StarStar(seed: 3)
        for d in [Distribution.uniform(0, 1), .triangular(0, 0.5, 1), .normal(mean: 0.5, sd: 0.1), .oneOf([1, 2, 3])] {
            _ = d.draw(&a, within: 0...5)
            _ = b.next()
        }
        #expect(a.next() == b.next())
    }
}
