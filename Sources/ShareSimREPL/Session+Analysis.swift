import Foundation
import ShareSimCore

/// The batch analyses at the prompt, on the scenario with this session's edits:
/// `sweep`, `calibrate` and `montecarlo` call the same Core code as the commands.
extension Session {
    /// `sweep NAME=FROM..TO[/N] [NAME2=…] OUTCOME`
    func sweep(_ input: InputAssembler.Input) -> Reply {
        let words = input.text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let specs = words.dropFirst().prefix { $0.contains("=") }
        let outcomeText = words.dropFirst(1 + specs.count).joined(separator: " ")
        guard !specs.isEmpty, !outcomeText.isEmpty else {
            return .failure("usage: sweep NAME=FROM..TO[/COUNT] [NAME2=…] OUTCOME\n  example: \(Commands.named("sweep")!.example)", status: 2)
        }
        guard case .success(let loaded) = resolve() else { return .failure("no scenario to sweep; 'load FILE' first", status: 2) }
        do {
            let axes = try specs.map { spec throws(ScenarioError) in try SweepAxis.parse(spec, source: "sweep") }
            let outcome = try ScenarioOutcome.parse(outcomeText, in: loaded.scenario, source: "outcome")
            let sweep = try Sweep.run(loaded.scenario, axes: axes, outcome: outcome, isCancelled: env.isCancelled)
            return Reply(output: SweepReport.table(sweep, width: env.width))
        } catch let error as ScenarioError {
            return Reply(error: render(error), failed: true, status: 2)
        } catch Sweep.Failure.cancelled {
            return Reply(error: "sweep cancelled\n")
        } catch Sweep.Failure.invalid(let d) {
            return Reply(error: render(ScenarioError([d], sources: loaded.sources)), failed: true, status: 2)
        } catch {
            return .failure("\(error)", status: 70)
        }
    }

    /// `calibrate NAME [LOW..HIGH] to OUTCOME = VALUE` (bisection), or several names and
    /// targets, `calibrate a, b to T1; T2` (least squares).
    func calibrate(_ input: InputAssembler.Input) -> Reply {
        let body = input.text.drop { $0 != " " }.trimmingCharacters(in: [" "])
        guard let split = body.range(of: " to ") else {
            return .failure("usage: calibrate NAME [LOW..HIGH] to OUTCOME = VALUE\n  example: \(Commands.named("calibrate")!.example)", status: 2)
        }
        let fits = body[..<split.lowerBound].split(separator: ",").map { $0.split(separator: " ").map(String.init) }
        let targetTexts = body[split.upperBound...].split(separator: ";").map { String($0).trimmingCharacters(in: [" "]) }
        guard !fits.isEmpty, fits.allSatisfy({ (1...2).contains($0.count) }), !targetTexts.isEmpty else {
            return .failure("usage: calibrate NAME [LOW..HIGH] to OUTCOME = VALUE", status: 2)
        }
        guard case .success(let loaded) = resolve() else { return .failure("no scenario to calibrate; 'load FILE' first", status: 2) }
        let scenario = loaded.scenario
        do {
            let intervals = try fits.map { f throws(ScenarioError) in try f.count == 2 ? ValueInterval.parse(f[1], source: "bounds") : nil }
            let targets = try targetTexts.map { t throws(ScenarioError) in try OutcomeTarget.parse(t, in: scenario, source: "target") }
            let names = fits.map { $0[0] }
            let result: ScenarioCalibration.Result
            if names.count == 1 && targets.count == 1 {
                guard let range = try intervals[0].map({ $0.low...$0.high }) ?? ScenarioCalibration.bracket(of: names[0], in: scenario) else {
                    return .failure("'\(names[0])' has no bounded valid range; give a bracket: calibrate \(names[0]) LOW..HIGH to …", status: 2)
                }
                result = try ScenarioCalibration.fitByBisection(scenario, parameter: names[0], in: range,
                                                                labels: intervals[0].map { ($0.lowText, $0.highText) },
                                                                target: targets[0], isCancelled: env.isCancelled)
            } else {
                result = try ScenarioCalibration.fitByLeastSquares(scenario, parameters: names, bounds: intervals.map { $0.map { $0.low...$0.high } },
                                                                   targets: targets, isCancelled: env.isCancelled)
            }
            return Reply(output: CalibrationReport.text(result, scenario: scenario.name, units: intervals.map { $0?.unit }))
        } catch let error as ScenarioError {
            return Reply(error: render(error), failed: true, status: 2)
        } catch ScenarioCalibration.Failure.cancelled {
            return Reply(error: "calibration cancelled\n")
        } catch ScenarioCalibration.Failure.invalid(let d) {
            return Reply(error: render(ScenarioError([d], sources: loaded.sources)), failed: true, status: 2)
        } catch {
            return .failure("\(error)", status: 70)
        }
    }

    /// `montecarlo RUNS [seed S] [bands LIST] [at DATES] [--share …] [--by …]`
    func montecarlo(_ args: [String]) -> Reply {
        guard let runsText = args.first, let runs = Int(runsText), runs >= 1 else {
            return .failure("usage: montecarlo RUNS [seed S] [bands 5,25,50,75,95] [at DATES] [--share installed|sales] [--by vendor|origin]", status: 2)
        }
        var rest = Array(args.dropFirst())
        var seed: UInt64 = 1
        var bands = "5,25,50,75,95"
        for (word, apply) in [("seed", { (v: String) -> Bool in UInt64(v).map { seed = $0 } != nil }),
                              ("bands", { (v: String) -> Bool in bands = v; return true })] {
            if let i = rest.firstIndex(of: word) {
                guard i + 1 < rest.count, apply(rest[i + 1]) else { return .failure("'\(word)' needs a value", status: 2) }
                rest.removeSubrange(i...(i + 1))
            }
        }
        guard case .success(let bandList) = Band.parseList(bands) else {
            return .failure("'\(bands)' is no list of percentiles; e.g. bands 5,25,50,75,95", status: 2)
        }
        guard case .success(let loaded) = resolve() else { return .failure("no scenario to sample; 'load FILE' first", status: 2) }
        let scenario = loaded.scenario
        let o: ViewOptions
        switch ViewOptions.parse(rest, runNames: [], scenario: scenario) {
        case .failure(let p): return .failure(p.message, status: 2)
        case .success(let parsed): o = parsed
        }
        let steps: [Int]
        switch o.steps(in: scenario.timeline) {
        case .failure(let p): return .failure(p.message, status: 2)
        case .success(let s): steps = s ?? MonteCarloReport.defaultTableSteps(scenario, grouping: o.grouping, bands: bandList, width: env.width)
        }
        let batch = MonteCarloBatch(scenario: scenario, runs: runs, seed: seed, bands: bandList, metric: o.metric, grouping: o.grouping, steps: steps)
        let threads = ProcessInfo.processInfo.activeProcessorCount
        do throws(MonteCarlo.Failure) {
            let samples = try MonteCarlo.simulate(scenario, batch: batch, runs: 0..<runs, threads: threads, isCancelled: env.isCancelled)
            let values = MonteCarlo.bands(samples, bands: bandList, rows: batch.entities.count, threads: threads)
            var out = MonteCarloReport.render(batch, values: values, as: .table)
            if !scenario.parameters.contains(where: \.isUncertain) { out += "note: no parameter is uncertain, so every run is the nominal run\n" }
            return Reply(output: out)
        } catch {
            switch error {
            case .cancelled:
                return Reply(error: "montecarlo cancelled\n")
            case .run(let run, let d):
                return Reply(error: render(ScenarioError([d], sources: loaded.sources)) + "note: in run \(run) (seed \(seed))\n", failed: true, status: 65)
            }
        }
    }
}
