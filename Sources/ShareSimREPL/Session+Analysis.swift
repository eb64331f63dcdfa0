import Foundation
import ShareSimCore

/// The batch analyses at the prompt, on the scenario with this session's edits:
/// `sweep`, `calibrate` and `montecarlo` call the same Core code as the commands.
extension Session {
    /// `sweep NAME=FROM..TO[/N] [NAME2=…] OUTCOME`
    func sweep(_ input: InputAssembler.Input) -> Reply {
        // Pieces of the input itself, so that their errors point into it.
        let words = input.text.split(separator: " ", omittingEmptySubsequences: true)
        let specs = words.dropFirst().prefix { $0.contains("=") }
        let outcomeText = words.count > 1 + specs.count ? input.text[words[1 + specs.count].startIndex...] : ""
        guard !specs.isEmpty, !outcomeText.isEmpty else {
            return .failure("usage: sweep NAME=FROM..TO[/COUNT] [NAME2=…] OUTCOME\n  example: \(Commands.named("sweep")!.example)", status: 2)
        }
        guard case .success(let loaded) = resolve() else { return unresolvedReply() }
        do {
            let axes = try specs.map { spec throws(ScenarioError) in
                do throws(ScenarioError) { return try SweepAxis.parse(String(spec), source: "sweep") } catch { throw placed(error, source: "sweep", piece: spec) }
            }
            let outcome: ScenarioOutcome
            do throws(ScenarioError) { outcome = try ScenarioOutcome.parse(String(outcomeText), in: loaded.scenario, source: "outcome") } catch {
                throw placed(error, source: "outcome", piece: outcomeText)
            }
            let sweep = try Sweep.run(loaded.scenario, axes: axes, outcome: outcome, isCancelled: env.isCancelled)
            return Reply(output: SweepReport.table(sweep, width: env.width))
        } catch let error as ScenarioError {
            return Reply(error: render(error), failed: true, status: 2)
        } catch Sweep.Failure.cancelled {
            return Reply(error: "sweep cancelled\n")
        } catch Sweep.Failure.invalid(let d, let axis) {
            // A problem with one parameter (unknown, a value out of range) points at its NAME=… piece.
            let piece = axis.map { String(specs[specs.startIndex + $0]) }
            return Reply(error: render(ScenarioError([d], sources: loaded.sources), word: piece), failed: true, status: 2)
        } catch {
            return .failure("\(error)", status: 70)
        }
    }

    /// The name the bounds of the i-th parameter are parsed under, so an error can be traced back to them.
    private func boundsSource(_ i: Int) -> String { "bounds \(i + 1)" }

    /// `calibrate NAME [LOW..HIGH] to OUTCOME = VALUE` (bisection), or several names and
    /// targets, `calibrate a, b to T1; T2` (least squares).
    func calibrate(_ input: InputAssembler.Input) -> Reply {
        // Pieces of the input itself, so that their errors point into it.
        let body = input.text.drop { $0 != " " }.drop { $0 == " " }
        guard let split = body.range(of: " to ") else {
            return .failure("usage: calibrate NAME [LOW..HIGH] to OUTCOME = VALUE\n  example: \(Commands.named("calibrate")!.example)", status: 2)
        }
        let fits = body[..<split.lowerBound].split(separator: ",").map { $0.split(separator: " ") }
        let targetTexts = body[split.upperBound...].split(separator: ";").map { $0.drop { $0 == " " } }.filter { !$0.isEmpty }
        guard !fits.isEmpty, fits.allSatisfy({ (1...2).contains($0.count) }), !targetTexts.isEmpty else {
            return .failure("usage: calibrate NAME [LOW..HIGH] to OUTCOME = VALUE", status: 2)
        }
        guard case .success(let loaded) = resolve() else { return unresolvedReply() }
        let scenario = loaded.scenario
        do {
            let intervals = try fits.indices.map { i throws(ScenarioError) -> ValueInterval? in
                guard fits[i].count == 2 else { return nil }
                do throws(ScenarioError) { return try ValueInterval.parse(String(fits[i][1]), source: boundsSource(i)) } catch {
                    throw placed(error, source: boundsSource(i), piece: fits[i][1])
                }
            }
            let targets = try targetTexts.map { t throws(ScenarioError) in
                do throws(ScenarioError) { return try OutcomeTarget.parse(String(t), in: scenario, source: "target") } catch { throw placed(error, source: "target", piece: t) }
            }
            let names = fits.map { String($0[0]) }
            let result: ScenarioCalibration.Result
            if names.count == 1 && targets.count == 1 {
                guard let bracket = try intervals[0] ?? ScenarioCalibration.bracket(of: names[0], in: scenario) else {
                    return .failure("'\(names[0])' has no bounded valid range; give a bracket: calibrate \(names[0]) LOW..HIGH to …", word: names[0], status: 2)
                }
                result = try ScenarioCalibration.fitByBisection(scenario, parameter: names[0], in: bracket, target: targets[0],
                                                                isCancelled: env.isCancelled)
            } else {
                result = try ScenarioCalibration.fitByLeastSquares(scenario, parameters: names, bounds: intervals,
                                                                   targets: targets, isCancelled: env.isCancelled)
            }
            return Reply(output: CalibrationReport.text(result, scenario: scenario.name, width: env.width))
        } catch let error as ScenarioError {
            return Reply(error: render(error), failed: true, status: 2)
        } catch ScenarioCalibration.Failure.cancelled {
            return Reply(error: "calibration cancelled\n")
        } catch ScenarioCalibration.Failure.invalid(let d) {
            // Bounds outside the valid range point at the bounds as typed.
            var error = ScenarioError([d], sources: loaded.sources)
            if let i = fits.indices.first(where: { d.location?.file == boundsSource($0) }) { error = placed(error, source: boundsSource(i), piece: fits[i][1]) }
            return Reply(error: render(error), failed: true, status: 2)
        } catch {
            return .failure("\(error)", status: 70)
        }
    }

    /// `montecarlo RUNS [seed S] [bands LIST] [at DATES] [--share …] [--by …]`
    func montecarlo(_ args: [String]) -> Reply {
        guard let runsText = args.first, let runs = Int(runsText), runs >= 1 else {
            return .failure("usage: montecarlo RUNS [seed S] [bands 5,25,50,75,95] [at DATES] [--share installed|sales] [--by vendor|origin]", word: args.first, status: 2)
        }
        var rest = Array(args.dropFirst())
        var seed: UInt64 = 1
        var bands = "5,25,50,75,95"
        for (word, apply) in [("seed", { (v: String) -> Bool in UInt64(v).map { seed = $0 } != nil }),
                              ("bands", { (v: String) -> Bool in bands = v; return true })] {
            if let i = rest.firstIndex(of: word) {
                guard i + 1 < rest.count, apply(rest[i + 1]) else { return .failure("'\(word)' needs a value", word: word, status: 2) }
                rest.removeSubrange(i...(i + 1))
            }
        }
        let bandList: [Band]
        switch Band.parseList(bands) {
        case .failure(let e): return .failure(e.message(option: "bands"), word: bands, status: 2)
        case .success(let list): bandList = list
        }
        guard case .success(let loaded) = resolve() else { return unresolvedReply() }
        let scenario = loaded.scenario
        let o: ViewOptions
        switch ViewOptions.parse(rest, runNames: [], scenario: scenario, views: [.vendor, .origin]) {
        case .failure(let p): return .failure(p, status: 2)
        case .success(let parsed): o = parsed
        }
        let steps: [Int]
        switch o.steps(in: scenario.timeline) {
        case .failure(let p): return .failure(p, status: 2)
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
