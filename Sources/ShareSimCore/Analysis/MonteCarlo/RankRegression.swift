/// Standardised rank-regression coefficients (SRRC) of an outcome on the parameters a Monte
/// Carlo batch drew (Saltelli et al., *Sensitivity Analysis in Practice*, 2004, §1.2.5).
///
/// Each parameter's draws and the outcome's values are replaced by their ranks (ties share
/// the mean of their ranks), the ranks are standardised, and the outcome's are regressed on
/// the parameters' by least squares. A coefficient says by how many standard deviations the
/// outcome's rank moves when that parameter's moves by one, the others held: its sign is the
/// direction, its size the importance. Ranks make this hold for any monotone response, not
/// only a straight line. R² says how much of the outcome's rank the parameters' explain
/// together: below 0.7 the response is not monotone enough for the coefficients to rank by.
///
/// Written here rather than taken from a package: none of the listed ones fits a regression,
/// and k is small (the uncertain parameters), so normal equations solved by Gaussian
/// elimination with partial pivoting are accurate enough and need k² numbers.
public struct RankRegression: Sendable, Equatable {
    public struct Coefficient: Sendable, Equatable {
        public var parameter: String
        public var srrc: Double
        /// True when every run drew the same value: no rank to regress on, its SRRC is 0.
        public var isConstant: Bool
    }

    /// Largest |SRRC| first; ties in declaration order.
    public var coefficients: [Coefficient]
    public var rSquared: Double
    public var runs: Int

    /// Below this R², the ranking is not to be trusted.
    public static let trustedRSquared = 0.7

    /// Besides the draws and the outcome, ranking holds this many columns of runs at once
    /// (an order, ranks, standardised ranks, the outcome's standardised ranks).
    public static let scratchColumns = 4

    public var isTrusted: Bool { rSquared >= Self.trustedRSquared }

    /// The regression of `outcome` on `columns` (one per parameter, named by `names`, each as
    /// long as `outcome`). Sums run in run order, so the result is the same bits however the
    /// values were computed. Needs more runs than parameters plus one. Each column is
    /// replaced by its ranks in turn, so that at most `scratchColumns` more are held at once.
    public static func fit(names: [String], columns: consuming [[Double]], outcome: [Double]) -> RankRegression {
        let n = outcome.count, k = columns.count
        precondition(names.count == k && columns.allSatisfy { $0.count == n } && n > k + 1, "a rank regression needs more runs than parameters plus one")
        let y = standardisedRanks(outcome)
        var xs: [[Double]?] = []
        var rest = columns
        // Last first, so that each column is released as soon as its ranks are made.
        while let column = rest.popLast() { xs.append(standardisedRanks(column)) }
        xs.reverse()
        let used = (0..<k).filter { xs[$0] != nil }
        // The correlations of the standardised ranks: Rxx β = Rxy.
        var a = used.map { i in used.map { j in dot(xs[i]!, xs[j]!) } }
        var b = used.map { i in y.map { dot(xs[i]!, $0) } ?? 0 }
        let beta = y == nil ? [Double](repeating: 0, count: used.count) : solve(&a, &b)
        let yy = y.map { dot($0, $0) } ?? 0
        let rxy = used.map { i in y.map { dot(xs[i]!, $0) } ?? 0 }
        let r2 = yy > 0 ? zip(beta, rxy).reduce(0) { $0 + $1.0 * $1.1 } / yy : 0
        var srrc = [Double](repeating: 0, count: k)
        for (m, i) in used.enumerated() { srrc[i] = beta[m] }
        let coefficients = (0..<k).map { Coefficient(parameter: names[$0], srrc: srrc[$0], isConstant: xs[$0] == nil) }
        let order = coefficients.indices.sorted { (abs(coefficients[$1].srrc), $0) < (abs(coefficients[$0].srrc), $1) }
        return RankRegression(coefficients: order.map { coefficients[$0] }, rSquared: r2, runs: n)
    }

    /// The values' ranks (1 for the smallest; ties share their mean rank), less their mean,
    /// divided by their standard deviation; nil when every value is the same.
    static func standardisedRanks(_ values: [Double]) -> [Double]? {
        let r = ranks(values)
        let n = Double(values.count), mean = (n + 1) / 2
        var ss = 0.0
        for x in r { ss += (x - mean) * (x - mean) }
        guard ss > 0 else { return nil }
        let sd = (ss / n).squareRoot()
        return r.map { ($0 - mean) / sd }
    }

    /// Ranks from 1, ties given the mean of the ranks they span.
    package static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { (values[$0], $0) < (values[$1], $1) }
        var out = [Double](repeating: 0, count: values.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count, values[order[j + 1]] == values[order[i]] { j += 1 }
            let shared = Double(i + j) / 2 + 1
            for m in i...j { out[order[m]] = shared }
            i = j + 1
        }
        return out
    }

    /// The mean of the products: with standardised ranks, a correlation.
    private static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var s = 0.0
        for i in a.indices { s += a[i] * b[i] }
        return s / Double(a.count)
    }

    /// Solves a·x = b by Gaussian elimination with partial pivoting; a pivot of nothing (a
    /// parameter that is a combination of others, which independent draws do not make) gives 0.
    private static func solve(_ a: inout [[Double]], _ b: inout [Double]) -> [Double] {
        let k = b.count
        for c in 0..<k {
            let p = (c..<k).max { abs(a[$0][c]) < abs(a[$1][c]) }!
            a.swapAt(c, p)
            b.swapAt(c, p)
            guard abs(a[c][c]) > 1e-12 else { continue }
            for r in (c + 1)..<max(c + 1, k) {
                let f = a[r][c] / a[c][c]
                for j in c..<k { a[r][j] -= f * a[c][j] }
                b[r] -= f * b[c]
            }
        }
        var x = [Double](repeating: 0, count: k)
        for c in stride(from: k - 1, through: 0, by: -1) {
            guard abs(a[c][c]) > 1e-12 else { continue }
            var s = b[c]
            for j in (c + 1)..<max(c + 1, k) { s -= a[c][j] * x[j] }
            x[c] = s / a[c][c]
        }
        return x
    }
}
