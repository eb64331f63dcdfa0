import Foundation
import ShareSimCore
import ShareSimTestSupport
import Testing

/// `sensitivity --assumptions`: the figures tagged [assumption] found, varied by ±spread with
/// shares kept summing to 100%, and ranked.
@Suite struct AssumptionSensitivityTests {
    static func input() throws -> ScenarioLoader.Loaded {
        try ScenarioLoader().load(path: Fixtures.packageRoot.appendingPathComponent("Tests/Fixtures/assumed.scn").path)
    }

    static let outcome = "installed share A in telecom at 2023-12"

    @Test func findsExactlyThePlainFiguresTaggedAsAssumptions() throws {
        let s = try Self.input().scenario
        let file = Fixtures.packageRoot.appendingPathComponent("Tests/Fixtures/assumed.scn").path
        #expect(s.assumptions.map(\.label) == [
            "lifetime of telecom (line 5)", "share A in telecom 2021-01 (line 10)", "share C in telecom 2021-01 (line 10)",
            "growth of cloud (line 6)", "shift in \"Exit\" (line 15)", "param p (line 12)",
        ])
        #expect(s.assumptions.allSatisfy { $0.location.file == file })
        #expect(s.assumptions.map(\.nominal) == [1, 0.5, 0.2, 0.05, -3, 0.2])
        // The sourced size and share, the uncertain q and the sourced access are not among them.
        #expect(s.assumptions[4].targets == [.change(index: 0)] && s.assumptions[5].targets == [.change(index: 3)])
        #expect(AssumedFigure.isAssumption("Assumption: a guess") && !AssumedFigure.isAssumption("seed 002; size an assumption")
                && !AssumedFigure.isAssumption("assumptions"))
    }

    @Test func morrisRanksTheDominantShareFirstTheSameOnAnyThreads() throws {
        let input = try Self.input()
        let outcome = try ScenarioOutcome.parse(Self.outcome, in: input.scenario)
        let one = try SensitivityRequest(input: input, outcome: outcome, factors: .assumptions(spread: 0.2), trajectories: 10, seed: 5, threads: 1).perform()
        let four = try SensitivityRequest(input: input, outcome: outcome, factors: .assumptions(spread: 0.2), trajectories: 10, seed: 5, threads: 4).perform()
        #expect(one.effects == four.effects)
        #expect(one.effects.first?.name == "share A in telecom 2021-01 (line 10)")
        #expect(one.effects.count == 6 && one.runs == 1 + 2 * 10 * 7)
        // The cloud's growth cannot reach a telecom share.
        #expect(one.effects.last.map { $0.name == "growth of cloud (line 6)" && $0.muStar == 0 } == true)
        let table = SensitivityReport.table(one)
        #expect(table.contains("Morris elementary effects of the figures tagged [assumption], each within ±20%\nof its value, 10 trajectories (seed 5), 141 runs\n"))
        #expect(table.contains("rank  assumption  "))
    }

    @Test func oneAtATimeMovesEachFigureToItsTwoEnds() throws {
        let input = try Self.input()
        let outcome = try ScenarioOutcome.parse(Self.outcome, in: input.scenario)
        let oat = try SensitivityRequest(input: input, outcome: outcome, method: .oat, factors: .assumptions(spread: 0.1)).perform()
        let shift = try #require(oat.swings.first { $0.name == "shift in \"Exit\" (line 15)" })
        #expect(abs(shift.low - -3.3) < 1e-12 && abs(shift.high - -2.7) < 1e-12)
        #expect(oat.swings.first?.name == "share A in telecom 2021-01 (line 10)")
        #expect(oat.runs == 1 + 2 * 6)
        #expect(SensitivityReport.table(oat).contains("assumption                            at −10%  outcome  at +10%  outcome  swing\n"))
    }

    @Test func variedSharesKeepTheirSegmentSummingToOne() throws {
        let s = try Self.input().scenario
        let a = s.assumptions[1], c = s.assumptions[2]
        func shares(_ v: ResolvedScenario) -> [Double] { ["A", "B", "C"].map { v.segments[0].initial[$0]! } }
        // A alone up: B and C take up the difference in their proportions (30 : 20).
        let up = shares(try s.varying([a], to: [0.6]))
        #expect(up[0] == 0.6 && abs(up[1] - 0.24) < 1e-15 && abs(up[2] - 0.16) < 1e-15)
        // A and C set: B alone takes up the difference.
        let both = shares(try s.varying([a, c], to: [0.45, 0.22]))
        #expect(both[0] == 0.45 && both[2] == 0.22 && abs(both[1] - 0.33) < 1e-15)
        // Set past 100% together: every share scaled, keeping the proportions the values set.
        let over = shares(try s.varying([a, c], to: [0.7, 0.4]))
        #expect(abs(over[0] - 0.5) < 1e-15 && abs(over[1] - 0.3 / 1.4) < 1e-15 && abs(over[2] - 0.4 / 1.4) < 1e-15)
        for v in [up, both, over] { #expect(abs(v.reduce(0, +) - 1) < 1e-12) }
        // Every point of a Morris design keeps them summing to one.
        let figures = s.assumptions
        for level in [0.85, 0.95, 1.05, 1.15] {
            let varied = try s.varying(figures, to: figures.map { $0.nominal * level })
            #expect(abs(varied.segments[0].initial.values.reduce(0, +) - 1) < 1e-12)
        }
    }

    @Test func aScenarioWithoutAssumptionTagsIsRefusedWithAHint() throws {
        let input = try ScenarioLoader().load(path: "passes.scn", data: Data(MonteCarloPassesTests.uncertain.utf8))
        let outcome = try ScenarioOutcome.parse("installed share origin CN in telecom at 2022-12", in: input.scenario)
        do {
            _ = try SensitivityRequest(input: input, outcome: outcome, factors: .assumptions(spread: 0.2)).perform()
            Issue.record("no refusal")
        } catch {
            guard case .refused(let e, let status, _) = error else { throw error }
            #expect(status == ShareSimCore.ExitStatus.usage)
            #expect(e.diagnostics.first?.message == "'Passes' tags no figure as an assumption")
            #expect(e.diagnostics.first?.help.first?.contains("[assumption]") == true)
        }
    }

    @Test func badSpreadsArePointedAt() throws {
        func refusal(_ text: String) -> Diagnostic? {
            do { _ = try AssumptionSpread.parse(text, source: "--by"); return nil } catch { return error.diagnostics.first }
        }
        #expect(try AssumptionSpread.parse("20%", source: "--by") == 0.2 && (try AssumptionSpread.parse("0.05", source: "--by")) == 0.05)
        let bare = try #require(refusal("20"))
        #expect(bare.message.contains("a bare number is a fraction") && bare.help == ["for 20% write --by 20%"] && bare.location?.file == "--by")
        #expect(refusal("100%")?.message == "--by takes a spread above 0% and below 100%, not 100%")
        #expect(refusal("-5%")?.message == "--by takes a spread above 0% and below 100%, not -5%")
        #expect(refusal("3y")?.message == "--by takes a percentage of each figure's value, not 3y")
        #expect(refusal("2x")?.location?.column == 2)
    }
}
