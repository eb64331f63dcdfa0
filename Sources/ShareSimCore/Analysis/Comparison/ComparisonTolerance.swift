/// The tolerance of a comparison as a user writes it: a share difference, `0.5%` (half a
/// percentage point) or `0.005`.
public enum ComparisonTolerance {
    /// The difference `text` allows; `source` names it in diagnostics (`--tolerance`).
    public static func parse(_ text: String, source: String) throws(ScenarioError) -> Double {
        let q = try ValueText.parse(text, source: source)
        guard q.unit == .percent || q.unit == .plain, q.value >= 0 else {
            throw refusal("\(source) takes a non-negative share difference, e.g. 0.5% or 0.005, not \(text)")
        }
        // A bare number is a fraction, as in scenarios; above 1 it would allow more than
        // the whole market, so it is surely points written without their '%'.
        guard q.unit == .percent || q.value <= 1 else {
            throw refusal("\(source) \(text) would allow \(NumberText.fixed(q.value * 100, decimals: 0)) percentage points: "
                          + "a bare number is a fraction of the market", help: "for \(text) points write \(source) \(text)%")
        }
        return q.value
    }

    private static func refusal(_ message: String, help: String? = nil) -> ScenarioError {
        ScenarioError([Diagnostic.error(message, at: nil, help: help)], sources: [:])
    }
}
