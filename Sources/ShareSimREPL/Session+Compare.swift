import ShareSimCore

/// `compare RUN RUN`: the batch command's comparison of two runs of this session, per
/// vendor at chosen dates, with where the gap is largest.
extension Session {
    func compare(_ args: [String]) -> Reply {
        let o: ViewOptions
        switch ViewOptions.parse(args, runNames: runNames, scenario: runs.last?.result.scenario) {
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
            var chosen: [Int] = []
            for month in o.dates {
                // The compared step that contains the date: the last one starting on or before it.
                let starts = comparison.dates.map { CalendarMonth.parse($0)?.month }
                guard let first = starts.first ?? nil, month >= first,
                      let i = starts.lastIndex(where: { $0.map { $0 <= month } ?? false }) else {
                    return .failure("\(month.text) is not a date both runs have", word: month.text, status: 2)
                }
                chosen.append(i)
            }
            columns = chosen
        }
        return Reply(output: ComparisonReport.table(comparison, labelA: o.runs[0], labelB: o.runs[1], width: env.width, columns: columns))
    }
}
