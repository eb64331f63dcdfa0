import ShareSimCore

/// `compare RUN RUN`: the batch command's comparison of two runs of this session, per
/// vendor at chosen dates, with where the gap is largest.
extension Session {
    func compare(_ args: [String]) -> Reply {
        let o: ViewOptions
        switch ViewOptions.parse(args, runNames: runNames, scenario: runs.last?.result.scenario, locate: location(of:)) {
        case .failure(let p): return failure(p, status: .usage)
        case .success(let parsed): o = parsed
        }
        guard o.runs.count == 2 else {
            return failure("usage: \(Commands.named("compare")!.usage)\n  runs: "
                            + (runNames.isEmpty ? "none yet ('run as NAME' makes one)" : runNames.joined(separator: ", ")), status: .usage)
        }
        let a = runs.first { $0.name == o.runs[0] }!.result
        let b = runs.first { $0.name == o.runs[1] }!.result
        let request = CompareRequest(a: .run(a), b: .run(b), names: (o.runs[0], o.runs[1]), metric: o.metric, grouping: o.grouping,
                                     tolerance: o.tolerance, dates: o.dates)
        var compared: CompareResponse
        do throws(OperationError) {
            compared = try request.perform(env.hooks)
        } catch {
            return reply(to: error, of: "compare", word: { o.dates[$0].text })
        }
        compared.comparison.rows.removeAll { !o.keeps(name: $0.name, origin: $0.origin) || (o.segment.map { [segment = $0.segment] in segment != $0 } ?? false) }
        guard !compared.comparison.rows.isEmpty else { return failure(o.noneSell(in: o.segment, scenario: a.scenario), word: o.names.first, status: .usage) }
        return Reply(output: ComparisonReport.table(compared.comparison, labelA: o.runs[0], labelB: o.runs[1], width: env.width,
                                                    columns: compared.columns))
    }
}
