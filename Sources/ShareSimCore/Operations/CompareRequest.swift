/// `compare`: two runs side by side, B − A per segment and vendor (or origin) over the
/// dates both have, with the tolerance that decides whether they count as equal.
///
/// ```swift
/// let c = try CompareRequest(a: .scenario(easing), b: .scenario(noEasing), names: ("easing", "no-easing"),
///                            grouping: .origin).perform()
/// c.comparison.isWithinTolerance
/// ```
public struct CompareRequest: Sendable {
    /// One side: a scenario still to run, a run already made, or run output read back.
    public enum Side: Sendable {
        case scenario(ResolvedScenario)
        case run(RunResult)
        case table(ShareTable)
    }

    public var a: Side
    public var b: Side
    /// How messages name the sides (the files or runs as the user gave them).
    public var names: (a: String, b: String)
    public var metric: SeriesMetric
    public var grouping: Grouping
    /// The largest difference that counts as equal, in share (see `ComparisonTolerance`).
    public var tolerance: Double
    /// Dates to show: each becomes the compared date whose step contains it. Empty: the
    /// report chooses its own.
    public var dates: [CalendarMonth]

    public init(a: Side, b: Side, names: (a: String, b: String), metric: SeriesMetric = .installedShare,
                grouping: Grouping = .vendor, tolerance: Double = 0, dates: [CalendarMonth] = []) {
        self.a = a
        self.b = b
        self.names = names
        self.metric = metric
        self.grouping = grouping
        self.tolerance = tolerance
        self.dates = dates
    }

    public func perform(_ hooks: OperationHooks = .none) throws(OperationError) -> CompareResponse {
        let tables = [try table(a, hooks), try table(b, hooks)]
        let comparison: RunComparison
        do {
            comparison = try RunComparison(tables[0], tables[1], metric: metric, grouping: grouping, tolerance: tolerance)
        } catch {
            throw error.saying("cannot compare \(names.a) with \(names.b): ")
        }
        return CompareResponse(comparison: comparison, columns: dates.isEmpty ? nil : try columns(of: comparison))
    }

    private func table(_ side: Side, _ hooks: OperationHooks) throws(OperationError) -> ShareTable {
        switch side {
        case .table(let t): return t
        case .run(let r): return ShareTable(r, grouping: grouping)
        case .scenario(let s): return ShareTable(try RunRequest(scenario: s).perform(hooks).result, grouping: grouping)
        }
    }

    private var timelines: [Timeline] {
        [a, b].compactMap { side in
            switch side {
            case .scenario(let s): return s.timeline
            case .run(let r): return r.scenario.timeline
            case .table: return nil
            }
        }
    }

    /// For each date, the compared date whose step contains it: the last one starting on or
    /// before it. A date outside either run's timeline is refused (its index is the part at
    /// fault), as `show` refuses it, rather than quietly shown at the nearest compared date.
    private func columns(of c: RunComparison) throws(OperationError) -> [Int] {
        let starts = c.dates.compactMap { CalendarMonth.parse($0)?.month }
        let timelines = self.timelines
        var chosen: [Int] = []
        for (index, month) in dates.enumerated() {
            let inBoth = timelines.allSatisfy { $0.step(within: month) != nil }
            guard inBoth, let i = starts.lastIndex(where: { $0 <= month }) else {
                // The compared dates are never empty: RunComparison refuses runs with none in common.
                let what = timelines.count == 2 && timelines[0] == timelines[1] ? "the timeline" : "the dates both runs have"
                throw .refused("\(month.text) is outside \(what) (\(starts[0].text) to \(starts[starts.count - 1].text))",
                               status: ExitStatus.usage, part: index)
            }
            chosen.append(i)
        }
        return chosen
    }
}

/// What `CompareRequest` gives: the comparison, and the columns its dates chose (indices
/// into `comparison.dates`; nil when none were asked for).
public struct CompareResponse: Sendable {
    public var comparison: RunComparison
    public var columns: [Int]?
}
