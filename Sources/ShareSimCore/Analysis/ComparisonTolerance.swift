/// How much two runs may differ before `compare` calls them different, read from the words
/// a person types: `0.5%` or `0.005` (a fraction of the market, as in scenarios). One rule
/// for `sharesim compare --tolerance` and the REPL's `compare … --tolerance`.
public enum ComparisonTolerance {
    /// A tolerance that parsed but cannot be meant: negative, in another unit, or a bare
    /// number above 1 (points written without their `%`).
    public struct Refusal: Error, Sendable {
        public var message: String
        public var help: String?
    }

    /// The tolerance as a share difference; `option` names it in messages (`--tolerance`).
    /// Throws `ScenarioError` for text that is no value, `Refusal` for a value that cannot be meant.
    public static func parse(_ text: String, option: String = "--tolerance") throws -> Double {
        let q = try ValueText.parse(text, source: option)
        guard q.unit == .percent || q.unit == .plain, q.value >= 0 else {
            throw Refusal(message: "\(option) takes a non-negative share difference, e.g. 0.5% or 0.005, not \(text)")
        }
        // Above 1 a bare number would allow more than the whole market: surely points
        // written without their '%'.
        guard q.unit == .percent || q.value <= 1 else {
            throw Refusal(message: "\(option) \(text) would allow \(NumberText.fixed(q.value * 100, decimals: 0)) percentage points: "
                                   + "a bare number is a fraction of the market",
                          help: "for \(text) points write \(option) \(text)%")
        }
        return q.value
    }
}
