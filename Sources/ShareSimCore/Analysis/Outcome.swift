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
        let (statement, file) = try OutcomeSyntax.parse(text, source: source, target: false)
        let e = try OutcomeSyntax.resolve(statement, in: scenario, file: file)
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

/// A calibration target: an outcome and the value it should have,
/// `installed share origin CN, HK in chips at 2023-01 = 85%`.
public struct OutcomeTarget: Sendable {
    public var outcome: ScenarioOutcome
    /// In model terms (85% is 0.85).
    public var value: Double
    /// The value as written.
    public var valueText: String

    public static func parse(_ text: String, in scenario: ResolvedScenario, source: String = "target") throws(ScenarioError) -> OutcomeTarget {
        let (statement, file) = try OutcomeSyntax.parse(text, source: source, target: true)
        let e = try OutcomeSyntax.resolve(statement, in: scenario, file: file)
        let left = text.split(separator: "=", maxSplits: 1).first.map(String.init) ?? text
        return OutcomeTarget(outcome: ScenarioOutcome(text: left.trimmingSpaces(), expectation: e), value: e.value,
                             valueText: statement.value.text)
    }
}

/// Reading outcomes with the scenario language's parser and resolver.
enum OutcomeSyntax {
    static func parse(_ text: String, source: String, target: Bool) throws(ScenarioError) -> (ExpectStatement, SourceFile) {
        let file = SourceFile(path: source, text: text)
        var parser = Parser(file)
        var statement: ExpectStatement?
        do { statement = try parser.parseOutcome(target: target) } catch {}
        if !parser.diagnostics.isEmpty || statement == nil {
            throw ScenarioError(parser.diagnostics, sources: [source: file])
        }
        return (statement!, file)
    }

    static func resolve(_ s: ExpectStatement, in scenario: ResolvedScenario, file: SourceFile) throws(ScenarioError) -> Expectation {
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

extension Parser {
    /// An outcome: what an `expect` line measures, without the keyword; with `target`,
    /// followed by `= VALUE`. A level is read at one date, a growth rate between two.
    mutating func parseOutcome(target: Bool) throws -> ExpectStatement {
        let first = peek
        let example = target ? "installed share origin CN, HK in chips at 2023-01 = 85%" : "installed share origin CN, HK in chips at 2023-01"
        let m = try parseMeasure(example: example, growthExample: "sales growth Huawei from 2014 to 2019", rangeExample: nil)
        var value = Quantity(value: 0, unit: .plain, text: "0", location: location(of: first))
        if !target, case .symbol(let sym) = peek.kind, Comparison(rawValue: sym) != nil {
            throw fail("an outcome names a figure; it has no comparison", at: peek,
                       help: "write only what to measure, e.g. \(example)")
        }
        if target {
            if !acceptSymbol("=") {
                let help = isSymbol("<") || isSymbol("<=") || isSymbol(">") || isSymbol(">=")
                    ? "a target is an equality: the value the outcome should have, e.g. \(example)" : example
                throw fail("expected '= VALUE' after the outcome, found \(peek.display)", at: peek, help: help)
            }
            value = try parseQuantity(context: "for the target")
        }
        try expectEndOfStatement()
        return ExpectStatement(metric: m.metric, selector: m.selector, buyer: m.buyer, segments: m.segments, from: m.from, to: m.to,
                               comparison: target ? .equal : .greaterOrEqual, value: value, tolerance: nil,
                               location: location(of: first), tag: nil, text: file.lineText(1).trimmingSpaces())
    }
}
