import Foundation
import ShareSimCore
import ShareSimTestSupport
import Testing

/// `calibrate` with no target: weighted least squares to a scenario's own fit observations.
@Suite struct ObservationFitTests {
    static let observed = Fixtures.packageRoot.appendingPathComponent(Fixtures.observedChips).path

    static func loaded() throws -> ScenarioLoader.Loaded { try ScenarioLoader().load(path: observed) }

    @Test func theWeightedFitRecoversTheParametersTheObservationsWereMadeWith() throws {
        let s = try Self.loaded().scenario
        let fit = try ObservationFit.fit(s, parameters: ["us_access", "eu_access"], bounds: [], threads: 2)
        #expect(fit.converged)
        #expect(fit.weighting == .uncertainty)
        #expect(abs(fit.values[0] - 0.07) < 1e-8 && abs(fit.values[1] - 0.35) < 1e-8)
        // The observations were written to ten digits, so the fit meets them to about that.
        #expect(fit.fitted.allSatisfy { abs($0.residual) < 1e-9 })
        #expect(fit.sumOfSquares < 1e-12)
        // Residual/σ: σ is 1 point for the US figure, so a residual of r is r/0.01.
        #expect(fit.fitted.map(\.weighted).allSatisfy { abs($0) < 1e-7 })
        // The held-out check, not fitted: 30/43.3 against the 70% written.
        #expect(fit.checks.count == 1)
        let check = try #require(fit.checks.first)
        #expect(abs(check.found - 30 / 43.3) < 1e-10)
        #expect(abs(check.error - (30 / 43.3 - 0.70)) < 1e-10)
        #expect(check.passed)
        // Deterministic whatever the threads.
        let one = try ObservationFit.fit(s, parameters: ["us_access", "eu_access"], bounds: [], threads: 1)
        #expect(ObservationFitReport.json(one, scenario: s) == ObservationFitReport.json(fit, scenario: s))
    }

    @Test func residualsAreInTheObservationsUnitsAndDividedByTheirSigma() throws {
        let s = try Self.loaded().scenario
        // Fitting only us_access leaves eu_access at its 20%: the EU figure cannot be met.
        let fit = try ObservationFit.fit(s, parameters: ["us_access"], bounds: [])
        let eu = try #require(fit.fitted.first { $0.observation.keys == ["EU"] })
        #expect(abs(eu.weighted - eu.residual / 0.02) < 1e-12)
        #expect(eu.residual < -0.05)
        #expect(abs(fit.sumOfSquares - fit.fitted.reduce(0) { $0 + $1.weighted * $1.weighted }) < 1e-12)
        let text = ObservationFitReport.text(fit, scenario: s)
        #expect(text.contains("residuals divided by each observation's σ (its ±)"))
        #expect(text.contains("\nweighted sum of squares \(NumberText.fixed(fit.sumOfSquares, decimals: 4)) (2 observations, 1 parameter)\n"))
        // With EU's access left at 20%, China's held-out share is far above the 70% observed.
        #expect(fit.checks.map(\.passed) == [false])
        #expect(text.contains("0 of 1 check within its uncertainty"))
    }

    /// One parameter, one observation: the sum of squares is ((s(u) − 60%)/2%)², so the
    /// interval's ends are where s(u) = 60% ∓ 1.96·2%, and s(u) = 30/(36 + 40u) has a
    /// closed-form inverse.
    @Test func theProfileIntervalMatchesItsClosedForm() throws {
        let s = try Fixtures.resolve(AnalysisFixture.text.replacingOccurrences(of: "USco in chips to 10%", with: "USco in chips to us_access") + """
            param us_access = 10%
            observe installed share origin CN in chips ± 2%: 2023-01 60% fit

            """)
        let fit = try ObservationFit.fit(s, parameters: ["us_access"], bounds: [])
        #expect(abs(fit.values[0] - 0.35) < 1e-9)
        let z = ProfileInterval.chiSquare95.squareRoot()
        #expect(abs(z - 1.959963984540054) < 1e-12)
        func u(_ share: Double) -> Double { (30 / share - 36) / 40 }
        let interval = try #require(fit.intervals[0])
        #expect(abs(interval.low.value - u(0.6 + z * 0.02)) < 1e-6)
        #expect(abs(interval.high.value - u(0.6 - z * 0.02)) < 1e-6)
        #expect(!interval.low.open && !interval.high.open)
        #expect(fit.threshold == fit.sumOfSquares + ProfileInterval.chiSquare95)
        // A bound inside the interval holds its end there, open.
        let bounded = try ObservationFit.fit(s, parameters: ["us_access"], bounds: [ValueInterval.parse("30%..40%")])
        let held = try #require(bounded.intervals[0])
        #expect(held.low == .init(value: 0.3, open: true) && held.high == .init(value: 0.4, open: true))
        #expect(ObservationFitReport.text(bounded, scenario: s).contains("≤ 30% .. ≥ 40%"))
    }

    /// Toward no bound the search steps outward, doubling, then halves: (x − 1)² reaches
    /// 3.84 at 1 ± 1.96.
    @Test func anEndTowardNoBoundIsFoundByDoublingThenHalving() throws {
        let ssr = { (x: Double) throws(OperationError) -> Double in (x - 1) * (x - 1) }
        let high = try ProfileInterval.end(from: 1, toward: .infinity, threshold: ProfileInterval.chiSquare95, ssr: ssr)
        let low = try ProfileInterval.end(from: 1, toward: -.infinity, threshold: ProfileInterval.chiSquare95, ssr: ssr)
        #expect(abs(high.value - 2.959963984540054) < 1e-5 && !high.open)
        #expect(abs(low.value - -0.959963984540054) < 1e-5 && !low.open)
        // A flat profile never reaches the threshold: the end is open, at infinity.
        let flat = try ProfileInterval.end(from: 1, toward: .infinity, threshold: 1) { (_: Double) throws(OperationError) in 0 }
        #expect(flat == .init(value: .infinity, open: true))
    }

    @Test func withoutSigmasEveryResidualWeighsTheSameAndTheSpreadScalesTheInterval() throws {
        let text = try String(contentsOfFile: Self.observed, encoding: .utf8)
            .replacingOccurrences(of: " ± 1%: 2022-12", with: ": 2022-12").replacingOccurrences(of: " ± 2%: 2022-12", with: ": 2022-12")
        let s = try Fixtures.resolve(text)
        let both = try ObservationFit.fit(s, parameters: ["us_access", "eu_access"], bounds: [])
        #expect(both.weighting == .equal)
        // Two observations, two parameters: nothing estimates the spread, so no interval.
        #expect(both.intervals == [nil, nil] && both.threshold == nil)
        #expect(ObservationFitReport.text(both, scenario: s).contains("none: no more observations than parameters"))
        #expect(ObservationFitReport.text(both, scenario: s).contains("equal weights: no fit observation gives a σ (±)"))
        // One parameter, two observations: s² = SSR/(n − p) sets the threshold.
        let one = try ObservationFit.fit(s, parameters: ["us_access"], bounds: [])
        #expect(one.fitted.allSatisfy { $0.weighted == $0.residual })
        #expect(one.threshold == one.sumOfSquares * (1 + ProfileInterval.chiSquare95))
        let interval = try #require(one.intervals[0])
        #expect(interval.low.value < one.values[0] && one.values[0] < interval.high.value)
    }

    /// The first diagnostic of the fit's refusal; nil (and an issue) when it was not refused.
    func refusal(_ s: ResolvedScenario, _ parameters: [String]) -> Diagnostic? {
        do {
            _ = try ObservationFit.fit(s, parameters: parameters, bounds: [])
        } catch {
            return error.diagnostics.first
        }
        Issue.record("expected a refusal")
        return nil
    }

    @Test func aScenarioWithoutFitObservationsIsRefusedWithAHint() throws {
        let d = try #require(refusal(try AnalysisFixture.scenario(), ["us_access"]))
        #expect(d.message == "the scenario has no fit observations to calibrate against")
        #expect(d.help.first?.hasPrefix("add one ending in 'fit'") == true)
    }

    @Test func aFitObservationWithoutSigmaAmongOthersWithOneIsRefusedWhereItIs() throws {
        let text = try String(contentsOfFile: Self.observed, encoding: .utf8).replacingOccurrences(of: " ± 2%:", with: ":")
        let d = try #require(refusal(try Fixtures.resolve(text), ["us_access"]))
        #expect(d.message == "this fit observation has no uncertainty, while 1 other has one")
        #expect(d.location?.line == 21)
    }

    @Test func anUnknownParameterIsRefusedWithTheNearestName() throws {
        let d = try #require(refusal(try Self.loaded().scenario, ["us_acess"]))
        #expect(d.message == "unknown parameter 'us_acess'")
        #expect(d.help == ["did you mean 'us_access'?"])
    }

    @Test func theJSONHasItsDocumentedKeys() throws {
        let s = try Self.loaded().scenario
        let fit = try ObservationFit.fit(s, parameters: ["us_access", "eu_access"], bounds: [])
        let json = ObservationFitReport.json(fit, scenario: s)
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(doc.keys) == ["format", "version", "meta", "scenario", "method", "weighting", "iterations", "runs", "converged",
                                  "sum_of_squares", "interval_threshold", "parameters", "fit", "checks"])
        #expect(doc["format"] as? String == "sharesim-observation-fit" && doc["weighting"] as? String == "uncertainty")
        let parameter = try #require((doc["parameters"] as? [[String: Any]])?.first)
        #expect(Set(parameter.keys) == ["name", "value", "low", "high", "at_bound", "interval"])
        let interval = try #require(parameter["interval"] as? [String: Any])
        #expect(Set(interval.keys) == ["low", "low_open", "high", "high_open"])
        let fitted = try #require((doc["fit"] as? [[String: Any]])?.first)
        #expect(Set(fitted.keys) == ["observation", "measure", "segment", "from", "date", "observed", "uncertainty", "source", "location",
                                     "found", "residual", "weighted_residual"])
        #expect(fitted["observation"] as? String == "sales share origin US in chips at 2022-12")
        #expect(fitted["location"] as? String == "\(Self.observed):20:54")
        let check = try #require((doc["checks"] as? [[String: Any]])?.first)
        #expect(check["within"] as? Bool == true && check["observed"] as? Double == 0.7)
        // Keys in a fixed order: the text, not only the object, is the same every time.
        #expect(json.range(of: "\"sum_of_squares\"")!.lowerBound < json.range(of: "\"parameters\"")!.lowerBound)
    }

    /// The overlay sets the fitted values, says how they were found, and restates the
    /// observations, so that loading it reproduces the fitted run.
    @Test func theOverlayLoadsAndReproducesTheFittedRun() throws {
        let s = try Self.loaded().scenario
        let fit = try ObservationFit.fit(s, parameters: ["us_access", "eu_access"], bounds: [])
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("calibration-overlay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let overlayPath = directory.appendingPathComponent("fitted.scn").path
        let used = OverlayPath.relative(from: overlayPath, to: Self.observed, in: "/")
        let text = CalibrationOverlay.text(fit, scenario: s, usedPath: used, command: "sharesim calibrate observed-chips.scn")
        #expect(text.contains("use \"\(used)\"\n"))
        #expect(text.contains("param us_access = 7% [calibrated: weighted least squares to 2 fit observations of observed-chips.scn"))
        #expect(text.contains("observe sales share origin CN in chips ± 1%: 2023-06 70% [rounded] check\n"))
        try text.write(toFile: overlayPath, atomically: true, encoding: .utf8)
        let overlay = try ScenarioLoader().load(path: overlayPath).scenario
        #expect(overlay.name == "Observed test chips (calibrated)")
        #expect(overlay.observations.count == 3)
        let run = try Engine.run(overlay)
        let verdicts = ObservationChecker.check(run)
        for (verdict, fitted) in zip(verdicts.filter { $0.observation.role == .fit }, fit.fitted) {
            #expect(abs(verdict.found - fitted.found) < 1e-8)
        }
        #expect(verdicts.allSatisfy { $0.passed })
    }

    /// Ctrl-C stops the fit and its interval searches between runs.
    @Test func aCancelledFitStopsWithCancelled() throws {
        let s = try Self.loaded().scenario
        do {
            _ = try ObservationFit.fit(s, parameters: ["us_access", "eu_access"], bounds: [], isCancelled: { true })
            Issue.record("expected a cancellation")
        } catch {
            guard case .cancelled = error else { Issue.record("expected cancelled, got \(error)"); return }
        }
    }

    @Test func theOverlaysUsePathIsRelativeToTheOverlay() {
        #expect(OverlayPath.relative(from: "out/fitted.scn", to: "scenarios/a.scn", in: "/work/p") == "../scenarios/a.scn")
        #expect(OverlayPath.relative(from: "scenarios/fitted.scn", to: "scenarios/a.scn", in: "/work/p") == "a.scn")
        #expect(OverlayPath.relative(from: "/tmp/fitted.scn", to: "scenarios/a.scn", in: "/work/p") == "/work/p/scenarios/a.scn")
    }
}
