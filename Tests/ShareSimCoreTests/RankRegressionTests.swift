import Foundation
import ShareSimCore
import ShareSimTestSupport
import Testing

/// `montecarlo --rank`: standardised rank-regression coefficients and their R², from the
/// batch's own runs.
@Suite struct RankRegressionTests {
    @Test func aTinyCaseComesOutAsWorkedByHand() {
        // Ranks x 1 2 3 4, y 1 3 2 4; less their mean 2.5: products 2.25, −0.25, −0.25, 2.25,
        // sum 4 over a sum of squares of 5: SRRC 0.8, R² 0.64.
        let g = RankRegression.fit(names: ["x"], columns: [[10, 20, 30, 40]], outcome: [1, 3, 2, 4])
        #expect(abs(g.coefficients[0].srrc - 0.8) < 1e-12 && abs(g.rSquared - 0.64) < 1e-12)
        #expect(g.runs == 4 && !g.isTrusted)
    }

    @Test func tiesShareTheirMeanRank() {
        #expect(RankRegression.ranks([3, 1, 3, 2]) == [3.5, 1, 3.5, 2])
        #expect(RankRegression.ranks([5, 5, 5]) == [2, 2, 2])
    }

    @Test func anOutcomeMonotoneInOneParameterGivesItOne() {
        // Fixed values, not random ones: the test must be the same every time.
        let n = 200
        let x1 = (0..<n).map { Double(($0 * 37) % n) / Double(n) }
        let x2 = (0..<n).map { Double(($0 * 91) % n) / Double(n) }
        let y = x1.map { exp(3 * $0) }
        let g = RankRegression.fit(names: ["a", "b"], columns: [x2, x1], outcome: y)
        #expect(g.coefficients.map(\.parameter) == ["b", "a"])
        #expect(abs(g.coefficients[0].srrc - 1) < 1e-12 && abs(g.coefficients[1].srrc) < 1e-12)
        #expect(abs(g.rSquared - 1) < 1e-12 && g.isTrusted)
        // A response that is not monotone: the ranks explain little of it.
        let bowl = RankRegression.fit(names: ["a", "b"], columns: [x1, x2], outcome: x1.map { ($0 - 0.5) * ($0 - 0.5) })
        #expect(bowl.rSquared < 0.1 && !bowl.isTrusted)
        // A parameter every run drew alike has no ranks to regress on.
        let constant = RankRegression.fit(names: ["a", "c"], columns: [x1, [Double](repeating: 0.3, count: n)], outcome: y)
        #expect(constant.coefficients.map(\.isConstant) == [false, true] && constant.coefficients[1].srrc == 0)
    }

    @Test func aLowRSquaredIsFlaggedInEveryForm() throws {
        let input = try Self.chips()
        let outcome = try ScenarioOutcome.parse("installed share origin CN, HK in chips at 2023-01", in: input.scenario)
        let x = (0..<100).map { Double(($0 * 37) % 100) }
        let bowl = RankRegression.fit(names: ["leakage"], columns: [x], outcome: x.map { ($0 - 50) * ($0 - 50) })
        let ranked = MonteCarloRank(scenario: input.scenario, outcome: outcome, seed: 1, regression: bowl)
        let table = RankRegressionReport.table(ranked)
        #expect(table.contains("warning: R² is below 0.7: the outcome is not close to monotone in the\n"
                               + "parameters; do not trust this ranking, rank with 'sharesim sensitivity'.\n"))
        #expect(table.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(RankRegressionReport.json(ranked).contains("\"trusted\": false"))
    }

    static func chips() throws -> ScenarioLoader.Loaded {
        try ScenarioLoader().load(path: Fixtures.packageRoot.appendingPathComponent(Fixtures.oneOriginChips).path)
    }

    @Test func theChipsLeakageRanksAtMinusOneTheSameOnAnyThreads() throws {
        let input = try Self.chips()
        let outcome = try ScenarioOutcome.parse("installed share origin CN, HK in chips at 2023-01", in: input.scenario)
        let one = try RankRegressionRequest(input: input, runs: 500, seed: 7, outcome: outcome, threads: 1).perform()
        let four = try RankRegressionRequest(input: input, runs: 500, seed: 7, outcome: outcome, threads: 4).perform()
        #expect(one.regression == four.regression)
        // More leakage, less of the market for Chinese brands: exactly reversed ranks.
        #expect(one.regression.coefficients.map(\.parameter) == ["leakage"])
        #expect(abs(one.regression.coefficients[0].srrc + 1) < 1e-9 && abs(one.regression.rSquared - 1) < 1e-9)
        #expect(RankRegressionReport.table(one) == RankRegressionReport.table(four))
        #expect(RankRegressionReport.table(one).contains("   1  leakage    -1.000\n\nR² of the rank regression: 1.000\n"))
    }

    @Test func theRunsAreTheBatchsRuns() throws {
        let input = try Self.chips()
        let outcome = try ScenarioOutcome.parse("installed share origin CN, HK in chips at 2023-01", in: input.scenario)
        let ranked = try RankRegressionRequest(input: input, runs: 300, seed: 11, outcome: outcome, threads: 2).perform()
        // Run i's draw is the batch's run i's: the regression over the draws of MonteCarlo.draws agrees.
        let draws = (0..<300).map { MonteCarlo.draws(input.scenario, seed: 11, run: $0)[0] }
        let values = try (0..<300).map { run in
            outcome.value(in: try Engine.run(try MonteCarlo.scenario(input.scenario, seed: 11, run: run)))
        }
        #expect(RankRegression.fit(names: ["leakage"], columns: [draws], outcome: values) == ranked.regression)
    }

    @Test func tooLittleMemoryOrTooFewRunsIsRefusedWithTheFigure() throws {
        let input = try Self.chips()
        let outcome = try ScenarioOutcome.parse("installed share origin CN, HK in chips at 2023-01", in: input.scenario)
        let request = RankRegressionRequest(input: input, runs: 100_000, seed: 1, outcome: outcome, memory: Double(1 << 20))
        #expect(request.bytesNeeded == 8 * 7 * 100_000)
        do throws(OperationError) {
            _ = try request.perform()
            Issue.record("no refusal")
        } catch {
            #expect(error.diagnostics.first?.message.contains("needs 5.6 MB, more than 80% of the 1 MB it may use") == true)
            #expect(error.diagnostics.first?.help == ["give it more with --memory, or rank fewer runs: the ranking settles long before the bands do"])
        }
        do throws(OperationError) {
            _ = try RankRegressionRequest(input: input, runs: 2, seed: 1, outcome: outcome).perform()
            Issue.record("no refusal")
        } catch {
            #expect(error.diagnostics.first?.message == "a rank regression of 1 parameter needs more than 2 runs, not 2")
        }
    }
}
