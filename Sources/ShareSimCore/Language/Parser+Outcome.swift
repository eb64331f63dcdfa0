extension Parser {
    /// An outcome (with `target`, a target: an outcome `= VALUE`) written on its own, as
    /// sweeps and calibrations take them, parsed as an `expect` line's left side; `source`
    /// names the text in diagnostics.
    static func parseOutcome(_ text: String, source: String, target: Bool) throws(ScenarioError) -> (ExpectStatement, SourceFile) {
        let file = SourceFile(path: source, text: text)
        var parser = Parser(file)
        var statement: ExpectStatement?
        do { statement = try parser.parseOutcome(target: target) } catch {}
        if !parser.diagnostics.isEmpty || statement == nil {
            throw ScenarioError(parser.diagnostics, sources: [source: file])
        }
        return (statement!, file)
    }

    /// An outcome: what an `expect` line measures, without the keyword; with `target`,
    /// followed by `= VALUE`. A level is read at one date, a growth rate between two.
    mutating func parseOutcome(target: Bool) throws -> ExpectStatement {
        let first = peek
        let example = target ? "installed share origin CN, HK in chips at 2023-01 = 85%" : "installed share origin CN, HK in chips at 2023-01"
        let m = try parseMeasure(example: example, growthExample: "sales growth Huawei from 2014 to 2019", rangeExample: nil)
        var value = Quantity(value: 0, unit: .plain, text: "0", location: location(of: first))
        if !target, case .symbol(let sym) = peek.kind, Relation(rawValue: sym) != nil {
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
        return ExpectStatement(metric: m.metric, vendors: m.vendors, segments: m.segments, from: m.from, to: m.to,
                               comparison: target ? .equal : .greaterOrEqual, value: value, tolerance: nil,
                               location: location(of: first), tag: nil, text: file.lineText(1).trimmingSpaces())
    }
}
