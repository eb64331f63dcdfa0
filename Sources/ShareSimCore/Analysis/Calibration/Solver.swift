/// The numerical methods of calibration, on plain functions: bisection for one unknown,
/// Levenberg–Marquardt least squares for several. Both are deterministic: the same
/// function gives the same evaluations in the same order, hence the same bits.
package enum Solver {
    // MARK: bisection

    /// At most this many halvings…
    package static let bisectionMaxIterations = 60
    /// …stopping once the bracket is narrower than this fraction of its first width
    /// (after 40 halvings, since 2⁻⁴⁰ ≈ 9.1e-13).
    package static let bisectionRelativeWidth = 1e-12

    package struct Bisection: Sendable {
        /// The end of the final bracket where |f| is smaller (an exact root if one was hit).
        package var root: Double
        /// f at `root`.
        package var residual: Double
        /// The final bracket.
        package var low: Double
        package var high: Double
        /// Halvings done, and evaluations of f (two for the ends, one per halving).
        package var iterations: Int
        package var evaluations: Int
    }

    /// Why bisection could not start.
    package enum BisectionFailure: Error, Sendable, Equatable {
        /// f has the same sign at both ends (values given), so the bracket need not hold a root.
        case noRoot(low: Double, high: Double, fLow: Double, fHigh: Double)
        /// f is not a number at this point.
        case undefined(at: Double)
    }

    /// Finds x in [low, high] with f(x) = 0 by bisection. The signs of f at the two ends
    /// must differ (or f vanish at one of them); f need not be monotonic, only continuous.
    /// f's own errors pass through unchanged. `relativeWidth` is where halving stops, as a
    /// fraction of the first width: a profile interval's end needs far fewer digits than a
    /// fitted value, and each of its evaluations is a fit of its own.
    package static func bisect(low: Double, high: Double, relativeWidth: Double = bisectionRelativeWidth,
                              _ f: (Double) throws -> Double) throws -> Bisection {
        var lo = min(low, high), hi = max(low, high)
        var fLo = try f(lo)
        if fLo.isNaN { throw BisectionFailure.undefined(at: lo) }
        if fLo == 0 { return Bisection(root: lo, residual: 0, low: lo, high: lo, iterations: 0, evaluations: 1) }
        var fHi = try f(hi)
        if fHi.isNaN { throw BisectionFailure.undefined(at: hi) }
        if fHi == 0 { return Bisection(root: hi, residual: 0, low: hi, high: hi, iterations: 0, evaluations: 2) }
        guard (fLo < 0) != (fHi < 0) else { throw BisectionFailure.noRoot(low: lo, high: hi, fLow: fLo, fHigh: fHi) }
        let width = hi - lo
        var iterations = 0, evaluations = 2
        while iterations < bisectionMaxIterations, hi - lo > relativeWidth * width {
            let mid = lo + (hi - lo) / 2
            if mid <= lo || mid >= hi { break }  // no Double left between the ends
            let fMid = try f(mid)
            evaluations += 1
            iterations += 1
            if fMid.isNaN { throw BisectionFailure.undefined(at: mid) }
            if fMid == 0 { return Bisection(root: mid, residual: 0, low: mid, high: mid, iterations: iterations, evaluations: evaluations) }
            if (fMid < 0) == (fLo < 0) { lo = mid; fLo = fMid } else { hi = mid; fHi = fMid }
        }
        let useLow = abs(fLo) <= abs(fHi)
        return Bisection(root: useLow ? lo : hi, residual: useLow ? fLo : fHi, low: lo, high: hi, iterations: iterations,
                         evaluations: evaluations)
    }

    // MARK: least squares

    package static let leastSquaresMaxIterations = 100

    package struct LeastSquares: Sendable {
        package var values: [Double]
        /// The residuals at `values`.
        package var residuals: [Double]
        /// Σ r², at `values`.
        package var cost: Double
        package var iterations: Int
        package var evaluations: Int
        /// False when the iteration limit was reached before a step stopped improving the fit.
        package var converged: Bool
        /// Which values ended on a bound.
        package var atBound: [Bool]
    }

    package enum LeastSquaresFailure: Error, Sendable, Equatable {
        /// The residuals are not numbers at the starting point.
        case undefinedAtStart([Double])
    }

    /// Minimises Σ rᵢ(p)² over p within [lower, upper] (use ±infinity for no bound) by
    /// Levenberg–Marquardt, with forward-difference derivatives and steps clamped to the
    /// bounds. `evaluate` takes a batch of points and returns their residual vectors in the
    /// same order, so a caller may compute them in parallel: one batch holds the points of
    /// a Jacobian, one per parameter.
    package static func leastSquares(start: [Double], lower: [Double], upper: [Double],
                                    maxIterations: Int = leastSquaresMaxIterations,
                                    evaluate: ([[Double]]) throws -> [[Double]]) throws -> LeastSquares {
        let n = start.count
        precondition(lower.count == n && upper.count == n, "one bound per parameter")
        func clamp(_ p: [Double]) -> [Double] { (0..<n).map { min(max(p[$0], lower[$0]), upper[$0]) } }
        var p = clamp(start)
        var r = try evaluate([p])[0]
        var evaluations = 1
        var cost = sumOfSquares(r)
        if !cost.isFinite { throw LeastSquaresFailure.undefinedAtStart(p) }
        let m = r.count
        var lambda = 1e-3
        var iterations = 0
        var converged = false

        outer: while iterations < maxIterations {
            if cost == 0 { converged = true; break }
            iterations += 1
            // Forward differences, stepping inward at an upper bound.
            var steps = [Double](repeating: 0, count: n)
            var points: [[Double]] = []
            for j in 0..<n {
                var h = 1e-7 * max(abs(p[j]), 1e-2)
                if p[j] + h > upper[j] { h = -h }
                var q = p
                q[j] += h
                steps[j] = q[j] - p[j]
                points.append(q)
            }
            let shifted = try evaluate(points)
            evaluations += n
            var J = [[Double]](repeating: [Double](repeating: 0, count: n), count: m)
            for j in 0..<n {
                for i in 0..<m { J[i][j] = (shifted[j][i] - r[i]) / steps[j] }
            }
            // Normal equations: A = JᵀJ, g = Jᵀr, summed in a fixed order.
            var A = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
            var g = [Double](repeating: 0, count: n)
            for a in 0..<n {
                for b in 0..<n {
                    var s = 0.0
                    for i in 0..<m { s += J[i][a] * J[i][b] }
                    A[a][b] = s
                }
                var s = 0.0
                for i in 0..<m { s += J[i][a] * r[i] }
                g[a] = s
            }
            while true {
                var M = A
                for j in 0..<n { M[j][j] += lambda * max(A[j][j], 1e-12) }
                guard let delta = solve(M, g.map { -$0 }) else {
                    lambda *= 10
                    if lambda > 1e16 { converged = true; break outer }
                    continue
                }
                let candidate = clamp((0..<n).map { p[$0] + delta[$0] })
                if candidate == p { converged = true; break outer }
                let rNew = try evaluate([candidate])[0]
                evaluations += 1
                let costNew = sumOfSquares(rNew)
                if costNew < cost {
                    let small = (0..<n).allSatisfy { abs(candidate[$0] - p[$0]) <= 1e-12 * max(abs(p[$0]), 1e-9) }
                    let flat = cost - costNew <= 1e-15 * cost
                    p = candidate
                    r = rNew
                    cost = costNew
                    lambda = max(lambda / 10, 1e-12)
                    if small || flat || cost == 0 { converged = true; break outer }
                    break
                }
                lambda *= 10
                if lambda > 1e16 { converged = true; break outer }
            }
        }
        return LeastSquares(values: p, residuals: r, cost: cost, iterations: iterations, evaluations: evaluations,
                            converged: converged, atBound: (0..<n).map { p[$0] == lower[$0] || p[$0] == upper[$0] })
    }

    /// Σ r², summed in order; infinity where a residual is not a number, so that a step to
    /// such a point is never taken.
    static func sumOfSquares(_ r: [Double]) -> Double {
        var s = 0.0
        for x in r { s += x * x }
        return s.isNaN ? .infinity : s
    }

    /// Solves M x = b by Gaussian elimination with partial pivoting; nil when M is singular.
    static func solve(_ M: [[Double]], _ b: [Double]) -> [Double]? {
        let n = b.count
        var a = M, x = b
        for col in 0..<n {
            var pivot = col
            for row in (col + 1)..<max(col + 1, n) where abs(a[row][col]) > abs(a[pivot][col]) { pivot = row }
            guard abs(a[pivot][col]) > 0, a[pivot][col].isFinite else { return nil }
            if pivot != col { a.swapAt(pivot, col); x.swapAt(pivot, col) }
            for row in (col + 1)..<max(col + 1, n) {
                let f = a[row][col] / a[col][col]
                if f == 0 { continue }
                for k in col..<n { a[row][k] -= f * a[col][k] }
                x[row] -= f * x[col]
            }
        }
        for col in stride(from: n - 1, through: 0, by: -1) {
            var s = x[col]
            for k in (col + 1)..<max(col + 1, n) { s -= a[col][k] * x[k] }
            x[col] = s / a[col][col]
        }
        return x.allSatisfy(\.isFinite) ? x : nil
    }
}
