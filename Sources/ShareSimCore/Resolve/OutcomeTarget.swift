/// A calibration target: an outcome and the value it should have,
/// `installed share origin CN, HK in chips at 2023-01 = 85%`.
public struct OutcomeTarget: Sendable {
    public var outcome: ScenarioOutcome
    /// In model terms (85% is 0.85).
    public var value: Double
    /// The value as written.
    package var valueText: String

    public static func parse(_ text: String, in scenario: ResolvedScenario, source: String = "target") throws(ScenarioError) -> OutcomeTarget {
        let (statement, file) = try Parser.parseOutcome(text, source: source, target: true)
        let e = try Resolver.resolveOutcome(statement, in: scenario, file: file)
        let left = text.split(separator: "=", maxSplits: 1).first.map(String.init) ?? text
        return OutcomeTarget(outcome: ScenarioOutcome(text: left.trimmingSpaces(), expectation: e), value: e.value,
                             valueText: statement.value.text)
    }
}
