import Foundation
import ShareSimCore
import ShareSimTestSupport
import Testing

@Suite struct CalibrationTests {
    @Test func bisectionFindsAKnownRoot() throws {
        let b = try Solver.bisect(low: 0, high: 2) { $0 * $0 - 2 }
        #expect(abs(b.root - 2.0.squareRoot()) < 1e-11)
        #expect(b.iterations == 40)  // until the bracket is below 1e-12 of its first width
        #expect(b.evaluations == b.iterations + 2)
        #expect(abs(b.residual) < 1e-11)
        // Decreasing functions and reversed brackets work alike.
        let d = try Solver.bisect(low: 3, high: -1) { 1 - $0 }
        #expect(abs(d.root - 1) < 1e-11)
        // A root at an end is found without halving.
        #expect(try Solver.bisect(low: 0, high: 1) { $0 }.root == 0)
    }

    @Test func aBracketWithoutARootIsRefusedWithBothValues() {
        #expect(throws: Solver.BisectionFailure.noRoot(low: -1, high: 1, fLow: 2, fHigh: 2)) {
            try Solver.bisect(low: -1, high: 1) { $0 * $0 + 1 }
        }
    }

    @Test func leastSquaresRecoversTwoKnownParameters() throws {
        // y = a·e^{b·t}, observed exactly at five points, fitted in log space from far away.
        let (a, b) = (2.5, -0.7)
        let ts = [0.0, 0.5, 1, 2, 3]
        let ys = ts.map { a * exp(b * $0) }
        let fit = try Solver.leastSquares(start: [1, 0], lower: [0.1, -5], upper: [10, 5]) { points in
            points.map { p in zip(ts, ys).map { t, y in log(p[0] * exp(p[1] * t)) - log(y) } }
        }
        #expect(fit.converged)
        #expect(abs(fit.values[0] - a) < 1e-8 && abs(fit.values[1] - b) < 1e-8)
        #expect(fit.cost < 1e-20)
        // A bound that excludes the answer holds the value on it.
        let bounded = try Solver.leastSquares(start: [1, 0], lower: [0.1, -0.5], upper: [10, 5]) { points in
            points.map { p in zip(ts, ys).map { t, y in log(p[0] * exp(p[1] * t)) - log(y) } }
        }
        #expect(bounded.values[1] == -0.5 && bounded.atBound == [false, true])
    }

    @Test func bisectionFitsAScenarioParameter() throws {
        let s = try AnalysisFixture.scenario()
        // A flow market: China's share after the controls is 30 / (30 + 40·u + 30·20%), 60% at u = 35%.
        let target = try OutcomeTarget.parse("installed share origin CN in chips at 2023-01 = 60%", in: s)
        let fit = try ScenarioCalibration.fitByBisection(s, parameter: "us_access", in: ValueInterval(0...1, unit: .percent), target: target)
        #expect(abs(fit.values[0] - 0.35) < 1e-10)
        #expect(abs(fit.residuals[0]) < 1e-10)
        #expect(fit.runs == fit.iterations + 2)
        let text = CalibrationReport.text(fit, scenario: s.name)
        #expect(text.contains("us_access  35%"))
        // The same bytes every time.
        let again = try ScenarioCalibration.fitByBisection(s, parameter: "us_access", in: ValueInterval(0...1, unit: .percent), target: target)
        #expect(CalibrationReport.json(again, scenario: s) == CalibrationReport.json(fit, scenario: s))
    }

    @Test func aScenarioBracketWithoutARootSaysWhatItFound() throws {
        let s = try AnalysisFixture.scenario()
        let target = try OutcomeTarget.parse("installed share origin CN in chips at 2023-01 = 95%", in: s)
        let bracket = try ValueInterval.parse("5%..50%")
        do {
            _ = try ScenarioCalibration.fitByBisection(s, parameter: "us_access", in: bracket, target: target)
            Issue.record("expected an error")
        } catch {
            guard case .refused(let e, ShareSimCore.ExitStatus.usage, _) = error, let d = e.diagnostics.first else { Issue.record("expected invalid"); return }
            #expect(d.message == "the bracket 5%..50% of 'us_access' may hold no solution: the outcome is below the target 95% at both ends")
            #expect(d.notes == ["at us_access = 5%: 78.9%", "at us_access = 50%: 53.6%"])
        }
    }

    @Test func leastSquaresRecoversTwoScenarioParameters() throws {
        let s = try AnalysisFixture.scenario()
        // Observations from a run with us_access = 7% and eu_access = 35%; fitting starts at 10% and 20%.
        let truth = try Engine.run(try s.setting("us_access", to: 0.07).setting("eu_access", to: 0.35))
        let texts = ["sales share origin US in chips at 2022-12", "sales share origin EU in chips at 2022-12"]
        let targets = try texts.map { t in
            let o = try ScenarioOutcome.parse(t, in: s)
            return try OutcomeTarget.parse("\(t) = \(NumberText.csv(o.value(in: truth)))", in: s)
        }
        for threads in [1, 2] {
            let fit = try ScenarioCalibration.fitByLeastSquares(s, parameters: ["us_access", "eu_access"], bounds: [nil, nil],
                                                                targets: targets, threads: threads)
            #expect(fit.converged)
            #expect(abs(fit.values[0] - 0.07) < 1e-8 && abs(fit.values[1] - 0.35) < 1e-8)
            #expect(fit.transformedResiduals.allSatisfy { abs($0) < 1e-8 })
        }
        let one = try ScenarioCalibration.fitByLeastSquares(s, parameters: ["us_access", "eu_access"], bounds: [nil, nil], targets: targets, threads: 1)
        let two = try ScenarioCalibration.fitByLeastSquares(s, parameters: ["us_access", "eu_access"], bounds: [nil, nil], targets: targets, threads: 2)
        #expect(one.values.map(\.bitPattern) == two.values.map(\.bitPattern))
        // Fewer targets than parameters cannot be fitted.
        #expect(throws: OperationError.self) {
            try ScenarioCalibration.fitByLeastSquares(s, parameters: ["us_access", "eu_access"], bounds: [nil, nil], targets: [targets[0]])
        }
    }

    @Test func theBundledChipLeakageIsTheOneThatGives85Percent() throws {
        let s = try ScenarioLoader().load(path: Fixtures.packageRoot.appendingPathComponent(Fixtures.oneOriginChips).path).scenario
        let target = try OutcomeTarget.parse("installed share origin CN, HK in chips at 2023-01 = 85%", in: s)
        let fit = try ScenarioCalibration.fitByBisection(s, parameter: "leakage", in: ValueInterval(0...0.2, unit: .percent), target: target)
        // 0.27 / (0.27 + 0.73·ℓ) = 0.85 in this flow market.
        #expect(abs(fit.values[0] - 0.27 * (1 / 0.85 - 1) / 0.73) < 1e-12)
        #expect(abs(fit.values[0] - 0.065) < 0.0005)
        #expect(abs(fit.residuals[0]) < 1e-10)
    }

    /// Without bounds written, a value is shown in the unit the scenario writes the parameter
    /// in (it printed a bare 0.0652699435941031), and so is a bound it ends on.
    @Test func aValueIsShownInTheParametersOwnUnitWithoutBounds() throws {
        let s = try ScenarioLoader().load(path: Fixtures.packageRoot.appendingPathComponent(Fixtures.oneOriginChips).path).scenario
        let target = try OutcomeTarget.parse("installed share origin CN, HK in chips at 2023-01 = 85%", in: s)
        let bracket = try #require(try ScenarioCalibration.bracket(of: "leakage", in: s))
        #expect(bracket.text == "0%..100%")
        let fit = try ScenarioCalibration.fitByBisection(s, parameter: "leakage", in: bracket, target: target)
        #expect(fit.units == [.percent])
        #expect(CalibrationReport.text(fit, scenario: s.name).contains("\nleakage    6.526994%  (0.0652699435941031)\n"))
        let huawei = try ScenarioLoader().load(path: Fixtures.scenarioPath("huawei-substitution")).scenario
        #expect(huawei.parameters.first { $0.name == "huawei_trend" }?.unit(in: huawei) == .plainPerYear)
        let least = try ScenarioCalibration.fitByLeastSquares(s, parameters: ["leakage"], bounds: [ValueInterval.parse("10%..20%")],
                                                              targets: [target], threads: 1)
        #expect(CalibrationReport.text(least, scenario: s.name).contains("\nleakage    10%  (0.1)  — on the bound 10%\n"))
    }

    /// Bounds outside the valid range are named as written, at their place, with the range in their unit.
    @Test func boundsOutsideTheValidRangeAreReportedAsWritten() throws {
        let s = try ScenarioLoader().load(path: Fixtures.packageRoot.appendingPathComponent(Fixtures.oneOriginChips).path).scenario
        let target = try OutcomeTarget.parse("installed share origin CN, HK in chips at 2023-01 = 85%", in: s)
        #expect {
            _ = try ScenarioCalibration.fitByBisection(s, parameter: "leakage", in: ValueInterval.parse("0%..120%"), target: target)
        } throws: { error in
            guard case OperationError.refused(let e, ShareSimCore.ExitStatus.usage, _) = error, let d = e.diagnostics.first else { return false }
            return d.message == "the bounds 0%..120% of 'leakage' leave its valid range"
                && d.location == SourceLocation(file: "--in", line: 1, column: 1, length: 8)
                && d.notes == ["'leakage' (declared at \(Fixtures.packageRoot.appendingPathComponent(Fixtures.oneOriginChips).path):26:7) accepts values from 0% to 100% where it is used"]
        }
    }

    /// The targets' table fits the width: a target too long for its column stands on its own
    /// line (the table ran to 93 columns at any width).
    @Test func theTargetsTableFitsTheWidth() throws {
        let s = try ScenarioLoader().load(path: Fixtures.packageRoot.appendingPathComponent(Fixtures.oneOriginChips).path).scenario
        let target = try OutcomeTarget.parse("installed share origin CN, HK in chips at 2023-01 = 85%", in: s)
        let fit = try ScenarioCalibration.fitByBisection(s, parameter: "leakage", in: ValueInterval.parse("0%..20%"), target: target)
        let narrow = CalibrationReport.text(fit, scenario: s.name, width: 80)
        #expect(narrow.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(narrow.hasSuffix("""
            target   wanted   found         residual  log-odds
            installed share origin CN, HK in chips at 2023-01
                       85%   85.0%   -8.8e-12 points  -6.9e-13

            """))
        #expect(CalibrationReport.text(fit, scenario: s.name, width: 100).hasSuffix("""
            target                                              wanted   found         residual  log-odds
            installed share origin CN, HK in chips at 2023-01     85%   85.0%   -8.8e-12 points  -6.9e-13

            """))
    }
}
