/// One parameter's profile: the least weighted sum of squares with it held at a value, the
/// other parameters fitted again from the best fit (so every point starts alike, whatever
/// order the search visits it in).
final class ProfileSearch {
    let evaluate: FitEvaluator
    let j: Int
    let others: [Int]
    let start: [Double]
    let bounds: [ClosedRange<Double>]

    init(scenario: ResolvedScenario, fitted: FittedParameters, best: [Double], j: Int, isCancelled: (@Sendable () -> Bool)?,
         residuals: @escaping @Sendable (RunResult) -> [Double]) {
        self.j = j
        others = fitted.names.indices.filter { $0 != j }
        start = others.map { best[$0] }
        bounds = others.map { fitted.bounds[$0] }
        // Parameter j last, its value held: the solver moves only the others.
        evaluate = FitEvaluator(scenario, names: others.map { fitted.names[$0] } + [fitted.names[j]], threads: 1,
                                isCancelled: isCancelled, residuals: residuals)
    }

    var runs: Int { evaluate.runs }

    func sumOfSquares(at x: Double) throws(OperationError) -> Double {
        evaluate.held = [x]
        do {
            if others.isEmpty { return Solver.sumOfSquares(try evaluate([[]])[0]) }
            return try evaluate.leastSquares(start: start, bounds: bounds).cost
        } catch {
            // A point the model cannot run, or where an observed figure is undefined, is
            // outside any interval.
            if case .cancelled = error { throw error }
            return .infinity
        }
    }
}
