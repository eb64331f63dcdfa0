extension Parser {
    static let clauseWords: Set<String> = ["for", "in", "to", "by", "times", "markup", "via", "over", "until", "at", "from"]

    /// One change inside an event. Its clauses (`for`, `in`, `via`, `to`/`by`/`times`,
    /// `over`, `until`) may come in any order after the vendors.
    mutating func parseChange() throws -> ChangeStatement {
        let kw = peek
        guard case .identifier(let word) = kw.kind, let field = ChangeField(rawValue: word.lowercased()) else {
            var help = "a change starts with access, friction, shift, trend or growth"
            if case .identifier(let w) = kw.kind, let near = Suggestions.didYouMean(w, in: Keywords.changes) { help = near }
            throw fail("expected a change, found \(kw.display)", at: kw, help: help)
        }
        advance()
        let example = Parser.example(of: field)
        var vendors: VendorSelector?
        var segments: [Name] = []
        if field == .growth {
            switch peek.kind {
            case .identifier(let w) where !Parser.clauseWords.contains(w.lowercased()):
                segments = try parseNameList(what: "a segment name", example: example)
            case .string:
                segments = try parseNameList(what: "a segment name", example: example)
            default:
                break
            }
        } else {
            vendors = try parseSelector(example: example)
        }
        var buyers: [Name] = []
        var channels: [Name] = []
        var value: (operation: ChangeOperation, word: Name, figure: Quantity)?
        var over: Quantity?
        var until: DateLiteral?
        while !peek.isNewlineOrEnd {
            if case .tag = peek.kind { break }
            let clause = advance()
            guard case .identifier(let w) = clause.kind else {
                throw fail("unexpected \(clause.display) in a change", at: clause, help: example)
            }
            switch w.lowercased() {
            case "for" where field != .growth:
                buyers = try parseNameList(what: "a buyer group", example: example)
            case "in":
                segments = try parseNameList(what: "a segment name", example: example)
            case "via":
                channels = try parseNameList(what: "a channel", example: "access origin US via \"HK intermediaries\" in chips to 40%")
                if field != .access && field != .friction {
                    error("only access and friction differ by channel; \(field.rawValue) is the \(field == .growth ? "segment's" : "brand's"), whatever the route",
                          at: location(of: clause),
                          help: "remove 'via \(channels.map { $0.text.contains(" ") ? "\"\($0.text)\"" : $0.text }.joined(separator: ", "))', or change the route's access or friction")
                }
            case "to", "by", "times":
                let operation = ChangeOperation(rawValue: w.lowercased())!
                value = (operation, name(clause), try parseChangeValue(field: field, operation: operation))
            case "markup":
                value = (.to, name(clause), try parseMarkup(field: field, word: clause))
            case "over":
                over = try parseQuantity(context: "for the ramp's duration")
            case "until":
                until = try parseDate(context: "after 'until'")
            default:
                throw fail("unexpected \(clause.display) in a change", at: clause, help: example)
            }
        }
        guard let value else {
            throw fail("this change does not say its new value", at: kw, help: example)
        }
        let tag = acceptTag()
        return ChangeStatement(field: field, vendors: vendors, buyers: buyers, channels: channels, segments: segments,
                               operation: value.operation, operationWord: value.word, value: value.figure, over: over, until: until,
                               location: location(from: kw, to: previous), tag: tag ?? value.figure.tag ?? over?.tag)
    }

    static func example(of field: ChangeField) -> String {
        switch field {
        case .access: return "access origin US for operators in telecom to 50% over 12 months"
        case .friction: return "friction origin US via \"HK intermediaries\" in chips markup 8%"
        case .shift: return "shift origin US in telecom by -0.5"
        case .trend: return "trend Huawei in cloud to 0.4/y"
        case .growth: return "growth telecom to -20%/y over 4 months"
        }
    }

    /// The figure after `to`, `by` or `times`; a friction may be written as a markup
    /// (`to markup 8%`, `by markup 5%`).
    private mutating func parseChangeValue(field: ChangeField, operation: ChangeOperation) throws -> Quantity {
        if field == .friction, operation != .times, isWord("markup") {
            return try parseMarkup(field: field, word: advance())
        }
        return try parseFigure(context: operation == .times ? "for the factor" : "for the new value")
    }

    /// `markup 8%`: a route that costs 8% more. The resolver turns it into a friction.
    private mutating func parseMarkup(field: ChangeField, word: Token) throws -> Quantity {
        var q = try parseQuantity(context: "for the markup")
        guard field == .friction else {
            error("only a friction can be written as a markup", at: location(of: word),
                  help: "a markup is a route's cost: friction \(field == .growth ? "X" : "VENDORS") via CHANNEL markup 8%")
            return q
        }
        guard q.unit == .percent || q.unit == .plain else {
            error("a markup is a percentage of the price, not \(q.text)", at: q.location, help: "write e.g. markup 8%")
            throw Abandon()
        }
        q.unit = .markup
        return q
    }

    /// `expect installed share origin US, EU in telecom at 2021-12 <= 33%`
    mutating func parseExpect() throws -> ExpectStatement {
        let kw = advance()
        let lineStart = kw.span.start
        let example = "expect installed share origin US in telecom at 2021-12 <= 33%"
        let m = try parseMeasure(example: example, growthExample: "expect sales growth Huawei from 2014 to 2019 = 51%/y ± 5%",
                                 rangeExample: "expect share Huawei from 2021 to 2022 <= 60%")
        let opToken = peek
        let comparison: Relation
        switch opToken.kind {
        case .symbol(let s) where Relation(rawValue: s) != nil:
            advance()
            comparison = Relation(rawValue: s)!
        case .identifier(let w) where w.lowercased() == "about" || w.lowercased() == "is":
            advance()
            comparison = .equal
        default:
            throw fail("expected a comparison (<, <=, >, >=, =), found \(opToken.display)", at: opToken, help: example)
        }
        let value = try parseQuantity(context: "to compare with")
        var tolerance: Quantity?
        if acceptSymbol("±") || acceptWord("within") {
            tolerance = try parseQuantity(context: "for the tolerance")
        }
        if comparison == .equal, tolerance == nil {
            error("'=' needs a tolerance", at: opToken, help: "write e.g. '= 85% ± 3%' (three percentage points either side)")
        }
        let tag = acceptTag()
        try expectEndOfStatement()
        let text = file.lineText(file.location(at: lineStart).line)
        return ExpectStatement(metric: m.metric, selector: m.selector, buyer: m.buyer, segments: m.segments, from: m.from, to: m.to, comparison: comparison,
                               value: value, tolerance: tolerance, location: location(of: kw), tag: tag ?? value.tag,
                               text: text.trimmingSpaces())
    }

    /// What an `expect` line or an outcome measures, and when: `installed share origin US
    /// in telecom at 2021-12`, `… from 2021 to 2022`, `sales growth Huawei from 2014 to 2019`.
    /// Without `rangeExample` a level is read at one date only.
    mutating func parseMeasure(example: String, growthExample: String, rangeExample: String?) throws -> Measure {
        let metric = try parseMetric(example: example)
        let (selector, buyer) = try parseShareSelector(example: example)
        var segments: [Name] = []
        if acceptWord("in") {
            segments = try parseNameList(what: "a segment name", example: example)
        }
        if metric.isGrowth {
            try expectWord("from", context: "before the first date of a growth rate", help: growthExample)
            let from = try parseDate(context: "after 'from'")
            try expectWord("to", context: "before the last date", help: growthExample)
            return Measure(metric: metric, selector: selector, buyer: buyer, segments: segments, from: from, to: try parseDate(context: "after 'to'"))
        }
        guard let rangeExample else {
            if isWord("from") {
                throw fail("an outcome is read at one date, not over a range", at: peek, help: "write 'at DATE', e.g. \(example)")
            }
            try expectWord("at", context: "before the date", help: example)
            let from = try parseDate(context: "after 'at'")
            if isWord("to") {
                throw fail("an outcome is read at one date, not over a range", at: peek, help: "write 'at DATE', e.g. \(example)")
            }
            return Measure(metric: metric, selector: selector, buyer: buyer, segments: segments, from: from, to: nil)
        }
        if acceptWord("from") {
            let from = try parseDate(context: "after 'from'")
            try expectWord("to", context: "before the range's last date", help: rangeExample)
            return Measure(metric: metric, selector: selector, buyer: buyer, segments: segments, from: from, to: try parseDate(context: "after 'to'"))
        }
        try expectWord("at", context: "before the date", help: example)
        let from = try parseDate(context: "after 'at'")
        let to = acceptWord("to") ? try parseDate(context: "after 'to'") : nil
        return Measure(metric: metric, selector: selector, buyer: buyer, segments: segments, from: from, to: to)
    }

    /// The measured part of an `expect` line.
    struct Measure {
        var metric: Metric
        var selector: ShareSelector
        var buyer: Name?
        var segments: [Name]
        var from: DateLiteral
        var to: DateLiteral?
    }

    /// `installed share`, `sales growth` …: what an `expect` line or an outcome measures.
    mutating func parseMetric(example: String) throws -> Metric {
        let t = peek
        if acceptWord("share") { return .installedShare }
        if acceptWord("installed") {
            if acceptWord("share") { return .installedShare }
            if acceptWord("growth") { return .installedGrowth }
            return .installed
        }
        if acceptWord("sales") {
            if acceptWord("share") { return .salesShare }
            if acceptWord("growth") { return .salesGrowth }
            return .sales
        }
        throw fail("expected what to measure (installed share, sales share, installed, sales, sales growth), found \(t.display)",
                   at: t, help: example)
    }
}
