import Foundation
import ShareSimCore
import ShareSimTestSupport
import Testing

/// Sensitivity: Morris effects deterministic given the seed and ranked with a bootstrap
/// interval and a check at twice the trajectories; one at a time at the 10th and 90th percentiles.
@Suite struct SensitivityTests {
    static func input() throws -> ScenarioLoader.Loaded {
        try ScenarioLoader().load(path: "passes.scn", data: Data(MonteCarloPassesTests.uncertain.utf8))
    }

    @Test func morrisIsTheSameBitsOnAnyThreadsAndRanksEveryUncertainParameter() throws {
        let input = try Self.input()
        let outcome = try ScenarioOutcome.parse("installed share origin CN in telecom at 2022-12", in: input.scenario)
        let one = try SensitivityRequest(input: input, outcome: outcome, trajectories: 10, seed: 3, threads: 1).perform()
        let three = try SensitivityRequest(input: input, outcome: outcome, trajectories: 10, seed: 3, threads: 3).perform()
        #expect(one.effects == three.effects)
        #expect(one.runs == 1 + 2 * 10 * (5 + 1))
        #expect(Set(one.effects.map(\.name)) == ["telecom lifetime", "telecom growth", "telecom share Ericsson", "leakage", "\"Exit\" shift"])
        #expect(one.effects.map(\.rank) == [1, 2, 3, 4, 5])
        #expect(one.effects.first?.name == "telecom share Ericsson")
        // The cloud shift cannot reach the telecom outcome.
        #expect(one.effects.last.map { $0.name == "\"Exit\" shift" && $0.muStar == 0 && $0.sigma == 0 } == true)
        for e in one.effects { #expect(e.interval.contains(e.muStar) && e.sigma >= 0) }
        let other = try SensitivityRequest(input: input, outcome: outcome, trajectories: 10, seed: 4, threads: 2).perform()
        #expect(other.effects.map(\.muStar) != one.effects.map(\.muStar))
    }

    @Test func oneAtATimeSetsTheTenthAndNinetiethPercentiles() throws {
        let input = try ScenarioLoader().load(path: Fixtures.packageRoot.appendingPathComponent(Fixtures.oneOriginChips).path)
        let outcome = try ScenarioOutcome.parse("installed share origin CN, HK in chips at 2023-01", in: input.scenario)
        let oat = try SensitivityRequest(input: input, outcome: outcome, method: .oat).perform()
        let swing = try #require(oat.swings.first)
        // triangular(3%, 6.5%, 10%): p10 = 0.03 + √(0.1 · 0.07 · 0.035), p90 = 0.10 − √(0.1 · 0.07 · 0.035).
        #expect(abs(swing.low - (0.03 + (0.1 * 0.07 * 0.035).squareRoot())) < 1e-15)
        #expect(abs(swing.high - (0.10 - (0.1 * 0.07 * 0.035).squareRoot())) < 1e-15)
        #expect(swing.outcomeLow > oat.nominal && oat.nominal > swing.outcomeHigh)
        #expect(oat.runs == 3)
        let table = SensitivityReport.table(oat)
        #expect(table.contains("leakage    0.0457    89.0%  0.0843    81.4%   7.6%\n"))
    }

    @Test func aScenarioWithoutUncertaintyIsRefused() throws {
        let input = try ScenarioLoader().load(path: Fixtures.scenarioPath("huawei-substitution"))
        let outcome = try ScenarioOutcome.parse("installed share Huawei in telecom at 2020-01", in: input.scenario)
        do {
            _ = try SensitivityRequest(input: input, outcome: outcome).perform()
            Issue.record("no refusal")
        } catch {
            guard case .refused(let e, let status, _) = error else { throw error }
            #expect(status == ShareSimCore.ExitStatus.usage && e.diagnostics.first?.message.hasSuffix("has no uncertain parameter to rank") == true)
        }
    }
}
