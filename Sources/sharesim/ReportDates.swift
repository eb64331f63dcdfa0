import ArgumentParser
import Foundation
import ShareSimCore

/// The `--at` list of `run` and `montecarlo`.
enum ReportDates {
    /// The months of the list (see `DateList`), checked before any file is read.
    static func months(_ list: String) throws(ValidationError) -> [CalendarMonth] {
        do { return try DateList.months(list) } catch { throw ValidationError(error.message(option: "--at", list: list)) }
    }

    /// The steps of the list's dates; a date outside the timeline is a usage error.
    static func steps(_ list: String, in timeline: Timeline, file: String) throws -> [Int] {
        try months(list).map { month in
            guard let k = timeline.step(within: month) else {
                throw Output.fail("--at \(month.text) is outside the timeline of \(file) (\(timeline.span))", status: ExitStatus.usage)
            }
            return k
        }
    }
}
