/// The human table: a block per segment, a row per vendor (or origin), a column per
/// chosen date, as wide as the terminal allows.
public struct TableReport: Sendable {
    public var metric: SeriesMetric
    public var grouping: Grouping
    /// Steps to show; nil chooses evenly spaced ones that fit `width`.
    public var steps: [Int]?
    public var width: Int
    /// Only this segment, or every segment when nil.
    public var segment: String?
    /// Only the rows of these vendors, origins or channels, or every row when empty.
    public var only: [String]

    public init(metric: SeriesMetric = .installedShare, grouping: Grouping = .vendor, steps: [Int]? = nil, width: Int = 80,
                segment: String? = nil, only: [String] = []) {
        self.segment = segment
        self.only = only
        self.metric = metric
        self.grouping = grouping
        self.steps = steps
        self.width = max(40, width)
    }

    /// Every date asked for is shown: columns that do not fit the width go on in blocks
    /// below. Chosen by the report, the dates are the first, the last and as many evenly
    /// spaced ones between as fit one block, a long name cut short to leave room for two.
    public func render(_ r: RunResult, title: String? = nil) -> String {
        var out = ""
        let what = "\(metric == .installedShare ? "installed share" : metric == .salesShare ? "sales share" : metric.rawValue) by \(grouping.title)"
        out += Wrap.line("\(title ?? r.scenario.name) — \(what)", width: width, indent: 2) + "\n"
        for s in r.segments.indices where segment == nil || r.scenario.segments[s].id == segment {
            let seg = r.scenario.segments[s]
            let rows = r.rows(segment: s, by: grouping).filter { only.isEmpty || only.contains($0.name) || only.contains($0.origin) }
            if rows.isEmpty { continue }
            let labels = TextTable.Column.labels(of: grouping, names: rows.map(\.name), origins: rows.map(\.origin), buyers: rows.map(\.buyer))
            let chosen = (steps ?? []).filter { $0 >= 0 && $0 < r.steps }
            let cells = rows.flatMap { e in chosen.map { cell(r.value(metric, of: e, segment: s, step: $0)) } }
            let table = TextTable(labels: labels, figureWidth: max(8, (cells.map(\.count).max() ?? 0) + 1))
            let shown = steps != nil ? chosen
                : TableReport.spread(steps: r.steps, count: table.layout(width: width, minimum: 2).perBlock, timeline: r.scenario.timeline)
            let figures = shown.map { k in
                TextTable.Column.figure(r.scenario.timeline.label(ofStep: k),
                                        rows.map { cell(r.value(metric, of: $0, segment: s, step: k)) }, width: table.figureWidth)
            }
            out += "\n" + Wrap.line("\(seg.id)\(seg.title.map { " — \($0)" } ?? "")", width: width, indent: 2) + "\n"
            out += table.render(figures, width: width)
        }
        return out
    }

    private func cell(_ v: Double) -> String {
        metric == .installedShare || metric == .salesShare ? NumberText.percent(v) : NumberText.amount(v)
    }

    /// Up to `count` steps from first to last, preferring the starts of years when the
    /// timeline has at least three.
    package static func spread(steps: Int, count: Int, timeline: Timeline) -> [Int] {
        let perYear = 12 / timeline.step.months
        let yearStarts = (0..<steps).filter { timeline.month(ofStep: $0).month == timeline.start.month && $0 % perYear == 0 }
        return spread(yearStarts: yearStarts, last: steps - 1, count: count)
    }

    /// Up to `count` of the indices `yearStarts` (ascending, from 0: the first step and
    /// each anniversary of it) followed by `last`. Shared with `compare`, whose dates are
    /// those two runs have in common rather than a timeline's, so that its columns are
    /// spaced as `run`'s are.
    package static func spread(yearStarts: [Int], last: Int, count: Int) -> [Int] {
        let steps = last + 1
        guard steps > 1, count > 1 else { return [0] }
        if yearStarts.count < 3 {
            // A year or two has too few year starts to show anything move: evenly spaced
            // steps instead, the fewest apart that fit (with the last step).
            var every = 1
            while (steps - 1 + every - 1) / every + 1 > count { every += 1 }
            var out = Array(Swift.stride(from: 0, to: steps, by: every))
            if out.last != steps - 1 { out.append(steps - 1) }
            return out
        }
        var candidates = yearStarts
        if candidates.last != steps - 1 { candidates.append(steps - 1) }
        if candidates.count <= count { return candidates }
        // Every k-th year, the smallest k that fits with the last step: evenly spaced
        // columns (2021, 2023, 2025, 2027, 2027-12) rather than rounded picks.
        let endsOnAYear = yearStarts.last == steps - 1
        var k = 1
        while (yearStarts.count + k - 1) / k + (endsOnAYear ? 0 : 1) > count { k += 1 }
        var out = Swift.stride(from: 0, to: yearStarts.count, by: k).map { yearStarts[$0] }
        if out.last != steps - 1 { out.append(steps - 1) }
        return out
    }
}
