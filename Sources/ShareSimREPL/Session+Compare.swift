import ShareSimCore

/// `compare RUN RUN`: the difference per vendor at chosen dates, and where the gap is largest.
extension Session {
    func compare(_ args: [String]) -> Reply {
        let o: ViewOptions
        switch ViewOptions.parse(args, runNames: runNames, scenario: runs.last?.result.scenario) {
        case .failure(let p): return .failure(p.message, status: 2)
        case .success(let parsed): o = parsed
        }
        guard o.runs.count == 2 else {
            return .failure("usage: compare RUN RUN [at DATES] [--share installed|sales] [--by vendor|origin]\n  runs: "
                            + (runNames.isEmpty ? "none yet ('run as NAME' makes one)" : runNames.joined(separator: ", ")), status: 2)
        }
        let a = runs.first { $0.name == o.runs[0] }!.result
        let b = runs.first { $0.name == o.runs[1] }!.result
        guard a.scenario.timeline.start == b.scenario.timeline.start, a.scenario.timeline.step == b.scenario.timeline.step else {
            return .failure("the two runs have different timelines; compare runs of the same scenario family", status: 2)
        }
        let steps = min(a.steps, b.steps)
        let chosen: [Int]
        switch o.steps(in: Timeline(start: a.scenario.timeline.start, step: a.scenario.timeline.step, steps: steps)) {
        case .failure(let p): return .failure(p.message, status: 2)
        case .success(let s): chosen = s ?? TableReport.spread(steps: steps, count: max(1, (env.width - 40) / 9), timeline: a.scenario.timeline)
        }
        let what = o.metric == .installedShare ? "installed share" : "sales share"
        var out = "\(o.runs[1]) − \(o.runs[0]): \(what) by \(o.grouping.rawValue), in percentage points\n"
        for (sa, segA) in a.scenario.segments.enumerated() where o.segment == nil || segA.id == o.segment {
            guard let sb = b.scenario.segments.firstIndex(where: { $0.id == segA.id }) else {
                out += "\n\(segA.id): only in \(o.runs[0])\n"
                continue
            }
            let rowsA = a.entities(segment: sa, by: o.grouping), rowsB = b.entities(segment: sb, by: o.grouping)
            let names = rowsA.map(\.name) + rowsB.map(\.name).filter { n in !rowsA.contains { $0.name == n } }
            let nameWidth = max(8, names.map(\.count).max() ?? 8)
            out += "\n\(segA.id)\n" + "".padding(nameWidth)
            for k in chosen { out += a.scenario.timeline.month(ofStep: k).text.leftPadded(9) }
            out += "   largest gap\n"
            for n in names {
                out += n.padding(nameWidth)
                guard let ra = rowsA.first(where: { $0.name == n }), let rb = rowsB.first(where: { $0.name == n }) else {
                    out += "  only in \(rowsA.contains { $0.name == n } ? o.runs[0] : o.runs[1])\n"
                    continue
                }
                let va = ra.values(o.metric), vb = rb.values(o.metric)
                for k in chosen { out += points(vb[k] - va[k]).leftPadded(9) }
                var worst = 0
                for k in 0..<steps where abs(vb[k] - va[k]) > abs(vb[worst] - va[worst]) { worst = k }
                let gap = vb[worst] - va[worst]
                let shown = points(gap)
                out += shown == "0.0" ? "   none\n" : "   \(shown) at \(a.scenario.timeline.month(ofStep: worst).text)\n"
            }
        }
        return Reply(output: out)
    }

    private func points(_ d: Double) -> String {
        let s = NumberText.fixed(d * 100, decimals: 1)
        return d > 0 && s != "0.0" ? "+" + s : (s == "-0.0" ? "0.0" : s)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? " " + self : String(repeating: " ", count: width - count) + self }
}
