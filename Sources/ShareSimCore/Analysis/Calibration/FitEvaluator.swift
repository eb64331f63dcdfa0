/// What Levenberg–Marquardt calls for a scenario: runs it at each point of a batch (values of
/// `names`, in order), in parallel, and gives each run's residuals. One type for every
/// least-squares fit of a scenario (to `--target`s, to its observations, along a profile),
/// so they set parameters, count runs and report a run's problems alike.
final class FitEvaluator {
    let scenario: ResolvedScenario
    let names: [String]
    let threads: Int
    let isCancelled: (@Sendable () -> Bool)?
    /// A run's residuals, read while its memory is still the workspace's.
    let residuals: @Sendable (RunResult) -> [Double]
    /// Values appended to every point, for parameters held while the others are fitted
    /// (a profile's): `names` ends with theirs.
    var held: [Double] = []
    /// Runs made so far.
    private(set) var runs = 0

    init(_ scenario: ResolvedScenario, names: [String], threads: Int, isCancelled: (@Sendable () -> Bool)?,
         residuals: @escaping @Sendable (RunResult) -> [Double]) {
        self.scenario = scenario
        self.names = names
        self.threads = threads
        self.isCancelled = isCancelled
        self.residuals = residuals
    }

    func callAsFunction(_ points: [[Double]]) throws(OperationError) -> [[Double]] {
        runs += points.count
        let (scenario, names, isCancelled, residuals) = (self.scenario, self.names, self.isCancelled, self.residuals)
        let full = points.map { $0 + held }
        let results = ParallelWork.map(count: points.count, threads: threads, worker: { EngineWorkspace() }) { workspace, k in
            SweepJob.evaluate(scenario, setting: Array(zip(names, full[k])), workspace: workspace, isCancelled: isCancelled, read: residuals)
        }
        return try results.map { r throws(OperationError) in
            switch r {
            case .value(let found): return found
            case .invalid(let d): throw .invalid(d)
            case .cancelled: throw .cancelled
            }
        }
    }

    /// Minimises the sum of squared residuals from `start` within `bounds`.
    func leastSquares(start: [Double], bounds: [ClosedRange<Double>]) throws(OperationError) -> Solver.LeastSquares {
        do {
            return try Solver.leastSquares(start: start, lower: bounds.map(\.lowerBound), upper: bounds.map(\.upperBound)) { points in
                try self(points)
            }
        } catch let failure as OperationError {
            throw failure
        } catch Solver.LeastSquaresFailure.undefinedAtStart {
            throw .invalid(Diagnostic(.error, "an outcome is undefined at the starting values", at: nil,
                                      help: ["a growth rate needs sales at its first date"]))
        } catch {
            throw .invalid(Diagnostic(.error, "\(error)", at: nil))
        }
    }

    /// One run at `values`, for what a fit reports beside its residuals.
    func run(at values: [Double]) throws(OperationError) -> RunResult {
        if let isCancelled, isCancelled() { throw .cancelled }
        runs += 1
        let s: ResolvedScenario
        do { s = try SweepJob.scenario(scenario, setting: Array(zip(names, values + held))) } catch { throw .invalid(error) }
        return try Engine.run(s, isCancelled: isCancelled)
    }
}
