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
            return failure("usage: sweep NAME=FROM..TO[/COUNT] [NAME2=…] OUTCOME\n  example: \(Commands.named("sweep")!.example)", status: .usage)
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
            let sweep = try SweepRequest(input: loaded, axes: axes, outcome: outcome).perform(env.hooks)
            return Reply(output: SweepReport.table(sweep, width: env.width))
        } catch let error as ScenarioError {
            return Reply(error: render(error), failed: true, status: .usage)
        } catch let error as OperationError {
            // A problem with one parameter (unknown, a value out of range) points at its NAME=… piece.
            return reply(to: error, of: "sweep", word: { String(specs[specs.startIndex + $0]) })
        } catch {
            return failure("\(error)", status: .internalError)
        }
    }

    /// `sensitivity [morris|oat] [assumptions] OUTCOME`: Morris unless `oat` comes first, 20
    /// trajectories, seed 1; `assumptions` ranks the figures tagged [assumption], each ±20%.
    func sensitivity(_ input: InputAssembler.Input) -> Reply {
        let words = input.text.split(separator: " ", omittingEmptySubsequences: true)
        let method = words.count > 1 ? Sensitivity.Method(rawValue: String(words[1])) : nil
        var first = 1 + (method == nil ? 0 : 1)
        let assumptions = words.count > first && words[first] == "assumptions"
        if assumptions { first += 1 }
        guard words.count > first else {
            return failure("usage: sensitivity [morris|oat] [assumptions] OUTCOME\n  example: \(Commands.named("sensitivity")!.example)", status: .usage)
        }
        let outcomeText = input.text[words[first].startIndex...]
        guard case .success(let loaded) = resolve() else { return unresolvedReply() }
        let outcome: ScenarioOutcome
        do throws(ScenarioError) { outcome = try ScenarioOutcome.parse(String(outcomeText), in: loaded.scenario, source: "outcome") } catch {
            return Reply(error: render(placed(error, source: "outcome", piece: outcomeText)), failed: true, status: .usage)
        }
        do {
            let result = try SensitivityRequest(input: loaded, outcome: outcome, method: method ?? .morris,
                                                factors: assumptions ? .assumptions(spread: AssumptionSpread.standard) : .parameters).perform(env.hooks)
            return Reply(output: SensitivityReport.table(result))
        } catch {
            return reply(to: error, of: "sensitivity")
        }
    }

    /// The reply to an operation that gave no result, the same for every command: `word`
    /// gives the input's word for the request's part at fault, where the caret goes;
    /// `placing` moves diagnostics into the input where they were parsed from a piece of it.
    func reply(to error: OperationError, of command: String, word: (Int) -> String? = { _ in nil },
               placing: (ScenarioError) -> ScenarioError = { $0 }) -> Reply {
        switch error {
        case .cancelled:
            return Reply(error: "\(command) cancelled\n")
        case .refused(let problem, let status, let part):
            return Reply(error: render(placing(problem), word: part.flatMap(word)), failed: true, status: status)
        }
    }

    /// The name the bounds of the i-th parameter are parsed under, so an error can be traced back to them.
    private func boundsSource(_ i: Int) -> String { "bounds \(i + 1)" }

    /// `calibrate NAME [LOW..HIGH] to OUTCOME = VALUE` (bisection), or several names and
    /// targets, `calibrate a, b to T1; T2` (least squares); without `to`, the names are fitted
    /// to the scenario's own fit observations: `calibrate leakage intermediaries`.
    func calibrate(_ input: InputAssembler.Input) -> Reply {
        // Pieces of the input itself, so that their errors point into it.
        let body = input.text.drop { $0 != " " }.drop { $0 == " " }
        let split = body.range(of: " to ")
        let fits = Self.fittedNames(split.map { body[..<$0.lowerBound] } ?? body)
        let targetTexts = split.map { body[$0.upperBound...].split(separator: ";").map { $0.drop { $0 == " " } }.filter { !$0.isEmpty } } ?? []
        guard let fits, !fits.isEmpty, split == nil || !targetTexts.isEmpty else {
            return failure("usage: \(Commands.named("calibrate")!.usage)\n  example: \(Commands.named("calibrate")!.example)", status: .usage)
        }
        guard case .success(let loaded) = resolve() else { return unresolvedReply() }
        let scenario = loaded.scenario
        do {
            let intervals = try fits.indices.map { i throws(ScenarioError) -> ValueInterval? in
                guard let bounds = fits[i].bounds else { return nil }
                do throws(ScenarioError) { return try ValueInterval.parse(String(bounds), source: boundsSource(i)) } catch {
                    throw placed(error, source: boundsSource(i), piece: bounds)
                }
            }
            let targets = try targetTexts.map { t throws(ScenarioError) in
                do throws(ScenarioError) { return try OutcomeTarget.parse(String(t), in: scenario, source: "target") } catch { throw placed(error, source: "target", piece: t) }
            }
            let request = CalibrationRequest(input: loaded, parameters: fits.map { String($0.name) }, bounds: intervals, targets: targets)
            if targets.isEmpty {
                return Reply(output: ObservationFitReport.text(try request.fitObservations(env.hooks), scenario: scenario, width: env.width))
            }
            return Reply(output: CalibrationReport.text(try request.perform(env.hooks), scenario: scenario.name, width: env.width))
        } catch let error as ScenarioError {
            return Reply(error: render(error), failed: true, status: .usage)
        } catch let error as OperationError {
            // Bounds outside the valid range point at the bounds as typed; a name without
            // bounds it needs, at the name.
            return reply(to: error, of: "calibration", word: { String(fits[$0].name) }, placing: { error in
                guard let i = fits.indices.first(where: { i in error.diagnostics.contains { $0.location?.file == boundsSource(i) } }),
                      let bounds = fits[i].bounds else { return error }
                return placed(error, source: boundsSource(i), piece: bounds)
            })
        } catch {
            return failure("\(error)", status: .internalError)
        }
    }

    /// The parameters of a `calibrate`, each with its bounds if given, in any of the ways
    /// they are written: `a 2%..20%, b`, `a 2%..20% b`, `a in 2%..20% b in 5%..80%`. Nil when
    /// bounds have no name before them or `in` no bounds after it.
    static func fittedNames(_ text: Substring) -> [(name: Substring, bounds: Substring?)]? {
        var fits: [(name: Substring, bounds: Substring?)] = []
        var expectingBounds = false
        for word in text.split(whereSeparator: { $0 == " " || $0 == "," }) {
            if word == "in", !expectingBounds, fits.last?.bounds == nil, !fits.isEmpty {
                expectingBounds = true
            } else if word.contains("..") {
                guard !fits.isEmpty, fits[fits.count - 1].bounds == nil else { return nil }
                fits[fits.count - 1].bounds = word
                expectingBounds = false
            } else {
                if expectingBounds { return nil }
                fits.append((word, nil))
            }
        }
        return expectingBounds ? nil : fits
    }

    /// `montecarlo RUNS [seed S] [bands LIST] [at DATES] [--share …] [--by …] [rank OUTCOME]`;
    /// `rank` takes the rest of the line.
    func montecarlo(_ args: [String], _ input: InputAssembler.Input) -> Reply {
        guard let runsText = args.first, let runs = Int(runsText), runs >= 1 else {
            return failure("usage: \(Commands.named("montecarlo")!.usage)", word: args.first, status: .usage)
        }
        var rest = Array(args.dropFirst())
        var rankPiece: Substring?
        if let i = rest.firstIndex(where: { $0 == "rank" || $0 == "--rank" }) {
            guard i + 1 < rest.count, let at = input.text.range(of: " \(rest[i]) ") else { return failure("'\(rest[i])' needs an outcome", word: rest[i], status: .usage) }
            rankPiece = input.text[at.upperBound...]
            rest.removeSubrange(i...)
        }
        var seed: UInt64 = 1
        var bands = "5,25,50,75,95"
        for (word, apply) in [("seed", { (v: String) -> Bool in UInt64(v).map { seed = $0 } != nil }),
                              ("bands", { (v: String) -> Bool in bands = v; return true })] {
            if let i = rest.firstIndex(where: { $0 == word || $0 == "--" + word }) {
                guard i + 1 < rest.count, apply(rest[i + 1]) else { return failure("'\(rest[i])' needs a value", word: rest[i], status: .usage) }
                rest.removeSubrange(i...(i + 1))
            }
        }
        let bandList: [Band]
        switch Band.parseList(bands, option: "bands") {
        case .failure(let e): return failure(e.message, word: bands, status: .usage)
        case .success(let list): bandList = list
        }
        guard case .success(let loaded) = resolve() else { return unresolvedReply() }
        if let rankPiece { return rank(rankPiece, runs: runs, seed: seed, loaded: loaded) }
        let scenario = loaded.scenario
        let o: ViewOptions
        switch ViewOptions.parse(rest, runNames: [], scenario: scenario, locate: location(of:)) {
        case .failure(let p): return failure(p, status: .usage)
        case .success(let parsed): o = parsed
        }
        let dates: MonteCarloRequest.Dates
        switch o.steps(in: scenario.timeline, locate: location(of:)) {
        case .failure(let p): return failure(p, status: .usage)
        case .success(let s): dates = s.map { .steps($0) } ?? .tableColumns(width: env.width)
        }
        let request = MonteCarloRequest(input: loaded, runs: runs, seed: seed, bands: bandList, metric: o.metric, grouping: o.grouping,
                                        dates: dates)
        do throws(OperationError) {
            guard case .bands(let bands) = try request.perform(env.hooks) else { return Reply() }
            var out = MonteCarloReport.render(bands.batch, values: bands.values, as: .table)
            if request.isNominalOnly { out += "note: no parameter is uncertain, so every run is the nominal run\n" }
            if let note = request.passesNote { out += "note: \(note)\n" }
            return Reply(output: out)
        } catch {
            return reply(to: error, of: "montecarlo")
        }
    }

    /// `montecarlo RUNS … rank OUTCOME`: the batch's runs read for a rank regression.
    private func rank(_ piece: Substring, runs: Int, seed: UInt64, loaded: ScenarioLoader.Loaded) -> Reply {
        // A quoted outcome, as on the command line, reads the same.
        let quote: Set<Character> = ["\"", "'"]
        var text = piece.trimmingCharacters(in: .whitespaces)[...]
        if let f = text.first, quote.contains(f), text.last == f, text.count > 1 { text = text.dropFirst().dropLast() }
        let outcomePiece = piece.range(of: text).map { piece[$0] } ?? piece
        let outcome: ScenarioOutcome
        do throws(ScenarioError) { outcome = try ScenarioOutcome.parse(String(outcomePiece), in: loaded.scenario, source: "outcome") } catch {
            return Reply(error: render(placed(error, source: "outcome", piece: outcomePiece)), failed: true, status: .usage)
        }
        do throws(OperationError) {
            let ranked = try RankRegressionRequest(input: loaded, runs: runs, seed: seed, outcome: outcome).perform(env.hooks)
            return Reply(output: RankRegressionReport.table(ranked))
        } catch {
            return reply(to: error, of: "montecarlo")
        }
    }
}
