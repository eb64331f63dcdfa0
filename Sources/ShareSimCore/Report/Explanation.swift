/// What sets the values of one vendor, segment, origin, channel or event: the figures that
/// name it, the changes that move it, and what is observed of it. The REPL's `explain` and
/// the HTML report's provenance sections both read a scenario through this, so they agree
/// on what belongs to what.
public struct Explanation: Sendable {
    public enum Target: Sendable, Equatable {
        case vendor(String), segment(String), origin(String), channel(String), event(String)
    }

    public var target: Target
    public var figures: [Provenance]
    public var changes: [Change]
    /// The observations whose figure names the target: as a key, its segment or buyer group,
    /// or (for an origin) one of its vendors.
    public var observations: [Observation]

    /// What `name` is in `s`, trying vendor, segment, origin (a brand's, or one a channel
    /// records), channel (`direct` too), event in that order; nil if none.
    public static func target(named name: String, in s: ResolvedScenario) -> Target? {
        if s.vendors.contains(where: { $0.id == name }) { return .vendor(name) }
        if s.segments.contains(where: { $0.id == name }) { return .segment(name) }
        if s.origins.contains(name) || s.channels.contains(where: { $0.records == name }) { return .origin(name) }
        if name == Channel.direct || s.channels.contains(where: { $0.id == name }) { return .channel(name) }
        if s.changes.contains(where: { $0.origin?.event == name }) { return .event(name) }
        return nil
    }

    /// Every target a scenario has, in declaration order: segments, vendors, channels, events.
    public static func targets(of s: ResolvedScenario) -> [Target] {
        var events: [String] = []
        for c in s.changes { if let e = c.origin?.event, !events.contains(e) { events.append(e) } }
        return s.segments.map { .segment($0.id) } + s.vendors.map { .vendor($0.id) } + s.channels.map { .channel($0.id) }
            + events.map { .event($0) }
    }

    public init(_ target: Target, in s: ResolvedScenario) {
        self.target = target
        let vendors: Set<String>
        switch target {
        case .vendor(let v): vendors = [v]
        case .origin(let o): vendors = Set(s.vendors.filter { $0.origin == o }.map(\.id))
        case .segment, .channel, .event: vendors = []
        }
        figures = s.provenance.filter { p in
            // Vendor and segment names are single words; event and channel names may not be.
            let words = p.subject.split(separator: " ").map(String.init)
            if p.subject.hasPrefix("observe ") { return false }
            switch target {
            case .event(let e): return p.subject.hasPrefix("event \"\(e)\"")
            case .channel(let c): return p.subject == "channel \(c) records"
            case .segment(let id): return words.count > 1 && words[1] == id && !p.subject.hasPrefix("event")
            case .vendor, .origin: return words.count > 2 && vendors.contains(words[2]) && !p.subject.hasPrefix("event")
            }
        }
        changes = s.changes.filter { c in
            switch target {
            case .vendor, .origin: return vendors.contains(c.vendor ?? "")
            case .segment(let id): return c.segment == id
            case .channel(let id): return c.vendor != nil && (c.channel ?? Channel.direct) == id
            case .event(let e): return c.origin?.event == e
            }
        }
        let name = Explanation.name(of: target)
        observations = s.observations.filter { o in
            o.keys.contains(name) || o.segment == name || o.buyer == name || !vendors.isDisjoint(with: o.keys)
        }
    }

    /// `2022-03 access Cisco via "HK intermediaries" in telecom → 10.0% over 3 steps until
    /// 2023-01`: a change in words, with `by` for what it adds and `×` for what it scales by.
    public static func describe(_ c: Change, timeline: Timeline) -> String {
        let who = [c.vendor, c.channel.map { $0.contains(" ") ? "via \"\($0)\"" : "via \($0)" }, c.buyer.map { "for \($0)" }]
            .compactMap { $0 }.joined(separator: " ")
        let isPercentage = c.field == .access || c.field == .growth
        let value: String
        switch c.operation {
        case .to: value = "→ " + (isPercentage ? NumberText.percent(c.value) : NumberText.fixed(c.value, decimals: 3))
        case .by:
            let sign = c.value < 0 ? "-" : "+"
            value = "by " + sign + (isPercentage ? NumberText.fixed(abs(c.value) * 100, decimals: 1) + " points" : NumberText.fixed(abs(c.value), decimals: 3))
        case .times: value = "× " + NumberText.csv(c.value)
        }
        return "\(timeline.month(ofStep: c.at).text) \(c.field.rawValue) \(who.isEmpty ? "" : who + " ")in \(c.segment) \(value)"
            + (c.over > 1 ? " over \(c.over) steps" : "") + (c.until.map { " until \(timeline.month(ofStep: $0).text)" } ?? "")
    }

    /// `observed (check) sales share recorded origin CN, HK in chips at 2023-01 = 85.0% ± 3.0%  [seed 003]`.
    public static func describe(_ o: Observation, timeline: Timeline) -> String {
        "observed (\(o.role.rawValue)) \(o.describe(timeline: timeline)) = \(o.format(o.value))"
            + (o.uncertainty.map { " ± \(o.format($0))" } ?? "") + (o.source.map { "  [\($0)]" } ?? "")
    }

    public var name: String { Explanation.name(of: target) }

    static func name(of target: Target) -> String {
        switch target {
        case .vendor(let n), .segment(let n), .origin(let n), .channel(let n), .event(let n): return n
        }
    }
}
