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
