import Foundation
import ShareSimCore
import ShareSimTestSupport
import Testing

/// A Monte Carlo run patches its draws into a plan made once per thread, and leaves out of
/// its samples the values that repeat the step before; neither may change a bit. Each run
/// is checked against the scenario set through `setting` and run by `Engine.run`.
@Suite struct MonteCarloFastPathTests {
    /// Every figure a parameter can set without rebalancing: lifetime, growth, size, an
    /// appeal, and the `to` of access, shift, trend and growth changes, over two segments.
    static let patched = """
        timeline 2021-01 to 2024-12 monthly
        param market ~ uniform(1B, 5B)
        param newcomer ~ normal(-3, 1)
        segment telecom lifetime uniform(2y, 9y) growth normal(3%, 2%) size market USD
        segment chips lifetime 6 months growth triangular(-5%, 0%, 10%) size 100M USD
        buyers telecom: government 20%, operators 80%
        vendor A origin CN
        vendor B origin US
        vendor N origin IN
        vendor C origin CN
        share telecom: A 60%, B 40%, N 0%
        appeal telecom: N newcomer
        share chips: A 30%, B 50%, C 20%
        event "Shock" 2022-03:
          access origin US in chips to uniform(3%, 10%) over 3 months
          shift A in telecom by normal(0.5, 0.3)
          trend N in telecom by uniform(0, 0.5) over 6 months
          access B for government in telecom to oneof(0%, 10%, 50%)
          growth telecom to uniform(-10%, 20%) over 4 months
        event "Late" 2024-06:
          access A in chips to uniform(0%, 10%) over 12 months
        """

    /// Shares and buyer weights, which are rebalanced: planned afresh in every run.
    static let rebalanced = """
        timeline 2021-01 to 2022-12 monthly
        segment telecom lifetime 5y
        buyers telecom: government uniform(10%, 40%), operators 55%, enterprise 20%
        vendor A origin CN
        vendor B origin US
        vendor C origin EU
        share telecom: A uniform(10%, 30%), B 40%, C 40%
        event "Shock" 2021-06:
          access B for government in telecom to uniform(0%, 20%)
        """

    /// The scenario of run `run`, each uncertain parameter set by name to its draw.
    static func reference(_ s: ResolvedScenario, seed: UInt64, run: Int) throws -> RunResult {
        var set = s
        for (p, v) in zip(s.parameters.filter(\.isUncertain), MonteCarlo.draws(s, seed: seed, run: run)) {
            set = try set.setting(p.name, to: v)
        }
        return try Engine.run(set)
    }

    static func check(_ text: String, runs: Int, metric: SeriesMetric, by grouping: Grouping) throws {
        let s = try Fixtures.resolve(text)
        let b = MonteCarloBatch(scenario: s, runs: runs, seed: 11, bands: Band.defaults, metric: metric, grouping: grouping,
                                steps: Array(0..<s.timeline.steps))
        let one = try MonteCarlo.simulate(s, batch: b, runs: 0..<runs, threads: 1)
        let three = try MonteCarlo.simulate(s, batch: b, runs: 0..<runs, threads: 3)
        let rows = b.entities.count
        for run in [0, 1, 255, 256, runs - 1] {
            let result = try reference(s, seed: 11, run: run)
            for (e, entity) in b.entities.enumerated() {
                let series = result.segments[entity.segment]
                let members = series.vendors.indices.filter {
                    grouping == .vendor ? s.vendors[series.vendors[$0]].id == entity.name : s.vendors[series.vendors[$0]].origin == entity.name
                }
                for k in 0..<s.timeline.steps {
                    var v = series.value(metric, step: k, member: members[0])
                    for m in members.dropFirst() { v += series.value(metric, step: k, member: m) }
                    let c = k * rows + e
                    #expect(one.cell(c)[run].bitPattern == v.bitPattern, "run \(run) step \(k) row \(entity.name)")
                    #expect(three.cell(c)[run].bitPattern == v.bitPattern, "run \(run) step \(k) row \(entity.name)")
                }
            }
        }
        #expect(one.values.map(\.bitPattern) == three.values.map(\.bitPattern))
    }

    @Test(arguments: [SeriesMetric.installedShare, .salesShare, .installed, .sales])
    func patchedDrawsGiveTheBitsOfSettingThem(_ metric: SeriesMetric) throws {
        try Self.check(Self.patched, runs: 700, metric: metric, by: .vendor)
        try Self.check(Self.patched, runs: 700, metric: metric, by: .origin)
    }

    @Test func rebalancedDrawsGiveTheBitsOfSettingThem() throws {
        try Self.check(Self.rebalanced, runs: 600, metric: .installedShare, by: .vendor)
        try Self.check(Self.rebalanced, runs: 600, metric: .salesShare, by: .origin)
    }

    /// Cells that repeat the step before in every run share its memory, yet read, band and
    /// list like any other.
    @Test func repeatedCellsReadAsTheirOwn() throws {
        let s = try ScenarioLoader().load(path: Fixtures.scenarioPath("china-chip-share")).scenario
        let runs = 300
        let b = MonteCarloBatch(scenario: s, runs: runs, seed: 5, bands: Band.defaults, metric: .installedShare, grouping: .vendor,
                                steps: Array(0..<s.timeline.steps))
        let samples = try MonteCarlo.simulate(s, batch: b, runs: 0..<runs, threads: 2)
        let rows = b.entities.count
        func cell(_ c: Int) -> [Double] { Array(UnsafeBufferPointer(start: samples.cell(c), count: runs)) }
        let bands = MonteCarlo.bands(samples, bands: Band.defaults, rows: rows, threads: 2)
        for c in 0..<samples.cells {
            #expect(Array(bands[(c * 5)..<(c * 5 + 5)]) == Percentile.nearestRank(cell(c), Band.defaults))
        }
        // Before the export controls (2022-03) the market is at rest: step 5 repeats step 4.
        #expect(cell(5 * rows) == cell(4 * rows))
        let reads = (0..<samples.cells).flatMap(cell)
        #expect(Array(samples.values) == reads)
    }
}
