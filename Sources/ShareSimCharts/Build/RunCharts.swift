import ShareSimCore

/// The one entry point for charts of runs, which the command line, the REPL and the
/// report share: a kind, the runs and the view in, a chart out. Each driver only turns its
/// words into these values.
public enum RunCharts {
    public enum Kind: String, Sendable, CaseIterable {
        case lines, area, compare, fan

        /// What a chart of `count` runs is when no kind is asked for.
        public static func `default`(runs count: Int) -> Kind { count == 2 ? .compare : .lines }
    }

    /// How a fan's Monte Carlo batch is drawn.
    public struct FanSettings: Sendable {
        public var runs: Int
        public var seed: UInt64
        public var bands: [Band]
        public init(runs: Int = 1000, seed: UInt64 = 1, bands: [Band] = FanSettings.defaultBands) {
            self.runs = runs
            self.seed = seed
            self.bands = bands
        }
        public static let defaultBands = ["5", "25", "50", "75", "95"].compactMap { Band($0) }
    }

    public static func make(_ kind: Kind, runs: [(name: String, result: RunResult)], view: ChartView, fan: FanSettings = FanSettings(),
                            threads: Int = ParallelWork.defaultThreads, hooks: OperationHooks = .none) throws(OperationError) -> Chart {
        let wanted = kind == .compare ? 2 : 1
        guard runs.count == wanted else {
            throw refusal(Diagnostic(.error, "a \(kind.rawValue) chart takes \(wanted == 2 ? "two runs" : "one run"), not \(runs.count)", at: nil,
                                      help: [wanted == 2 ? "give two scenarios (A and B)" : "give one scenario, or --kind compare for two"]))
        }
        let made: Result<Chart, Diagnostic>
        switch kind {
        case .fan: return try fanChart(runs[0].result.scenario, view: view, fan: fan, threads: threads, hooks: hooks)
        case .lines: made = Result { () throws(Diagnostic) in try TimeChart.make(.lines, run: runs[0].result, view: view) }
        case .area: made = Result { () throws(Diagnostic) in try TimeChart.make(.area, run: runs[0].result, view: view) }
        case .compare:
            made = Result { () throws(Diagnostic) in
                try CompareChart.make((runs[0].name, runs[0].result), (runs[1].name, runs[1].result), view: view)
            }
        }
        return try made.mapError(refusal).get()
    }

    /// A fan of the scenario's uncertain parameters: the batch is `MonteCarloRequest`'s, at every step.
    private static func fanChart(_ s: ResolvedScenario, view: ChartView, fan: FanSettings, threads: Int,
                                 hooks: OperationHooks) throws(OperationError) -> Chart {
        guard s.parameters.contains(where: \.isUncertain) else {
            throw refusal(Diagnostic(.error, "\(s.name) has no uncertain parameter: every Monte Carlo run would be the same", at: nil,
                                     help: ["give a parameter a distribution, e.g. param leakage ~ triangular(3%, 6.5%, 10%)"]))
        }
        let request = MonteCarloRequest(input: ScenarioLoader.Loaded(scenario: s, warnings: [], sources: [:]), runs: fan.runs, seed: fan.seed,
                                        bands: fan.bands, metric: view.metric, grouping: view.grouping, dates: .everyStep, threads: threads)
        switch try request.perform(hooks) {
        case .bands(let bands):
            do { return try FanChart.make(s, bands, view: view) } catch { throw refusal(error) }
        case .shardWritten, .shardAlreadyComplete:
            // A request without a shard gives the whole batch's bands.
            throw refusal(Diagnostic(.error, "a fan chart needs the whole batch's bands, not a shard", at: nil))
        }
    }

    /// What the chart's words ask for cannot be drawn: a usage error, as the operations say it.
    static func refusal(_ d: Diagnostic) -> OperationError {
        .refused(ScenarioError([d], sources: [:]), status: ExitStatus.usage)
    }
}
