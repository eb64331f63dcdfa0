import ArgumentParser
import Foundation
import ShareSimCore

/// The `--at` list of `run` and `montecarlo`: comma-separated dates, each naming the month
/// it falls in, in order and each once, so that the report's columns follow the timeline.
enum ReportDates {
    /// The months of the list, checked before any file is read.
    static func months(_ list: String) throws(ValidationError) -> [CalendarMonth] {
        let example = "e.g. --at 2022-01,2023-01"
        guard !list.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("--at needs at least one date; \(example)")
        }
        var months: [CalendarMonth] = []
        for item in list.split(separator: ",", omittingEmptySubsequences: false) {
            let text = item.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { throw ValidationError("--at '\(list)' has an empty date between commas; \(example)") }
            guard let month = CalendarMonth.parse(text)?.month else {
                throw ValidationError("'\(text)' is not a date; write 2022, 2022-04 or 2022-04-07")
            }
            if let last = months.last, month <= last {
                throw ValidationError(month == last || months.contains(month)
                    ? "--at names \(month.text) twice; give each date once"
                    : "--at dates must be in order: \(month.text) is written after \(last.text)")
            }
            months.append(month)
        }
        return months
    }

    /// The steps of the list's dates; a date outside the timeline is a usage error.
    static func steps(_ list: String, in timeline: Timeline, file: String) throws -> [Int] {
        try months(list).map { month in
            let k = timeline.step(containing: month)
            guard (0..<timeline.steps).contains(k) else {
                let last = timeline.month(ofStep: timeline.steps - 1)
                Output.err("sharesim: error: --at \(month.text) is outside the timeline of \(file) (\(timeline.start.text) to \(last.text))\n")
                throw ExitCode(ExitStatus.usage)
            }
            return k
        }
    }
}
