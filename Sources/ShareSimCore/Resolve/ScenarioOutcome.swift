/// One number read off a run, named in the words of an `expect` line's left side:
///
///     installed share origin CN, HK in chips at 2023-01
///     sales share Domestic in telecom at 2022-12
///     sales growth Huawei from 2014-01 to 2019-01
///     installed origin US, EU, CN, RU in cloud at 2019-01
///
/// Sweeps tabulate it and calibration fits parameters to it. It is parsed by the
/// scenario language's own parser and resolved against a scenario, so names, dates and
/// units mean what they mean in a scenario file, with the same diagnostics.
public struct ScenarioOutcome: Sendable {
    /// The outcome as written.
    public var text: String
    /// The outcome as a resolved expectation (its comparison and value are not used).
    public var expectation: Expectation

    public var metric: Metric { expectation.metric }
    /// The step the figure is read at (the end step for a growth rate).
    public var step: Int { expectation.toStep ?? expectation.fromStep }

    /// Parses and resolves an outcome against a scenario. `source` names the text in
    /// diagnostics (e.g. `--outcome`). Levels are read at one date (`at 2023-01`); growth
    /// rates between two (`from 2014 to 2019`).
    public static func parse(_ text: String, in scenario: ResolvedScenario, source: String = "outcome") throws(ScenarioError) -> ScenarioOutcome {
        let (statement, file) = try Parser.parseOutcome(text, source: source, target: false)
        let e = try Resolver.resolveOutcome(statement, in: scenario, file: file)
        return ScenarioOutcome(text: text.trimmingSpaces(), expectation: e)
    }

    /// The figure in a run: a share as a fraction, an amount in the segment's unit, a
    /// growth rate per year. NaN where it is undefined (growth from nothing).
    public func value(in r: RunResult) -> Double {
        ExpectationChecker.check(expectation, in: r).found
    }

    /// `35.2%`, `51.3%/y`, `1.2B`: a value in the outcome's own terms.
    public func describe(_ x: Double) -> String {
        ExpectationChecker.describe(x, for: expectation)
    }
}
