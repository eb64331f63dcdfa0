extension Parser {
    func name(_ t: Token) -> Name {
        switch t.kind {
        case .identifier(let s), .string(let s): return Name(text: s, location: location(of: t))
        default: return Name(text: "", location: location(of: t))
        }
    }

    /// A name: a bare word, or any text in double quotes.
    mutating func parseName(what: String, example: String) throws -> Name {
        switch peek.kind {
        case .identifier, .string:
            return name(advance())
        default:
            throw fail("expected \(what), found \(peek.display)", at: peek, help: example)
        }
    }

    mutating func parseNameList(what: String, example: String) throws -> [Name] {
        var names = [try parseName(what: what, example: example)]
        while acceptSymbol(",") {
            skipLineContinuation()
            names.append(try parseName(what: what, example: example))
        }
        return names
    }

    /// `Huawei, ZTE` · `origin US, EU` · `all`.
    mutating func parseSelector(example: String) throws -> VendorSelector {
        if isWord("all") {
            return .all(location(of: advance()))
        }
        if acceptWord("origin") || acceptWord("origins") {
            return .origins(try parseNameList(what: "an origin code", example: example))
        }
        if case .identifier(let w) = peek.kind, Parser.clauseWords.contains(w.lowercased()) {
            throw fail("expected vendors (a name, 'origin CODE' or 'all') before '\(w)'", at: peek, help: example)
        }
        return .vendors(try parseNameList(what: "a vendor name, 'origin CODE' or 'all'", example: example))
    }

    /// What an `expect` or `observe` line adds up: `Huawei, ZTE`, `origin US`, `all`,
    /// `via "HK intermediaries", direct`, `recorded origin CN, HK`; then `for GROUP` for the
    /// vendors' share within one buyer group.
    mutating func parseShareSelector(example: String) throws -> (ShareSelector, buyer: Name?) {
        let selector: ShareSelector
        if acceptWord("recorded") {
            guard acceptWord("origin") || acceptWord("origins") else {
                throw fail("expected 'origin' after 'recorded', found \(peek.display)", at: peek,
                           help: "recorded origin CN, HK: the origins customs records")
            }
            selector = .recordedOrigins(try parseNameList(what: "an origin code", example: "recorded origin CN, HK"))
        } else if acceptWord("via") {
            selector = .channels(try parseNameList(what: "a channel", example: "via \"HK intermediaries\", direct"))
        } else {
            selector = .vendors(try parseSelector(example: example))
        }
        guard isWord("for") else { return (selector, nil) }
        let forWord = advance()
        let buyer = try parseName(what: "a buyer group", example: "sales share Huawei for government in telecom")
        if case .vendors = selector {} else {
            error("a buyer group's figures are kept by vendor: 'for' goes with vendors or 'origin'", at: location(of: forWord),
                  help: "e.g. sales share origin US for government in telecom")
        }
        return (selector, buyer)
    }

    /// A calendar date: `2022`, `2022-04` or `2022-04-07`.
    mutating func parseDate(context: String) throws -> DateLiteral {
        let t = peek
        switch t.kind {
        case .date(let text):
            advance()
            let parts = text.split(separator: "-").map { Int($0) ?? 0 }
            let d = DateLiteral(year: parts[0], month: parts[1], day: parts.count > 2 ? parts[2] : nil, text: text, location: location(of: t))
            try validate(d, token: t)
            return d
        case .number(let v, let text, let suffix) where suffix.isEmpty && text.count == 4 && text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }):
            advance()
            return DateLiteral(year: Int(v), month: nil, day: nil, text: text, location: location(of: t))
        default:
            throw fail("expected a date \(context), found \(t.display)", at: t, help: "dates read 2022, 2022-04 or 2022-04-07")
        }
    }

    private mutating func validate(_ d: DateLiteral, token: Token) throws {
        guard let m = d.month, (1...12).contains(m) else {
            throw fail("invalid date '\(d.text)': there is no month \(d.month ?? 0)", at: token, help: "months run from 01 to 12")
        }
        if let day = d.day, !(1...CalendarMonth.daysIn(year: d.year, month: m)).contains(day) {
            throw fail("invalid date '\(d.text)': month \(m) of \(d.year) has \(CalendarMonth.daysIn(year: d.year, month: m)) days", at: token)
        }
    }

    /// A number with its unit. Percentages stay apart from fractions (`45%` is 0.45 with
    /// unit percent; `0.45` is plain), so the resolver can tell `45` from `45%`.
    mutating func parseQuantity(context: String) throws -> Quantity {
        let first = peek
        var sign = 1.0
        if acceptSymbol("-") { sign = -1 } else { _ = acceptSymbol("+") }
        var currency: String?
        if acceptSymbol("$") { currency = "USD" }
        let t = peek
        guard case .number(let raw, let text, let suffixRaw) = t.kind else {
            throw fail("expected a number \(context), found \(t.display)", at: t,
                       help: "numbers read 45%, 0.45, 8y, 3 months, 4B USD, 3%/y")
        }
        // The lexer has reported a number too large for a Double.
        guard raw.isFinite else { throw Abandon() }
        advance()
        var value = raw * sign
        var unit: Quantity.Unit = currency != nil ? .amount(unit: currency) : .plain
        var suffix = suffixRaw
        if suffix.isEmpty, case .identifier(let w) = peek.kind,
           Parser.durationYears(w) != nil || w.lowercased() == "percent" || Parser.pointWords.contains(w.lowercased()) {
            suffix = w
            advance()
        }
        if suffix.isEmpty, case .identifier(let w) = peek.kind, let letter = Parser.scaleLetter(w) {
            // `1.3 billion RUB`: the scale in words would be read as the currency.
            throw fail("'\(w)' is written \(letter): \(text)\(letter)", at: peek,
                       help: "amounts are scaled with k, M, B or T: size \(text)\(letter) RUB")
        }
        if !suffix.isEmpty {
            if suffix == "%" || suffix.lowercased() == "percent" {
                value /= 100
                unit = .percent
            } else if Parser.pointWords.contains(suffix.lowercased()) {
                value /= 100
                unit = .points
            } else if let years = Parser.durationYears(suffix) {
                value *= years
                unit = .years
            } else if let scale = Parser.amountScale(suffix) {
                value *= scale
                unit = .amount(unit: currency)
            } else {
                var loc = file.location(at: t.span.end - suffix.unicodeScalars.count)
                loc.length = suffix.unicodeScalars.count
                error("unknown unit '\(suffix)' after \(text)", at: loc,
                      help: Suggestions.didYouMean(suffix, in: Parser.unitWords)
                          ?? "units are % for percentages; y, months or quarters for durations; k, M or B for amounts")
                throw Abandon()
            }
        }
        if isSymbol("/") || isWord("per") {
            let slash = advance()
            let per = peek
            if case .identifier(let w) = per.kind, Parser.durationYears(w) == 1 {
                advance()
                unit = unit == .percent ? .percentPerYear : .plainPerYear
            } else {
                throw fail("expected 'y' after '\(slash.display.dropFirst().dropLast())': rates are per year", at: per, help: "write 3%/y or 0.4/y")
            }
        }
        if !value.isFinite || abs(value) > 1e18 {
            throw fail("number too large: \(text)\(suffixRaw)", at: t, help: "amounts up to 1e18 are supported")
        }
        var loc = location(from: first, to: previous)
        if loc.length < 1 { loc.length = 1 }
        return Quantity(value: value, unit: unit, text: file.text(of: SourceSpan(first.span.start, previous.span.end)), location: loc, tag: acceptTag())
    }

    /// `+40 points`, `+40pp`: percentage points, a change of a percentage.
    static let pointWords: Set<String> = ["points", "point", "pts", "pp"]

    /// The units offered by "did you mean" for a misspelt one.
    static let unitWords = ["%", "percent", "points", "y", "years", "months", "quarters", "weeks", "days", "k", "M", "B", "bn", "T"]

    /// Years in one of the duration unit words, or nil if the word is no duration.
    static func durationYears(_ word: String) -> Double? {
        switch word.lowercased() {
        case "y", "yr", "yrs", "year", "years": return 1
        case "q", "quarter", "quarters": return 0.25
        case "mo", "mos", "month", "months": return 1.0 / 12
        case "w", "week", "weeks": return 7.0 / 365.25
        case "d", "day", "days": return 1.0 / 365.25
        default: return nil
        }
    }

    /// The suffix for a scale written as a word (`billion` is `B`), or nil.
    static func scaleLetter(_ word: String) -> String? {
        ["thousand": "k", "million": "M", "millions": "M", "billion": "B", "billions": "B", "trillion": "T"][word.lowercased()]
    }

    static func amountScale(_ suffix: String) -> Double? {
        switch suffix {
        case "k", "K": return 1e3
        case "M", "m", "mn": return 1e6
        case "B", "bn", "G": return 1e9
        case "T", "tn": return 1e12
        default: return nil
        }
    }
}
