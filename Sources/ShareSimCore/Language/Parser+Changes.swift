extension Parser {
    static let clauseWords: Set<String> = ["for", "in", "to", "by", "over", "at", "from"]

    /// One change inside an event. Its clauses (`for`, `in`, `to`/`by`, `over`) may come in
    /// any order after the vendors.
    mutating func parseChange() throws -> ChangeStatement {
        let kw = peek
        guard case .identifier(let word) = kw.kind, let field = ChangeField(rawValue: word.lowercased()) else {
            var help = "a change starts with access, shift, trend or growth"
            if case .identifier(let w) = kw.kind, let near = Suggestions.didYouMean(w, in: Keywords.changes) { help = near }
            throw fail("expected a change, found \(kw.display)", at: kw, help: help)
        }
        advance()
        let example: String
        switch field {
        case .access: example = "access origin US for operators in telecom to 50% over 12 months"
        case .shift: example = "shift origin US in telecom by -0.5"
        case .trend: example = "trend Huawei in cloud to 0.4/y"
        case .growth: example = "growth telecom to -20%/y over 4 months"
        }
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
        var value: Quantity?
        var over: Quantity?
        while !peek.isNewlineOrEnd {
            if case .tag = peek.kind { break }
            let clause = advance()
            switch clause.kind {
            case .identifier(let w) where w.lowercased() == "for" && field != .growth:
                buyers = try parseNameList(what: "a buyer group", example: example)
            case .identifier(let w) where w.lowercased() == "in":
                segments = try parseNameList(what: "a segment name", example: example)
            case .identifier(let w) where w.lowercased() == "to" || w.lowercased() == "by":
                value = try parseFigure(context: "for the new value")
            case .identifier(let w) where w.lowercased() == "over":
                over = try parseQuantity(context: "for the ramp's duration")
            default:
                throw fail("unexpected \(clause.display) in a change", at: clause, help: example)
            }
        }
        guard let value else {
            throw fail("this change does not say its new value", at: kw, help: example)
        }
        let tag = acceptTag()
        return ChangeStatement(field: field, vendors: vendors, buyers: buyers, segments: segments, value: value,
                               over: over, location: location(from: kw, to: previous), tag: tag ?? value.tag ?? over?.tag)
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
        return ExpectStatement(metric: m.metric, vendors: m.vendors, segments: m.segments, from: m.from, to: m.to, comparison: comparison,
                               value: value, tolerance: tolerance, location: location(of: kw), tag: tag ?? value.tag,
                               text: text.trimmingSpaces())
    }

    /// What an `expect` line or an outcome measures, and when: `installed share origin US
    /// in telecom at 2021-12`, `… from 2021 to 2022`, `sales growth Huawei from 2014 to 2019`.
    /// Without `rangeExample` a level is read at one date only.
    mutating func parseMeasure(example: String, growthExample: String, rangeExample: String?) throws -> Measure {
        let metric = try parseMetric(example: example)
        let vendors = try parseSelector(example: example)
        var segments: [Name] = []
        if acceptWord("in") {
            segments = try parseNameList(what: "a segment name", example: example)
        }
        if metric.isGrowth {
            try expectWord("from", context: "before the first date of a growth rate", help: growthExample)
            let from = try parseDate(context: "after 'from'")
            try expectWord("to", context: "before the last date", help: growthExample)
            return Measure(metric: metric, vendors: vendors, segments: segments, from: from, to: try parseDate(context: "after 'to'"))
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
            return Measure(metric: metric, vendors: vendors, segments: segments, from: from, to: nil)
        }
        if acceptWord("from") {
            let from = try parseDate(context: "after 'from'")
            try expectWord("to", context: "before the range's last date", help: rangeExample)
            return Measure(metric: metric, vendors: vendors, segments: segments, from: from, to: try parseDate(context: "after 'to'"))
        }
        try expectWord("at", context: "before the date", help: example)
        let from = try parseDate(context: "after 'at'")
        let to = acceptWord("to") ? try parseDate(context: "after 'to'") : nil
        return Measure(metric: metric, vendors: vendors, segments: segments, from: from, to: to)
    }

    /// The measured part of an `expect` line.
    struct Measure {
        var metric: Metric
        var vendors: VendorSelector
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
