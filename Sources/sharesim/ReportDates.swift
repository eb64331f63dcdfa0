import ArgumentParser
import Foundation
import ShareSimCore

/// The steps of comma-separated `--at` dates; a date outside the timeline is a usage error.
enum ReportDates {
    static func steps(_ dates: String, in timeline: Timeline, file: String) throws -> [Int] {
        try dates.split(separator: ",").compactMap { CalendarMonth.parse(String($0).trimmingCharacters(in: .whitespaces)) }.map { d in
            let k = timeline.step(containing: d.month)
            guard (0..<timeline.steps).contains(k) else {
                let last = timeline.month(ofStep: timeline.steps - 1)
                Output.err("sharesim: error: --at \(d.month.text) is outside the timeline of \(file) (\(timeline.start.text) to \(last.text))\n")
                throw ExitCode(ExitStatus.usage)
            }
            return k
        }
    }
}
