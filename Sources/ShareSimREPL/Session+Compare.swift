import ShareSimCore

/// `compare RUN RUN`: the batch command's comparison of two runs of this session, per
/// vendor at chosen dates, with where the gap is largest.
extension Session {
    func compare(_ args: [String]) -> Reply {
        let o: ViewOptions
        switch ViewOptions.parse(args, runNames: runNames, scenario: runs.last?.result.scenario, views: [.vendor, .origin]) {
        case .failure(let p): return .failure(p, status: 2)
        case .success(let parsed): o = parsed
        }
        guard o.runs.count == 2 else {
            return .failure("usage: compare RUN RUN [at DATES] [--share installed|sales] [--by vendor|origin]\n  runs: "
                            + (runNames.isEmpty ? "none yet ('run as NAME' makes one)" : runNames.joined(separator: ", ")), status: 2)
        }
        let a = runs.first { $0.name == o.runs[0] }!.result
        let b = runs.first { $0.name == o.runs[1] }!.result
        let comparison: RunComparison
        do {
            comparison = try RunComparison(a, b, metric: o.metric, grouping: o.grouping)
        } catch {
            return .failure(error.message + (error.help.map { "\nhelp: \($0)" } ?? ""), status: 2)
        }
        var columns: [Int]?
        if !o.dates.isEmpty {
            switch Self.columns(o.dates, of: comparison, timelines: a.scenario.timeline, b.scenario.timeline) {
            case .failure(let p): return .failure(p, status: 2)
            case .success(let chosen): columns = chosen
            }
        }
        return Reply(output: ComparisonReport.table(comparison, labelA: o.runs[0], labelB: o.runs[1], width: env.width, columns: columns))
    }

    /// For each month, the compared date whose step contains it: the last one starting on or
    /// before it. A month outside either run's timeline is refused, as `show` refuses it,
    /// rather than quietly shown at the nearest compared date.
    private static func columns(_ months: [CalendarMonth], of c: RunComparison, timelines a: Timeline, _ b: Timeline) -> Result<[Int], Problem> {
        let starts = c.dates.compactMap { CalendarMonth.parse($0)?.month }
        var chosen: [Int] = []
        for month in months {
            let inBoth = [a, b].allSatisfy { $0.step(within: month) != nil }
            guard inBoth, let i = starts.lastIndex(where: { $0 <= month }) else {
                // The compared dates are never empty: RunComparison refuses runs with none in common.
                let what = a == b ? "the timeline" : "the dates both runs have"
                return .failure(Problem("\(month.text) is outside \(what) (\(starts[0].text) to \(starts[starts.count - 1].text))",
                                        word: month.text))
            }
            chosen.append(i)
        }
        return .success(chosen)
    }
}
