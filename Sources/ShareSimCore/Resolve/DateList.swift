/// A comma-separated list of report dates (`2022-01,2023-01`), as `run --at` and the REPL's
/// `at` take it: each date names the month it falls in, in order, each once, so that a
/// report's columns follow the timeline.
public enum DateList {
    public enum Problem: Error, Equatable {
        case empty
        case emptyItem
        case notADate(String)
        case repeated(CalendarMonth)
        case outOfOrder(CalendarMonth, after: CalendarMonth)

        /// The problem in words; `option` names what was given (`--at`, `at`).
        public func message(option: String, list: String) -> String {
            let example = "e.g. \(option) 2022-01,2023-01"
            switch self {
            case .empty: return "\(option) needs at least one date; \(example)"
            case .emptyItem: return "\(option) '\(list)' has an empty date between commas; \(example)"
            case .notADate(let text): return "'\(text)' is not a date; write 2022, 2022-04 or 2022-04-07"
            case .repeated(let m): return "\(option) names \(m.text) twice; give each date once"
            case .outOfOrder(let m, let last): return "\(option) dates must be in order: \(m.text) is written after \(last.text)"
            }
        }
    }

    public static func months(_ list: String) throws(Problem) -> [CalendarMonth] {
        guard list.contains(where: { !$0.isWhitespace }) else { throw .empty }
        var months: [CalendarMonth] = []
        for item in list.split(separator: ",", omittingEmptySubsequences: false) {
            let text = String(item).trimmingSpaces()
            guard !text.isEmpty else { throw .emptyItem }
            guard let month = CalendarMonth.parse(text)?.month else { throw .notADate(text) }
            if let last = months.last, month <= last {
                throw months.contains(month) ? .repeated(month) : .outOfOrder(month, after: last)
            }
            months.append(month)
        }
        return months
    }
}
