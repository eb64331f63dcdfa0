/// A month of the calendar; steps always start on the first day of a month.
public struct CalendarMonth: Hashable, Sendable, Comparable {
    public var year: Int
    public var month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Months since year 0, so that differences and additions are plain integer arithmetic.
    public var ordinal: Int { year * 12 + (month - 1) }

    public init(ordinal: Int) {
        self.year = ordinal >= 0 ? ordinal / 12 : (ordinal - 11) / 12
        self.month = ordinal - year * 12 + 1
    }

    package func adding(months: Int) -> CalendarMonth { CalendarMonth(ordinal: ordinal + months) }

    public static func < (a: CalendarMonth, b: CalendarMonth) -> Bool { a.ordinal < b.ordinal }

    /// `2022-04`
    public var text: String { "\(pad(year, 4))-\(pad(month, 2))" }
    /// `2022-04-01`: the first day, as the run output's `date` column writes it.
    public var firstDayText: String { text + "-01" }

    package static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (resolved JSON and command-line dates).
    public static func parse(_ text: String) -> (month: CalendarMonth, day: Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let y = Int(parts[0]) else { return nil }
        let m = parts.count > 1 ? Int(parts[1]) : 1
        let d = parts.count > 2 ? Int(parts[2]) : 1
        guard let m, let d, (1...12).contains(m), parts.count < 2 || parts[1].count == 2,
            parts.count < 3 || parts[2].count == 2, (1...daysIn(year: y, month: m)).contains(d)
        else { return nil }
        return (CalendarMonth(year: y, month: m), d)
    }
}

func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

/// The length of one step.
public enum StepKind: String, Sendable, Codable, CaseIterable {
    case month, quarter, year

    public var months: Int {
        switch self {
        case .month: return 1
        case .quarter: return 3
        case .year: return 12
        }
    }

    /// Δ in MODEL.md: the step's length in years.
    package var years: Double {
        switch self {
        case .month: return 1.0 / 12.0
        case .quarter: return 1.0 / 4.0
        case .year: return 1.0
        }
    }

    package init?(word: String) {
        switch word.lowercased() {
        case "monthly", "month", "months": self = .month
        case "quarterly", "quarter", "quarters": self = .quarter
        case "yearly", "annual", "annually", "year", "years": self = .year
        default: return nil
        }
    }
}

/// `T` steps of one length from a first month.
public struct Timeline: Sendable, Equatable {
    public var start: CalendarMonth
    public var step: StepKind
    public var steps: Int

    public init(start: CalendarMonth, step: StepKind, steps: Int) {
        self.start = start
        self.step = step
        self.steps = steps
    }

    /// The first month of step `k`.
    public func month(ofStep k: Int) -> CalendarMonth { start.adding(months: k * step.months) }

    /// The step whose interval contains the month, which may lie outside `0..<steps`.
    public func step(containing m: CalendarMonth) -> Int {
        let d = m.ordinal - start.ordinal
        return d >= 0 ? d / step.months : -((-d + step.months - 1) / step.months)
    }

    /// The step that contains the month, or nil when the month lies outside the timeline.
    public func step(within m: CalendarMonth) -> Int? {
        let k = step(containing: m)
        return (0..<steps).contains(k) ? k : nil
    }

    /// The last month the timeline covers: the last step's last month (`2028-12` for a
    /// quarterly timeline whose last step starts in `2028-10`).
    package var lastMonth: CalendarMonth { month(ofStep: steps - 1).adding(months: step.months - 1) }

    /// `2021-01 to 2027-12`: the first and last months covered, as the `timeline` statement
    /// writes them and as messages quote the span a date must fall in.
    public var span: String { "\(start.text) to \(lastMonth.text)" }

    /// How tables and messages name step `k`: its month (`2022-04`), its quarter on a
    /// quarterly timeline (`2028-Q4`), or its year on a yearly one (`2022`), where a month
    /// would claim a precision the step lacks.
    public func label(ofStep k: Int) -> String {
        let m = month(ofStep: k)
        switch step {
        case .month: return m.text
        case .quarter: return "\(m.year)-Q\((m.month - 1) / 3 + 1)"
        case .year: return String(m.year)
        }
    }
}
