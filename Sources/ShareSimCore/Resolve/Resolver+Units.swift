/// What each kind of figure accepts. Shares and access take `45%` or the fraction `0.45`;
/// a bare number above 1 is almost always a forgotten `%`, so it is an error with a hint.
extension Resolver {
    mutating func fraction(_ q: Quantity, what: String) -> Double? {
        switch q.unit {
        case .percent, .plain:
            if q.unit == .plain, q.value > 1 {
                error("\(what) of \(q.text) is not a fraction", at: q.location,
                      help: "did you mean \(q.text)%? A bare number is a fraction: 0.45 is 45%")
                return nil
            }
            guard (0...1).contains(q.value) else {
                error("\(what) must lie between 0% and 100%, not \(q.text)", at: q.location)
                return nil
            }
            return q.value
        default:
            error("\(what) takes a percentage or a fraction, not \(q.text)", at: q.location, help: "write e.g. 45% or 0.45")
            return nil
        }
    }

    /// A yearly rate: `3%/y`, `3%` or the fraction `0.03`.
    mutating func yearlyRate(_ q: Quantity, what: String) -> Double? {
        switch q.unit {
        case .percentPerYear, .percent:
            break
        case .plain, .plainPerYear:
            if abs(q.value) >= 1 {
                error("\(what) of \(q.text) reads as \(NumberText.percent(q.value, decimals: 0)) a year", at: q.location,
                      help: "did you mean \(q.text)%/y?")
                return nil
            }
        default:
            error("\(what) takes a yearly rate, not \(q.text)", at: q.location, help: "write e.g. 3%/y")
            return nil
        }
        guard q.value >= -1 else {
            error("\(what) cannot be below -100% a year", at: q.location, help: "a market cannot shrink by more than all of it")
            return nil
        }
        return q.value
    }

    mutating func years(_ q: Quantity, what: String) -> Double? {
        guard q.unit == .years else {
            error("\(what) needs a unit of time: \(q.text) what?", at: q.location, help: Self.timeHelp(q, what: what))
            return nil
        }
        return q.value
    }

    /// What to write instead of a quantity that is no time, said for the mistake made:
    /// `2m` is two million (a month is `2 months`), `8%` is a rate (a lifetime is its inverse).
    static func timeHelp(_ q: Quantity, what: String) -> String {
        let number = String(q.text.prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" })
        switch q.unit {
        case .amount where q.text.hasSuffix("m"):
            return "\(q.text) is \(number) million: write \(number) months (or \(number)mo)"
        case .percent where what == "a lifetime" && q.value > 0:
            return "a lifetime is a time: \(q.text) of the base replaced a year is a lifetime of \(NumberText.fixed(1 / q.value, decimals: 1))y"
        case .percent, .percentPerYear:
            return "a percentage is no time: write e.g. \(number)y or \(number) months"
        default:
            return "write e.g. \(number.isEmpty ? q.text : number)y or \(number.isEmpty ? q.text : number) months"
        }
    }

    /// Utility per year: `0.4/y` (a bare number reads per year too).
    mutating func utilityPerYear(_ q: Quantity, what: String) -> Double? {
        switch q.unit {
        case .plainPerYear, .plain: return q.value
        default:
            error("\(what) is a change of utility per year, not \(q.text)", at: q.location, help: "write e.g. 0.4/y")
            return nil
        }
    }

    mutating func utility(_ q: Quantity, what: String) -> Double? {
        guard q.unit == .plain else {
            error("\(what) is in units of utility, a plain number, not \(q.text)", at: q.location,
                  help: "write e.g. -0.5; a shift of ln 2 ≈ 0.69 doubles a vendor's odds")
            return nil
        }
        return q.value
    }

    /// A ramp's length in whole steps, at least one.
    mutating func rampSteps(_ q: Quantity?) -> Int {
        guard let q else { return 1 }
        guard let y = years(q, what: "a ramp") else { return 1 }
        guard y >= 0 else {
            error("a ramp cannot last a negative time", at: q.location)
            return 1
        }
        let stepYears = timeline?.0.step.years ?? 1.0 / 12
        // Capped as a Double: a ramp of 1e18 years has more steps than an Int holds.
        return max(1, Int(min((y / stepYears).rounded(), 10_000_000)))
    }
}
