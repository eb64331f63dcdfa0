/// `param` statements, and figures written as a parameter's name or as a distribution.
extension Parser {
    /// Words that cannot name a parameter: where a figure is expected they read as the
    /// clause, attribute or distribution they are.
    static let reservedParameterNames: Set<String> = clauseWords
        .union(["lifetime", "growth", "size", "all", "origin", "origins", "per", "percent"])
        .union(DistributionSyntax.Kind.allCases.map(\.rawValue))

    static let distributionHelp = "uniform(LOW, HIGH), triangular(LOW, MODE, HIGH), normal(MEAN, SD) or oneof(A, B, …)"

    /// `param NAME = QUANTITY [TAG]` or `param NAME ~ DISTRIBUTION [TAG]`.
    mutating func parseParam() throws -> ParamStatement {
        let kw = advance()
        let example = "param leakage = 6.5%   or   param leakage ~ triangular(3%, 6.5%, 10%)"
        guard case .identifier(let word) = peek.kind else {
            throw fail("expected the parameter's name, found \(peek.display)", at: peek,
                       help: "a parameter's name is a bare word: \(example)")
        }
        if Parser.reservedParameterNames.contains(word.lowercased()) {
            throw fail("'\(word)' cannot name a parameter: it is a keyword", at: peek, help: "choose another name, e.g. \(word)_rate")
        }
        let n = name(advance())
        let value: Quantity
        if acceptSymbol("=") {
            if case .identifier(let w) = peek.kind, DistributionSyntax.Kind(rawValue: w.lowercased()) != nil, isSymbol("(", peek(1)) {
                throw fail("a distribution is written with '~', not '='", at: previous,
                           help: "param \(n.text) ~ \(w)(…)")
            }
            value = try parseQuantity(context: "for the parameter's value")
        } else if acceptSymbol("~") {
            guard case .identifier(let w) = peek.kind, isSymbol("(", peek(1)) else {
                throw fail("expected a distribution after '~', found \(peek.display)", at: peek, help: Parser.distributionHelp)
            }
            guard DistributionSyntax.Kind(rawValue: w.lowercased()) != nil else { throw unknownDistribution(w) }
            value = try parseDistribution()
        } else {
            throw fail("expected '=' or '~' after the parameter's name, found \(peek.display)", at: peek, help: example)
        }
        let tag = acceptTag()
        try expectEndOfStatement()
        return ParamStatement(name: n, value: value, location: location(of: kw), tag: value.tag ?? tag)
    }

    /// A figure where a segment, a share, buyer weight or appeal, or a change takes one: a
    /// number with its unit, a parameter's name, or a distribution.
    mutating func parseFigure(context: String) throws -> Quantity {
        guard case .identifier(let word) = peek.kind else { return try parseQuantity(context: context) }
        if isSymbol("(", peek(1)) {
            guard DistributionSyntax.Kind(rawValue: word.lowercased()) != nil else { throw unknownDistribution(word) }
            return try parseDistribution()
        }
        // A keyword here means the figure is missing: report it as a missing number.
        if Parser.reservedParameterNames.contains(word.lowercased()) { return try parseQuantity(context: context) }
        let t = advance()
        let n = name(t)
        return Quantity(value: 0, unit: .plain, text: word, location: n.location, tag: acceptTag(), reference: .parameter(n))
    }

    private mutating func unknownDistribution(_ word: String) -> Abandon {
        let kinds = DistributionSyntax.Kind.allCases.map(\.rawValue)
        return fail("unknown distribution '\(word)'", at: peek,
                    help: Suggestions.didYouMean(word.lowercased(), in: kinds) ?? "distributions are \(Parser.distributionHelp)")
    }

    /// `uniform(3%, 10%)` and the like; the arguments are numbers with units, checked for
    /// their order here and for their units where the figure is used.
    mutating func parseDistribution() throws -> Quantity {
        let first = advance()
        guard case .identifier(let word) = first.kind, let kind = DistributionSyntax.Kind(rawValue: word.lowercased()) else {
            throw fail("expected a distribution, found \(first.display)", at: first, help: Parser.distributionHelp)
        }
        let usage: String
        switch kind {
        case .uniform: usage = "uniform(LOW, HIGH), e.g. uniform(3%, 10%)"
        case .triangular: usage = "triangular(LOW, MODE, HIGH), e.g. triangular(3%, 6.5%, 10%)"
        case .normal: usage = "normal(MEAN, SD), e.g. normal(6.5%, 1.5%)"
        case .oneOf: usage = "oneof(A, B, …), e.g. oneof(5%, 6.5%, 8%)"
        }
        try expectSymbol("(", context: "after '\(word)'", help: usage)
        var arguments: [Quantity] = []
        if !isSymbol(")") {
            repeat {
                arguments.append(try parseQuantity(context: "in \(kind.rawValue)(…)"))
            } while acceptSymbol(",")
        }
        let close = peek
        try expectSymbol(")", context: "to close \(kind.rawValue)(…)", help: usage)
        let loc = location(from: first, to: close)
        let text = file.text(of: SourceSpan(first.span.start, close.span.end))
        let d = DistributionSyntax(kind: kind, arguments: arguments, location: loc)
        let distribution = try check(d, usage: usage, text: text)
        return Quantity(value: distribution.nominal, unit: arguments[0].unit, text: text, location: loc, tag: acceptTag(),
                        reference: .distribution(d))
    }

    /// The number of arguments and their order.
    private mutating func check(_ d: DistributionSyntax, usage: String, text: String) throws -> Distribution {
        let a = d.arguments, v = a.map(\.value)
        func wrongCount(_ what: String) -> Abandon {
            error("\(d.kind.rawValue) takes \(what), not \(a.count)", at: d.location, help: usage)
            return Abandon()
        }
        switch d.kind {
        case .uniform:
            guard a.count == 2 else { throw wrongCount("two numbers (low, high)") }
            guard v[0] < v[1] else {
                error("\(text): the low end \(a[0].text) is not below the high end \(a[1].text)", at: d.location,
                      help: v[0] > v[1] ? "write uniform(\(a[1].text), \(a[0].text))" : "for a fixed value write the number itself")
                throw Abandon()
            }
            return .uniform(v[0], v[1])
        case .triangular:
            guard a.count == 3 else { throw wrongCount("three numbers (low, mode, high)") }
            guard v[0] < v[2] else {
                error("\(text): the low end \(a[0].text) is not below the high end \(a[2].text)", at: d.location, help: usage)
                throw Abandon()
            }
            guard v[0] <= v[1], v[1] <= v[2] else {
                error("\(text): the mode \(a[1].text) lies outside \(a[0].text) to \(a[2].text)", at: a[1].location, help: usage)
                throw Abandon()
            }
            return .triangular(v[0], v[1], v[2])
        case .normal:
            guard a.count == 2 else { throw wrongCount("two numbers (mean, standard deviation)") }
            guard v[1] > 0 else {
                error("\(text): the standard deviation must be above zero, not \(a[1].text)", at: a[1].location, help: usage)
                throw Abandon()
            }
            return .normal(mean: v[0], sd: v[1])
        case .oneOf:
            guard !a.isEmpty else { throw wrongCount("at least one number") }
            return .oneOf(v)
        }
    }
}

extension DistributionSyntax {
    /// The distribution in model units.
    package var distribution: Distribution {
        let v = arguments.map(\.value)
        switch kind {
        case .uniform: return .uniform(v[0], v[1])
        case .triangular: return .triangular(v[0], v[1], v[2])
        case .normal: return .normal(mean: v[0], sd: v[1])
        case .oneOf: return .oneOf(v)
        }
    }
}
