import Foundation

/// What each kind of figure accepts. Shares and access take `45%` or the fraction `0.45`;
/// a bare number above 1 is almost always a forgotten `%`, so it is an error with a hint.
extension Resolver {
    mutating func fraction(_ q: Quantity, what: String) -> Double? {
        switch q.unit {
        case .points:
            error("points measure a change of a percentage, not \(what)", at: q.location,
                  help: "to add them write 'by \(q.text)'; to set the value write \(NumberText.percent(q.value, decimals: 0))")
            return nil
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
        case .points: return notAPercentage(q, what: what, example: "0.1/y")
        default:
            error("\(what) is a change of utility per year, not \(q.text)", at: q.location, help: "write e.g. 0.4/y")
            return nil
        }
    }

    mutating func utility(_ q: Quantity, what: String) -> Double? {
        if q.unit == .points { return notAPercentage(q, what: what, example: "-0.2") }
        guard q.unit == .plain else {
            error("\(what) is in units of utility, a plain number, not \(q.text)", at: q.location,
                  help: "write e.g. -0.5; a shift of ln 2 ≈ 0.69 doubles a vendor's odds")
            return nil
        }
        return q.value
    }

    /// `+40 points` on a field that is no percentage: points add to a percentage only.
    private mutating func notAPercentage(_ q: Quantity, what: String, example: String) -> Double? {
        error("\(what) is not a percentage: '\(q.text)' adds percentage points", at: q.location,
              help: "\(what) is in units of utility; write e.g. by \(example)")
        return nil
    }

    /// What `by` adds to a percentage: `+40 points`, or the fraction `0.4`. `by 40%` is
    /// refused: it could mean forty points or forty per cent of the value.
    mutating func fractionChange(_ q: Quantity, what: String) -> Double? {
        switch q.unit {
        case .points, .plain:
            guard (-1...1).contains(q.value) else {
                error("\(what) cannot move by more than 100 points, not \(q.text)", at: q.location,
                      help: q.unit == .plain ? "did you mean \(q.text) points? A bare number is a fraction: 0.4 is 40 points" : nil)
                return nil
            }
            return q.value
        case .percent:
            let number = q.text.replacingOccurrences(of: "percent", with: "").replacingOccurrences(of: "%", with: "").trimmingSpaces()
            error("'by \(q.text)' on \(what) is ambiguous", at: q.location,
                  help: "to add percentage points write 'by \(number.hasPrefix("-") || number.hasPrefix("+") ? "" : "+")\(number) points'; to scale write 'times \(NumberText.csv(1 + q.value))'")
            return nil
        default:
            error("\(what) changes by percentage points, not \(q.text)", at: q.location, help: "write e.g. by +40 points")
            return nil
        }
    }

    /// What `by` adds to a yearly rate: `-2 points`, `-2%/y` or the fraction `-0.02`.
    mutating func yearlyRateChange(_ q: Quantity, what: String) -> Double? {
        switch q.unit {
        case .points, .percentPerYear, .percent: return q.value
        case .plain, .plainPerYear:
            guard abs(q.value) < 1 else {
                error("\(what) of \(q.text) reads as \(NumberText.percent(q.value, decimals: 0)) a year", at: q.location,
                      help: "did you mean \(q.text) points?")
                return nil
            }
            return q.value
        default:
            error("\(what) changes by a yearly rate, not \(q.text)", at: q.location, help: "write e.g. by -2 points or by -2%/y")
            return nil
        }
    }

    /// A route's cost in utility: a plain number, or a markup `m` as `-ln(1 + m)`, so that a
    /// route 8% dearer is chosen 1/1.08 times as often as one without (a price elasticity of 1).
    mutating func friction(_ q: Quantity, what: String) -> Double? {
        guard q.unit == .markup else { return utility(q, what: what) }
        guard q.value > -1 else {
            error("a markup must be above -100%, not \(q.text)", at: q.location, help: "a route cannot cost less than nothing")
            return nil
        }
        return -log1p(q.value)
    }

    /// The factor `times` scales by: a plain number, at least 0.
    mutating func factor(_ q: Quantity, what: String) -> Double? {
        switch q.unit {
        case .plain:
            guard q.value >= 0 else {
                error("\(what) cannot be negative, not \(q.text)", at: q.location, help: "to lower a value write 'by' with a negative change")
                return nil
            }
            return q.value
        case .percent:
            error("'times' takes a plain factor, not \(q.text)", at: q.location,
                  help: "write times \(NumberText.csv(q.value)) to scale to \(q.text) of the value")
            return nil
        default:
            error("'times' takes a plain factor, not \(q.text)", at: q.location, help: "write e.g. times 0.5 to halve the value")
            return nil
        }
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
