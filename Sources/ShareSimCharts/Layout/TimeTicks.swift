import ShareSimCore

/// Date ticks for a time axis: the starts of years (every 1, 2, 5, 10 … years) when the
/// span is long, else the starts of months (every 1, 2, 3 or 6), labelled `2023` or
/// `Apr 2022` / `Jul`. Positions are in steps of the timeline, fractional where a tick's
/// month falls inside a step (a quarterly or yearly run).
package struct TimeTicks: Sendable, Equatable {
    package struct Tick: Sendable, Equatable {
        package var step: Double
        package var label: String
    }

    package let ticks: [Tick]

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Ticks within steps `first...last` of `timeline`, at most `maxTicks` of them.
    package init(_ timeline: Timeline, first: Int, last: Int, maxTicks: Int) {
        let startOrdinal = timeline.month(ofStep: first).ordinal
        let endOrdinal = timeline.month(ofStep: last).ordinal
        let months = endOrdinal - startOrdinal
        let limit = max(2, maxTicks)
        func position(_ ordinal: Int) -> Double {
            Double(ordinal - timeline.start.ordinal) / Double(timeline.step.months)
        }
        var out: [Tick] = []
        if months >= 24 || timeline.step == .year {
            let firstYear = CalendarMonth(ordinal: startOrdinal + 11).year
            let lastYear = CalendarMonth(ordinal: endOrdinal).year
            let every = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].first { (lastYear - firstYear) / $0 + 1 <= limit } ?? 1000
            var year = (firstYear + every - 1) / every * every
            if every == 1 { year = firstYear }
            while year <= lastYear {
                out.append(Tick(step: position(CalendarMonth(year: year, month: 1).ordinal), label: String(year)))
                year += every
            }
        } else {
            let every = [1, 2, 3, 6, 12].first { months / $0 + 1 <= limit } ?? 12
            var ordinal = startOrdinal
            while ordinal % every != 0 { ordinal += 1 }
            var previousYear: Int?
            while ordinal <= endOrdinal {
                let m = CalendarMonth(ordinal: ordinal)
                let name = Self.monthNames[m.month - 1]
                out.append(Tick(step: position(ordinal), label: previousYear == m.year ? name : "\(name) \(m.year)"))
                previousYear = m.year
                ordinal += every
            }
        }
        ticks = out
    }
}
