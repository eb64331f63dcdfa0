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
        return "\(share) by \(grouping.rawValue)"
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
        let order = grouping == .origin ? s.origins : s.vendors.map(\.id)
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

    /// A segment's panel title: `telecom — Telecom network equipment`.
    static func title(of segment: Segment) -> String { segment.id + (segment.title.map { " — \($0)" } ?? "") }
}
