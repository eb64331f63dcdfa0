import ShareSimCore

/// What a chart of runs shows: which share, grouped how, which segment, keys and dates.
/// The same words as `run`'s options, so a chart is the picture of a table the user knows.
public struct ChartView: Sendable {
    public var metric: SeriesMetric
    public var grouping: Grouping
    /// Nil: every segment, one panel each.
    public var segment: String?
    /// Vendors or origins to draw; empty: all.
    public var keys: [String]
    public var from: CalendarMonth?
    public var to: CalendarMonth?

    public init(metric: SeriesMetric = .installedShare, grouping: Grouping = .vendor, segment: String? = nil, keys: [String] = [],
                from: CalendarMonth? = nil, to: CalendarMonth? = nil) {
        self.metric = metric
        self.grouping = grouping
        self.segment = segment
        self.keys = keys
        self.from = from
        self.to = to
    }

    /// "installed share by origin": the share and the view, as every subtitle names them.
    public var subtitle: String {
        let share: String
        switch metric {
        case .installedShare: share = "installed share"
        case .salesShare: share = "sales share"
        case .installed: share = "installed base"
        case .sales: share = "sales"
        }
        return "\(share) by \(grouping.title)"
    }

    var format: ValueFormat { metric == .installedShare || metric == .salesShare ? .percent : .amount }

    /// The steps drawn: `from` to `to`, each within the timeline.
    func steps(in timeline: Timeline) throws(Diagnostic) -> ClosedRange<Int> {
        func step(_ m: CalendarMonth?, _ option: String, default k: Int) throws(Diagnostic) -> Int {
            guard let m else { return k }
            guard let k = timeline.step(within: m) else {
                throw Diagnostic(.error, "\(option) \(m.text) is outside the timeline (\(timeline.span))", at: nil,
                                 help: ["give a date from \(timeline.span)"])
            }
            return k
        }
        let first = try step(from, "--from", default: 0), last = try step(to, "--to", default: timeline.steps - 1)
        guard first < last else {
            throw Diagnostic(.error, "--from \(timeline.label(ofStep: first)) is not before --to \(timeline.label(ofStep: last))", at: nil,
                             help: ["a chart over time needs at least two steps"])
        }
        return first...last
    }

    /// The segments drawn, as indices into the scenario's.
    func segments(of s: ResolvedScenario) throws(Diagnostic) -> [Int] {
        guard let segment else { return Array(s.segments.indices) }
        guard let i = s.segments.firstIndex(where: { $0.id == segment }) else {
            let known = s.segments.map(\.id)
            throw Diagnostic(.error, "'\(segment)' is no segment of \(s.name)", at: nil,
                             help: [Suggestions.closest(to: segment, in: known).map { "did you mean '\($0)'?" } ?? "its segments: \(known.joined(separator: ", "))"])
        }
        return [i]
    }

    /// The rows drawn of one segment, filtered to `keys`.
    func rows(_ run: RunResult, segment s: Int) -> [EntitySeries] {
        let all = run.entities(segment: s, by: grouping)
        return keys.isEmpty ? all : all.filter { keys.contains($0.name) }
    }

    /// Refuses keys that no segment drawn has, naming the closest.
    func checkKeys(_ run: RunResult, segments: [Int]) throws(Diagnostic) {
        let known = segments.flatMap { run.entities(segment: $0, by: grouping).map(\.name) }
        for key in keys where !known.contains(key) {
            // A vendor named with --by origin: its origin is what to name.
            let vendor = grouping == .origin ? run.scenario.vendors.first { $0.id == key } : nil
            throw Diagnostic(.error, "'\(key)' is no \(grouping.rawValue) in \(segments.map { run.scenario.segments[$0].id }.joined(separator: ", "))", at: nil,
                             help: [vendor.map { "'\(key)' is a vendor; --by origin draws origins: name \($0.origin)" }
                                    ?? Suggestions.closest(to: key, in: known).map { "did you mean '\($0)'?" } ?? "give one of: \(known.joined(separator: ", "))"])
        }
    }

    /// A key's palette index: its place among the scenario's vendors or origins, so that a
    /// vendor keeps its colour in every panel and every chart of the scenario.
    static func style(of key: String, in s: ResolvedScenario, grouping: Grouping) -> Int {
        let order: [String]
        switch grouping {
        case .vendor, .buyer: order = s.vendors.map(\.id)
        case .origin: order = s.origins
        case .channel: order = ["direct"] + s.channels.map(\.id)
        case .recorded: order = s.origins + s.channels.compactMap(\.records).filter { !s.origins.contains($0) }
        }
        return order.firstIndex(of: key) ?? order.count
    }

    /// Each event once, at its first change's step, within the drawn steps.
    static func events(of s: ResolvedScenario, segment: String?, within steps: ClosedRange<Int>) -> [EventRule] {
        var seen: [String] = []
        var out: [EventRule] = []
        for c in s.changes {
            guard let name = c.origin?.event, !seen.contains(name), segment == nil || c.segment == segment else { continue }
            seen.append(name)
            if steps.contains(c.at) { out.append(EventRule(step: c.at, label: name)) }
        }
        return out
    }

    /// The scenario's observations and expectations that this chart's share and view measure
    /// in `segment`, as points: a figure of another view or measure would sit on an axis it
    /// does not belong to. Growth rates and expectations over several segments are no
    /// point of one panel.
    static func observations(of s: ResolvedScenario, segment: String, within steps: ClosedRange<Int>,
                             view: ChartView) -> [ObservationPoint] {
        let observed: [ObservationPoint] = s.observations.compactMap { o in
            guard view.shows(o, in: segment), steps.contains(o.at) else { return nil }
            let label = "observed (\(o.role.rawValue)): \(o.describe(timeline: s.timeline)) = \(o.format(o.value))"
                + (o.uncertainty.map { " ± \(o.format($0))" } ?? "") + (o.source.map { " [\($0)]" } ?? "")
            return ObservationPoint(step: o.at, value: o.value, role: o.role == .fit ? .fit : .check, label: label,
                                    caption: combinationKey(o.keys, buyer: o.buyer) + " observed")
        }
        let expected: [ObservationPoint] = s.expectations.compactMap { e in
            let last = min(e.toStep ?? e.fromStep, steps.upperBound)
            guard view.shows(e, in: segment), e.fromStep <= steps.upperBound, last >= steps.lowerBound else { return nil }
            let first = max(e.fromStep, steps.lowerBound)
            // The line as written, its source in brackets included, less the keyword.
            let words = e.text.split(separator: " ", omittingEmptySubsequences: true).dropFirst().joined(separator: " ")
            return ObservationPoint(step: first, lastStep: last > first ? last : nil, value: e.value, role: .expected,
                                    label: "expected: " + words, caption: combinationKey(e.keys, buyer: e.buyer) + " expected")
        }
        return (observed + expected).sorted { ($0.step, $0.value) < ($1.step, $1.value) }
    }

    /// A line for each set of several keys that the panel's observations and expectations
    /// measure together, valued as `ObservationChecker` and `ExpectationChecker` value them
    /// (`RunResult.value(of:…)`): an 85% for `CN, HK` is read against the sum of CN and HK,
    /// not beside the separate lines of about 43% each.
    static func combinations(of run: RunResult, segment: String, within steps: ClosedRange<Int>, view: ChartView) -> [LineSeries] {
        let s = run.scenario
        var selections: [(keys: [String], buyer: String?)] = []
        for o in s.observations where view.shows(o, in: segment) { selections.append((o.keys, o.buyer)) }
        for e in s.expectations where view.shows(e, in: segment) { selections.append((e.keys, e.buyer)) }
        var lines: [LineSeries] = []
        for selection in selections where selection.keys.count > 1 {
            let key = combinationKey(selection.keys, buyer: selection.buyer)
            guard !lines.contains(where: { $0.key == key }) else { continue }
            let values = steps.map { step in
                run.value(of: view.metric.measure, view: view.grouping, keys: selection.keys, buyer: selection.buyer, segments: [segment], step: step)
            }
            var line = LineSeries(key: key, values: values, style: 0)
            line.isCombination = true
            lines.append(line)
        }
        return lines
    }

    /// Whether an observation is a level of this chart's share and view in `segment`.
    private func shows(_ o: Observation, in segment: String) -> Bool {
        o.segment == segment && o.from == nil && o.view == grouping && o.measure == metric.measure
    }

    /// Whether an expectation measures this chart's share and view in `segment` alone.
    private func shows(_ e: Expectation, in segment: String) -> Bool {
        e.segments == [segment] && e.view == grouping && e.metric == metric.measure
    }

    /// `CN + HK`, `Ericsson + Nokia for government`: several keys read as one figure, their sum.
    static func combinationKey(_ keys: [String], buyer: String?) -> String {
        keys.joined(separator: " + ") + (buyer.map { " for \($0)" } ?? "")
    }

    /// A segment's panel title: `telecom — Telecom network equipment`.
    static func title(of segment: Segment) -> String { segment.id + (segment.title.map { " — \($0)" } ?? "") }
}
