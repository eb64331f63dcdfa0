extension Resolver {
    /// An outcome parsed on its own (`Parser.parseOutcome`), resolved against a scenario
    /// as its own `expect` lines are, so names, dates and units mean the same.
    static func resolveOutcome(_ s: ExpectStatement, in scenario: ResolvedScenario, file: SourceFile) throws(ScenarioError) -> Expectation {
        let sources = [file.path: file]
        var diagnostics: [Diagnostic] = []
        // Segments first, so that a misspelt one gets the scenario's names as suggestions.
        let names = scenario.segments.map(\.id)
        for n in s.segments where !names.contains(n.text) {
            diagnostics.append(Diagnostic(.error, "unknown segment '\(n.text)'", at: n.location,
                                          help: [Suggestions.didYouMean(n.text, in: names) ?? "segments are: \(names.joined(separator: ", "))"]))
        }
        if !diagnostics.isEmpty { throw ScenarioError(diagnostics, sources: sources) }
        var resolver = Resolver { _, _ in .failure(ScenarioError([], sources: [:])) }
        resolver.timeline = (scenario.timeline, s.location)
        let e = resolver.buildExpectation(s, scenario: scenario)
        if resolver.diagnostics.hasErrors || e == nil {
            throw ScenarioError(resolver.diagnostics.items.filter { $0.severity == .error }, sources: sources)
        }
        return e!
    }
}
