/// Which uncertain parameters move an outcome most: Morris elementary effects, for ranking,
/// or one parameter at a time at its 10th and 90th percentiles, for showing.
///
/// Morris (1991), as Campolongo et al. (2007) use it: each parameter takes `levels` values,
/// its distribution's quantiles at (j + ½)/levels, so a step is the same share of likelihood
/// for every parameter whatever its unit. A trajectory starts at a random level of each
/// parameter and moves them one at a time, in a random order, by half the levels (up from
/// the lower half, down from the upper): k + 1 runs give one elementary effect per
/// parameter, the outcome's change for that move. μ* is the mean of the effects' sizes (how
/// much the parameter matters), σ their standard deviation (how much that depends on the
/// others: interaction or curvature). Trajectory `t` draws from the stream seeded with
/// `seed + t`, so the same seed gives the same trajectories on any number of threads.
public struct Sensitivity: Sendable {
    public enum Method: String, Sendable, CaseIterable {
        case morris, oat
    }

    /// What is varied: the uncertain parameters over their distributions, or every plain
    /// figure tagged as an assumption over ±`spread` of its value (uniformly, clipped to what
    /// its place accepts), one-at-a-time at the two ends.
    public enum Factors: Sendable, Equatable {
        case parameters
        case assumptions(spread: Double)
    }

    /// A parameter's Morris statistics over the trajectories asked for.
    public struct Effect: Sendable, Equatable {
        public var name: String
        package var muStar: Double
        package var sigma: Double
        /// The 2.5th and 97.5th percentiles of μ* over bootstrap resamples of the trajectories.
        public var interval: ClosedRange<Double>
        /// 1 for the largest μ*.
        public var rank: Int
        /// Its rank over twice the trajectories; a rank that differs says the ranking is not settled.
        package var rankDoubled: Int
        package var isUnstable: Bool { rank != rankDoubled }
    }

    /// A parameter set alone to its 10th and its 90th percentile (an assumption to its two
    /// ends), the others at their nominal values.
    public struct Swing: Sendable, Equatable {
        public var name: String
        public var low: Double
        public var high: Double
        public var outcomeLow: Double
        public var outcomeHigh: Double
        public var width: Double { abs(outcomeHigh - outcomeLow) }
    }

    public var scenario: ResolvedScenario
    public var outcome: ScenarioOutcome
    public var method: Method
    public var factors: Factors
    /// Assumed figures left out: their value is 0, which no share of it moves.
    public var unvaried: [String] = []
    /// The outcome of the nominal run.
    public var nominal: Double
    public var trajectories: Int
    public var seed: UInt64
    public static let levels = 4
    package static let bootstrapResamples = 1_000
    /// Ranked by μ*, largest first (Morris).
    public var effects: [Effect]
    /// Ranked by width, widest first (one-at-a-time).
    public var swings: [Swing]
    /// Runs made.
    public var runs: Int
}
