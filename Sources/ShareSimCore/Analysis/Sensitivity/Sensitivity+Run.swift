extension Sensitivity {
    /// The analysis of `outcome` over every uncertain parameter of `scenario`, or over its
    /// assumed figures.
    static func run(_ scenario: ResolvedScenario, outcome: ScenarioOutcome, method: Method, factors: Factors, trajectories: Int,
                    seed: UInt64, threads: Int, isCancelled: @escaping @Sendable () -> Bool) throws(OperationError) -> Sensitivity {
        let uncertain: [ScenarioParameter], setter: Setter, unvaried: [String]
        switch factors {
        case .parameters:
            uncertain = scenario.parameters.filter(\.isUncertain)
            setter = .parameters
            unvaried = []
            guard !uncertain.isEmpty else {
                throw .invalid(Diagnostic(.error, "'\(scenario.name)' has no uncertain parameter to rank", at: nil,
                                          help: ["give a figure a distribution: param NAME ~ uniform(LOW, HIGH)",
                                                 "or rank the figures tagged [assumption]: --assumptions"]))
            }
        case .assumptions(let spread):
            let figures = scenario.assumptions.filter { $0.nominal != 0 }
            uncertain = figures.map { $0.varied(by: spread) }
            setter = .assumptions(figures)
            unvaried = scenario.assumptions.filter { $0.nominal == 0 }.map(\.label)
            guard !uncertain.isEmpty else {
                throw .invalid(Diagnostic(.error, "'\(scenario.name)' tags no figure as an assumption"
                                          + (unvaried.isEmpty ? "" : " but figures at 0, which a share of their value does not move"), at: nil,
                                          help: ["tag the numbers no source gives: share telecom: Huawei 55% [assumption], Ericsson 45% [seed 001]",
                                                 "or rank the uncertain parameters: leave out --assumptions"]))
            }
        }
        let nominalRun = try evaluate(scenario, points: [[]], setter: setter, outcome: outcome, threads: 1, isCancelled: isCancelled)[0]
        var result = Sensitivity(scenario: scenario, outcome: outcome, method: method, factors: factors, unvaried: unvaried, nominal: nominalRun,
                                 trajectories: trajectories, seed: seed, effects: [], swings: [], runs: 1)
        switch method {
        case .oat:
            // An assumption's range is its two ends; a parameter's, its 10th and 90th percentiles.
            let ends = factors == .parameters ? [0.1, 0.9] : [0.0, 1.0]
            let points = uncertain.flatMap { p in ends.map { [(p.name, p.distribution!.quantile($0, within: p.validRange))] } }
            let values = try evaluate(scenario, points: points, setter: setter, outcome: outcome, threads: threads, isCancelled: isCancelled)
            result.swings = uncertain.enumerated().map { i, p in
                Swing(name: p.name, low: points[2 * i][0].1, high: points[2 * i + 1][0].1, outcomeLow: values[2 * i], outcomeHigh: values[2 * i + 1])
            }
            // Widest first; ties in declaration order.
            result.swings = result.swings.enumerated().sorted { ($1.element.width, $0.offset) < ($0.element.width, $1.offset) }.map(\.element)
            result.runs += points.count
        case .morris:
            let designs = (0..<(2 * trajectories)).map { trajectory(uncertain, seed: seed, index: $0) }
            let values = try evaluate(scenario, points: designs.flatMap(\.points), setter: setter, outcome: outcome, threads: threads,
                                      isCancelled: isCancelled)
            let k = uncertain.count
            // effects[t][i]: trajectory t's elementary effect of parameter i.
            let effects = designs.indices.map { t in
                var e = [Double](repeating: 0, count: k)
                for step in 0..<k {
                    let (parameter, direction) = designs[t].moves[step]
                    e[parameter] = direction * (values[t * (k + 1) + step + 1] - values[t * (k + 1) + step])
                }
                return e
            }
            let asked = Array(effects[0..<trajectories])
            let muStar = (0..<k).map { i in asked.map { abs($0[i]) }.reduce(0, +) / Double(trajectories) }
            let muStarDoubled = (0..<k).map { i in effects.map { abs($0[i]) }.reduce(0, +) / Double(effects.count) }
            let ranks = rank(muStar), ranksDoubled = rank(muStarDoubled)
            let intervals = bootstrap(asked, seed: seed)
            result.effects = (0..<k).map { i in
                let mean = asked.map { $0[i] }.reduce(0, +) / Double(trajectories)
                let variance = trajectories > 1 ? asked.map { ($0[i] - mean) * ($0[i] - mean) }.reduce(0, +) / Double(trajectories - 1) : 0
                return Effect(name: uncertain[i].name, muStar: muStar[i], sigma: variance.squareRoot(), interval: intervals[i],
                              rank: ranks[i], rankDoubled: ranksDoubled[i])
            }.sorted { $0.rank < $1.rank }
            result.runs += values.count
        }
        return result
    }

    /// One trajectory: the k + 1 points it runs, and for each move the parameter moved and
    /// whether it went up (+1) or down (−1).
    static func trajectory(_ uncertain: [ScenarioParameter], seed: UInt64, index: Int) -> (points: [[(String, Double)]], moves: [(Int, Double)]) {
        var rng = Xoshiro256StarStar(batchSeed: seed, run: UInt64(index))
        let k = uncertain.count, half = levels / 2
        var level = (0..<k).map { _ in Int(truncatingIfNeeded: rng.next().multipliedFullWidth(by: UInt64(levels)).high) }
        var order = Array(0..<k)
        // Fisher–Yates, from the same stream.
        for i in stride(from: k - 1, to: 0, by: -1) {
            order.swapAt(i, Int(truncatingIfNeeded: rng.next().multipliedFullWidth(by: UInt64(i + 1)).high))
        }
        func point() -> [(String, Double)] {
            (0..<k).map { i in
                let p = uncertain[i]
                return (p.name, p.distribution!.quantile((Double(level[i]) + 0.5) / Double(levels), within: p.validRange))
            }
        }
        var points = [point()], moves: [(Int, Double)] = []
        for i in order {
            let up = level[i] < half
            level[i] += up ? half : -half
            moves.append((i, up ? 1 : -1))
            points.append(point())
        }
        return (points, moves)
    }

    /// 1 for the largest value; ties share the better rank.
    static func rank(_ values: [Double]) -> [Int] {
        values.map { v in 1 + values.filter { $0 > v }.count }
    }

    /// Per parameter, the 95% percentile interval of μ* over resamples of the trajectories
    /// drawn with replacement from a stream of their own (the seed's stream at run 2^62).
    static func bootstrap(_ effects: [[Double]], seed: UInt64) -> [ClosedRange<Double>] {
        let r = effects.count, k = effects.first?.count ?? 0
        var rng = Xoshiro256StarStar(batchSeed: seed, run: 1 << 62)
        var samples = [[Double]](repeating: [], count: k)
        for _ in 0..<bootstrapResamples {
            var sums = [Double](repeating: 0, count: k)
            for _ in 0..<r {
                let t = Int(truncatingIfNeeded: rng.next().multipliedFullWidth(by: UInt64(r)).high)
                for i in 0..<k { sums[i] += abs(effects[t][i]) }
            }
            for i in 0..<k { samples[i].append(sums[i] / Double(r)) }
        }
        let bands = [Band("2.5")!, Band("97.5")!]
        return samples.map { s in
            let ends = Percentile.nearestRank(s, bands)
            return ends[0]...ends[1]
        }
    }

    /// How a point's values reach the scenario.
    enum Setter: Sendable {
        /// As a sweep sets parameters (`ResolvedScenario.setting`).
        case parameters
        /// As `ResolvedScenario.varying` sets these figures, named by their labels.
        case assumptions([AssumedFigure])

        func scenario(_ base: ResolvedScenario, _ point: [(String, Double)]) throws(Diagnostic) -> ResolvedScenario {
            switch self {
            case .parameters:
                return try SweepJob.scenario(base, setting: point)
            case .assumptions(let figures):
                let set = point.map { name, _ in figures.first { $0.label == name }! }
                return try base.varying(set, to: point.map(\.1))
            }
        }
    }

    /// The outcome at each point (its factors set, the rest nominal), in order, on `threads` threads.
    static func evaluate(_ scenario: ResolvedScenario, points: [[(String, Double)]], setter: Setter, outcome: ScenarioOutcome, threads: Int,
                         isCancelled: @escaping @Sendable () -> Bool) throws(OperationError) -> [Double] {
        let results = ParallelWork.map(count: points.count, threads: threads, worker: { EngineWorkspace() }) { workspace, index -> SweepJobResult in
            SweepJob.evaluate(scenario, workspace: workspace, isCancelled: isCancelled,
                              making: { base throws(Diagnostic) in try setter.scenario(base, points[index]) },
                              read: { [outcome.value(in: $0)] }).map { $0[0] }
        }
        var values: [Double] = []
        for r in results {
            switch r {
            case .value(let x): values.append(x)
            case .invalid(let d): throw .refused(ScenarioError([d], sources: [:]), status: ExitStatus.dataError)
            case .cancelled: throw .cancelled
            }
        }
        return values
    }
}
