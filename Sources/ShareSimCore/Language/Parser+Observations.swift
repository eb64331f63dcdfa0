/// `observe` statements: observed data, inline or from a CSV file.
extension Parser {
    static let observeExample = "observe sales share Domestic in telecom: 2021 11.6%, 2022 25.2% [FACTS: Reuters] check"

    /// `observe MEASURE SELECTOR [for GROUP] [in SEGMENT] [± U]: DATE VALUE [± U], … [TAG] [fit|check]`
    /// (a growth measure's values are `DATE to DATE RATE`)
    /// or `observe from "FILE.csv" MEASURE [in SEGMENT] [± U] [TAG] [fit|check]`.
    mutating func parseObserve() throws -> ObserveStatement {
        let kw = advance()
        var file: Name?
        if acceptWord("from") {
            guard case .string = peek.kind else {
                throw fail("expected a file name in double quotes after 'from', found \(peek.display)", at: peek,
                           help: "observe from \"chips.csv\" sales share in chips [seed 003]")
            }
            file = name(advance())
        }
        let metricToken = peek
        let metric = try parseMetric(example: Parser.observeExample)
        if metric.isGrowth, file != nil {
            throw fail("a growth rate is observed between two dates, which a table's one date column cannot say", at: metricToken,
                       help: "write it inline: observe sales growth Huawei in telecom: 2014-01 to 2019-01 51%/y")
        }
        var selector: ShareSelector?
        var buyer: Name?
        if file == nil {
            (selector, buyer) = try parseShareSelector(example: Parser.observeExample)
        }
        var segments: [Name] = []
        if acceptWord("in") {
            segments = try parseNameList(what: "a segment name", example: Parser.observeExample)
        }
        let uncertainty = acceptSymbol("±") ? try parseQuantity(context: "for the uncertainty") : nil
        var points: [ObservedPoint] = []
        if file == nil {
            try expectSymbol(":", context: "before the observed values", help: Parser.observeExample)
            repeat {
                skipLineContinuation()
                points.append(try parseObservedPoint(growth: metric.isGrowth))
            } while acceptSymbol(",")
        }
        var tag: String?
        var role: ObservationRole?
        while true {
            if let t = acceptTag() { tag = t; continue }
            if case .identifier(let w) = peek.kind, let r = ObservationRole(rawValue: w.lowercased()), role == nil {
                advance()
                role = r
                continue
            }
            break
        }
        if !peek.isNewlineOrEnd {
            throw fail("unexpected \(peek.display) at the end of an observation", at: peek,
                       help: "an observation ends with its source tag and its role, fit or check: … [seed 003] check")
        }
        // The tag that ends the list is the list's, as with `share`; the last value took it as its own.
        let listTag = tag ?? points.last.flatMap { $0.uncertainty?.tag ?? $0.value.tag } ?? uncertainty?.tag
        return ObserveStatement(metric: metric, selector: selector, buyer: buyer, segments: segments, uncertainty: uncertainty,
                                points: points, file: file, role: role ?? .fit, tag: listTag, location: location(of: kw))
    }

    /// `2022 25.2% ± 2% [tag]`, or for a growth rate the period it was observed over,
    /// `2014-01 to 2019-01 51%/y`.
    mutating func parseObservedPoint(growth: Bool) throws -> ObservedPoint {
        var from: DateLiteral?
        if growth {
            from = try parseDate(context: "where an observed growth rate starts")
            guard acceptWord("to") else {
                throw fail("expected 'to' and the date the growth rate ends, found \(peek.display)", at: peek,
                           help: "a growth rate is observed over a period: 2014-01 to 2019-01 51%/y")
            }
        }
        let date = try parseDate(context: from == nil ? "for an observed value" : "where an observed growth rate ends")
        var value = try parseQuantity(context: "observed at \(date.text)")
        var uncertainty: Quantity?
        let ownTag = value.tag
        if acceptSymbol("±") {
            value.tag = nil
            uncertainty = try parseQuantity(context: "for the uncertainty")
        }
        return ObservedPoint(from: from, date: date, value: value, uncertainty: uncertainty, tag: ownTag ?? uncertainty?.tag)
    }
}
