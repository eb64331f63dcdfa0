/// How far `sensitivity --assumptions` moves each assumed figure, as a user writes it: `20%`
/// (of the figure's own value, either way) or the fraction `0.2`.
public enum AssumptionSpread {
    /// ±20%, unless told.
    public static let standard = 0.2

    /// The spread `text` asks for; `source` names it in diagnostics (`--by`), which point at
    /// the value. Below 100%, since a figure moved by all of its value reaches zero, where a
    /// share or a lifetime no longer means anything.
    public static func parse(_ text: String, source: String) throws(ScenarioError) -> Double {
        let q = try ValueText.parse(text, source: source)
        let sources = [source: SourceFile(path: source, text: text)]
        func refuse(_ message: String, help: String) -> ScenarioError {
            ScenarioError([Diagnostic.error(message, at: q.location, help: help)], sources: sources)
        }
        guard q.unit == .percent || q.unit == .plain else {
            throw refuse("\(source) takes a percentage of each figure's value, not \(q.text)", help: "write e.g. \(source) 20%")
        }
        // A bare number is a fraction, as in scenarios; above 1 it is surely a percentage
        // written without its '%'.
        guard q.unit == .percent || q.value <= 1 else {
            throw refuse("\(source) \(q.text) would move each figure by \(NumberText.fixed(q.value * 100, decimals: 0))% of its value: "
                         + "a bare number is a fraction", help: "for \(q.text)% write \(source) \(q.text)%")
        }
        guard q.value > 0, q.value < 1 else {
            throw refuse("\(source) takes a spread above 0% and below 100%, not \(q.text)",
                         help: "20% moves each figure from 80% to 120% of its value: \(source) 20%")
        }
        return q.value
    }
}
