import Foundation
import ShareSimCore
import ShareSimTestSupport
import Testing

/// Monte Carlo batches: every run its own stream, the same values on any number of threads,
/// bands around the nominal run, and shards that merge into the single-machine result.
@Suite struct MonteCarloTests {
    static func chips() throws -> ResolvedScenario {
        try ScenarioLoader().load(path: Fixtures.packageRoot.appendingPathComponent(Fixtures.oneOriginChips).path).scenario
    }

    static func batch(_ s: ResolvedScenario, runs: Int, seed: UInt64 = 42, steps: [Int]? = nil, by: Grouping = .vendor) -> MonteCarloBatch {
        MonteCarloBatch(scenario: s, runs: runs, seed: seed, bands: Band.defaults, metric: .installedShare, grouping: by,
                        steps: steps ?? Array(0..<s.timeline.steps))
    }

    static func values(_ samples: MonteCarloSamples) -> [Double] { Array(samples.values) }

    @Test func runIIsTheSameOnAnyNumberOfThreads() throws {
        let s = try Self.chips()
        let b = Self.batch(s, runs: 2_000)
        let one = try MonteCarlo.simulate(s, batch: b, runs: 0..<2_000, threads: 1)
        let three = try MonteCarlo.simulate(s, batch: b, runs: 0..<2_000, threads: 3)
        let eight = try MonteCarlo.simulate(s, batch: b, runs: 0..<2_000, threads: 8)
        #expect(Self.values(one).map(\.bitPattern) == Self.values(three).map(\.bitPattern))
        #expect(Self.values(one).map(\.bitPattern) == Self.values(eight).map(\.bitPattern))
        #expect(MonteCarlo.bands(one, bands: Band.defaults, rows: b.entities.count, threads: 1)
                == MonteCarlo.bands(three, bands: Band.defaults, rows: b.entities.count, threads: 2))
    }

    /// A draw near its distribution's top can carry a run past what a number holds though
    /// the nominal value is fine: the batch fails at the earliest such run, the same run on
    /// any number of threads, at the parameter, instead of bands of nan.
    @Test func aDrawThatOverflowsFailsTheBatchAtItsRun() throws {
        let s = try Fixtures.resolve("""
            timeline 2000 to 2100 yearly
            segment s lifetime 5y growth uniform(3%/y, 95000%/y) size 1e18
            vendor A origin X
            vendor B origin Y
            share s: A 50%, B 50%
            """)
        let b = Self.batch(s, runs: 1_000, seed: 1)
        for threads in [1, 2, 3] {
            do {
                _ = try MonteCarlo.simulate(s, batch: b, runs: 0..<1_000, threads: threads)
                Issue.record("no failure on \(threads) threads")
            } catch .refused(let error, ShareSimCore.ExitStatus.dataError, _) {
                let diagnostic = error.diagnostics[0]
                #expect(diagnostic.notes.first?.hasPrefix("in run 0 of the batch (seed 1); the draws: ") == true)
                #expect(diagnostic.message.hasPrefix("segment 's' grows past 1e+300 by 2094"), "\(diagnostic.message)")
                #expect(diagnostic.location?.line == 2 && diagnostic.location?.column == 30)
            } catch {
                Issue.record("cancelled")
            }
        }
    }

    @Test func runIDrawsFromItsOwnStreamSeededWithMixedSeedPlusI() throws {
        let s = try Self.chips()
        let b = Self.batch(s, runs: 300, steps: [24])
        let samples = try MonteCarlo.simulate(s, batch: b, runs: 0..<300, threads: 2)
        for run in [0, 1, 257, 299] {
            var rng = Xoshiro256StarStar(seed: SplitMix64.mix(42) &+ UInt64(run))
            let leakage = s.parameters[0].distribution!.draw(&rng, within: 0...1)
            #expect(MonteCarlo.draws(s, seed: 42, run: run) == [leakage])
            let alone = try Engine.run(try s.setting("leakage", to: leakage))
            for j in 0..<5 {
                #expect(samples.cell(j)[run] == alone.segments[0].value(.installedShare, step: 24, member: j))
            }
        }
    }

    @Test func theBandsHoldTheNominalRun() throws {
        let s = try Self.chips()
        let b = Self.batch(s, runs: 4_000)
        let samples = try MonteCarlo.simulate(s, batch: b, runs: 0..<4_000, threads: 2)
        let bands = MonteCarlo.bands(samples, bands: Band.defaults, rows: 5, threads: 2)
        let nominal = try Engine.run(s)
        for k in 0..<s.timeline.steps {
            for j in 0..<5 {
                let cell = (k * 5 + j) * 5
                let v = nominal.segments[0].value(.installedShare, step: k, member: j)
                #expect(bands[cell] <= v && v <= bands[cell + 4], "step \(k) vendor \(j)")
                #expect(bands[cell] <= bands[cell + 1] && bands[cell + 1] <= bands[cell + 2]
                        && bands[cell + 2] <= bands[cell + 3] && bands[cell + 3] <= bands[cell + 4])
            }
        }
        // Before the export controls nothing is uncertain: every band is the declared share.
        #expect(bands[0..<5] == [0.22, 0.22, 0.22, 0.22, 0.22])
        // After them, a real spread: China's makers between about 65% and 73%.
        let cn = (24 * 5 + 0) * 5
        #expect(bands[cn] > 0.64 && bands[cn] < 0.67 && bands[cn + 4] > 0.72 && bands[cn + 4] < 0.75)
    }

    @Test func withoutUncertaintyEveryBandIsTheNominalRun() throws {
        let s = try Fixtures.resolve("""
            timeline 2021-01 to 2022-12 monthly
            segment chips lifetime 2y
            vendor A origin CN
            vendor B origin US
            share chips: A 30%, B 70%
            event "Controls" 2021-06:
              access B to 10% over 6 months
            """)
        let b = Self.batch(s, runs: 50, by: .origin)
        let bands = MonteCarlo.bands(try MonteCarlo.simulate(s, batch: b, runs: 0..<50, threads: 2), bands: Band.defaults, rows: 2, threads: 1)
        let nominal = try Engine.run(s)
        for k in 0..<24 {
            for j in 0..<2 {
                let v = nominal.segments[0].value(.installedShare, step: k, member: j)
                #expect(bands[((k * 2 + j) * 5)..<((k * 2 + j) * 5 + 5)].allSatisfy { $0 == v })
            }
        }
    }

    @Test func originRowsSumTheirVendorsInDeclarationOrder() throws {
        let s = try Fixtures.resolve("""
            timeline 2021-01 to 2023-12 monthly
            segment chips lifetime 1 month
            vendor ChinaMakers origin CN
            vendor US origin US
            vendor HongKong origin CN
            share chips: ChinaMakers 22%, US 73%, HongKong 5%
            event "Controls" 2022-03:
              access origin US in chips to uniform(3%, 10%) over 3 months
            """)
        let b = Self.batch(s, runs: 64, steps: [30], by: .origin)
        #expect(b.entities.map(\.name) == ["CN", "US"])
        let samples = try MonteCarlo.simulate(s, batch: b, runs: 0..<64, threads: 1)
        let series = try Engine.run(try MonteCarlo.scenario(s, seed: 42, run: 5)).segments[0]
        #expect(samples.cell(0)[5] == series.value(.installedShare, step: 30, member: 0) + series.value(.installedShare, step: 30, member: 2))
        #expect(samples.cell(1)[5] == series.value(.installedShare, step: 30, member: 1))
    }

    @Test func uncertainSharesRebalanceInEveryRun() throws {
        let s = try Fixtures.resolve("""
            timeline 2021-01 to 2021-12 monthly
            segment chips lifetime 1y
            vendor A origin CN
            vendor B origin US
            vendor C origin EU
            share chips: A uniform(10%, 30%), B 40%, C 40%
            """)
        let b = Self.batch(s, runs: 500, steps: [0])
        let one = try MonteCarlo.simulate(s, batch: b, runs: 0..<500, threads: 1)
        let two = try MonteCarlo.simulate(s, batch: b, runs: 0..<500, threads: 2)
        #expect(Self.values(one) == Self.values(two))
        for r in 0..<500 {
            let a = one.cell(0)[r], bb = one.cell(1)[r], c = one.cell(2)[r]
            #expect(a >= 0.1 && a <= 0.3)
            #expect(abs(a + bb + c - 1) < 1e-12)
            #expect(abs(bb - c) < 1e-15)
        }
    }

    @Test func shardsCoverTheRunsInOrder() {
        for (total, n) in [(10, 4), (1_000, 3), (7, 7), (1, 1), (100_000, 8)] {
            let ranges = (0..<n).map { MonteCarloBatch.runs(ofShard: $0, of: n, total: total) }
            #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == total)
            for i in 1..<n { #expect(ranges[i - 1].upperBound == ranges[i].lowerBound) }
        }
    }

    @Test func reportsNameTheSeedAndTheScenario() throws {
        let s = try Self.chips()
        let b = Self.batch(s, runs: 10, steps: [0, 24])
        let values = MonteCarlo.bands(try MonteCarlo.simulate(s, batch: b, runs: 0..<10, threads: 1), bands: b.bands, rows: 5, threads: 1)
        let csv = MonteCarloReport.render(b, values: values, as: .csv)
        #expect(csv.hasPrefix("step,date,segment,vendor,origin,metric,p5,p25,p50,p75,p95\n0,2021-01-01,chips,ChinaMakers,CN,installed_share,0.22,0.22,0.22,0.22,0.22\n"))
        #expect(csv.split(separator: "\n").count == 11)
        let json = MonteCarloReport.render(b, values: values, as: .json)
        #expect(json.contains("\"seed\": \"42\""))
        #expect(json.contains("\"scenario_sha256\": \"\(ResolvedJSON.sha256(s))\""))
        #expect(json.contains("\"distribution\": \"triangular(0.03, 0.065, 0.1)\""))
        let table = MonteCarloReport.render(b, values: values, as: .table)
        #expect(table.contains("10 runs, seed 42"))
        #expect(table.contains("uncertain: leakage ~ triangular(3%, 6.5%, 10%)"))
    }
}
