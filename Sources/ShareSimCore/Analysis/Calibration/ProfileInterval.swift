/// A fitted parameter's interval from the profile of the sum of squares: the values of the
/// parameter at which the best fit the others can still make, with it held there, is worse
/// than the best fit by the threshold (3.84 for weighted residuals: χ² with one degree of
/// freedom at 95%). Unlike ±2 standard errors from the curvature at the best fit, it follows
/// a nonlinear model's own shape, and so may be lopsided.
package struct ProfileInterval: Sendable, Equatable {
    package struct End: Sendable, Equatable {
        package var value: Double
        /// The search met the parameter's bound before the sum of squares reached the
        /// threshold: the observations do not rule out values beyond it (`≥ bound`).
        package var open: Bool

        package init(value: Double, open: Bool) {
            self.value = value
            self.open = open
        }
    }

    package var low: End
    package var high: End

    /// χ² with one degree of freedom at 95% (1.96²): how far the weighted sum of squares may
    /// rise above its minimum within the interval.
    package static let chiSquare95 = 3.841458820694124

    /// Where halving stops, as a fraction of the bracket: the interval's ends are read to
    /// about six digits, enough for a figure nobody knows to three.
    static let relativeWidth = 1e-6

    /// The interval of parameter `j` around the fit `best` (within `bounds`), where
    /// `ssr(x)` is the profile, the least sum of squares with parameter j held at x.
    /// Throws what `ssr` throws (a cancellation).
    static func search(j: Int, best: [Double], bounds: [ClosedRange<Double>], threshold: Double,
                       ssr: (Double) throws(OperationError) -> Double) throws(OperationError) -> ProfileInterval {
        ProfileInterval(low: try end(from: best[j], toward: bounds[j].lowerBound, threshold: threshold, ssr: ssr),
                        high: try end(from: best[j], toward: bounds[j].upperBound, threshold: threshold, ssr: ssr))
    }

    /// One end: bisection between the fit and the bound, or, toward no bound, between the
    /// last two of steps doubling outward from the fit (at most 60; beyond, the end is open
    /// at infinity).
    package static func end(from x0: Double, toward bound: Double, threshold: Double,
                    ssr: (Double) throws(OperationError) -> Double) throws(OperationError) -> End {
        if x0 == bound { return End(value: bound, open: true) }
        func excess(_ x: Double) throws(OperationError) -> Double {
            let s = try ssr(x)
            return s.isNaN ? .infinity : s - threshold
        }
        var inside = x0, outside: Double
        // A range "open" at an end holds the largest Double there: no bisection's bracket.
        if abs(bound) < 1e300 {
            if try excess(bound) < 0 { return End(value: bound, open: true) }
            outside = bound
        } else {
            let direction: Double = bound > x0 ? 1 : -1
            var step = max(abs(x0), 1e-2) / 2
            var x = x0 + direction * step
            var doublings = 0
            while try excess(x) < 0 {
                doublings += 1
                if doublings > 60 { return End(value: direction * .infinity, open: true) }
                inside = x
                step *= 2
                x = x0 + direction * step
            }
            outside = x
        }
        do {
            let b = try Solver.bisect(low: inside, high: outside, relativeWidth: relativeWidth) { x in try excess(x) }
            return End(value: b.root, open: false)
        } catch let failure as OperationError {
            throw failure
        } catch {
            // The profile is below the threshold at the fit and not below it at `outside`, so
            // bisection has its bracket; this is only reached if the fit itself is undefined.
            return End(value: outside, open: false)
        }
    }
}
