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
