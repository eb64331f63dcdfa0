import ShareSimCore

/// Sensitivity runs per second: Morris over a bundled scenario's uncertain parameters, and over
/// the figures it tags as assumptions, on one thread, as `sharesim sensitivity` makes them
/// (each point a scenario set and run afresh). Best and median of several analyses.
struct SensitivityBench {
    static let scenario = "scenarios/china-chip-share.scn"
    static let outcome = "installed share origin CN, HK in chips at 2023-01"
    static let trajectories = 20

    struct Figure {
        let seconds: Sample
        /// Runs per analysis.
        let runs: Int
        var bestRate: Double { Double(runs) / seconds.best }
        var medianRate: Double { Double(runs) / seconds.median }
    }

    let parameters: Figure
    let assumptions: Figure

    init(repetitions: Int) throws(BenchError) {
        let input: ScenarioLoader.Loaded, outcome: ScenarioOutcome
        do {
            input = try ScenarioLoader().load(path: SensitivityBench.scenario)
            outcome = try ScenarioOutcome.parse(SensitivityBench.outcome, in: input.scenario)
        } catch {
            throw BenchError("cannot load \(SensitivityBench.scenario): " + error.diagnostics.map(\.message).joined(separator: "; "))
        }
        func measure(_ factors: Sensitivity.Factors) throws(BenchError) -> Figure {
            let request = SensitivityRequest(input: input, outcome: outcome, factors: factors, trajectories: SensitivityBench.trajectories,
                                             seed: 1, threads: 1)
            var times: [Double] = [], runs = 0, first: [Sensitivity.Effect]?
            for _ in 0..<repetitions {
                let start = monotonicSeconds()
                let result: Sensitivity
                do { result = try request.perform() } catch {
                    throw BenchError("sensitivity of \(SensitivityBench.scenario) failed: " + error.diagnostics.map(\.message).joined(separator: "; "))
                }
                times.append(monotonicSeconds() - start)
                runs = result.runs
                if first == nil { first = result.effects }
                guard result.effects == first else { throw BenchError("sensitivity gave other effects from one analysis to the next") }
            }
            return Figure(seconds: Sample(times), runs: runs)
        }
        parameters = try measure(.parameters)
        assumptions = try measure(.assumptions(spread: AssumptionSpread.standard))
    }
}
