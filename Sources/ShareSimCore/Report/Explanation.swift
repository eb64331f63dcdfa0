/// What sets the values of one vendor, segment, origin or event: the figures that name it
/// and the changes that move it. The REPL's `explain` and the HTML report's provenance
/// sections both read a scenario through this, so they agree on what belongs to what.
public struct Explanation: Sendable {
    public enum Target: Sendable, Equatable {
        case vendor(String), segment(String), origin(String), event(String)
    }

    public var target: Target
    public var figures: [Provenance]
    public var changes: [Change]

    /// What `name` is in `s`, trying vendor, segment, origin, event in that order; nil if none.
    public static func target(named name: String, in s: ResolvedScenario) -> Target? {
        if s.vendors.contains(where: { $0.id == name }) { return .vendor(name) }
        if s.segments.contains(where: { $0.id == name }) { return .segment(name) }
        if s.origins.contains(name) { return .origin(name) }
        if s.changes.contains(where: { $0.origin?.event == name }) { return .event(name) }
        return nil
    }

    /// Every target a scenario has, in declaration order: segments, vendors, events.
    public static func targets(of s: ResolvedScenario) -> [Target] {
        var events: [String] = []
        for c in s.changes { if let e = c.origin?.event, !events.contains(e) { events.append(e) } }
        return s.segments.map { .segment($0.id) } + s.vendors.map { .vendor($0.id) } + events.map { .event($0) }
    }

    public init(_ target: Target, in s: ResolvedScenario) {
        self.target = target
        let vendors: Set<String>
        switch target {
        case .vendor(let v): vendors = [v]
        case .origin(let o): vendors = Set(s.vendors.filter { $0.origin == o }.map(\.id))
        case .segment, .event: vendors = []
        }
        figures = s.provenance.filter { p in
            // Vendor and segment names are single words; only event names are quoted.
            let words = p.subject.split(separator: " ").map(String.init)
            switch target {
            case .event(let e): return p.subject.hasPrefix("event \"\(e)\"")
            case .segment(let id): return words.count > 1 && words[1] == id && !p.subject.hasPrefix("event")
            case .vendor, .origin: return words.count > 2 && vendors.contains(words[2]) && !p.subject.hasPrefix("event")
            }
        }
        changes = s.changes.filter { c in
            switch target {
            case .vendor, .origin: return vendors.contains(c.vendor ?? "")
            case .segment(let id): return c.segment == id
            case .event(let e): return c.origin?.event == e
            }
        }
    }

    /// `2022-03 access Cisco in telecom → 10.0% over 3 steps`: a change in words.
    public static func describe(_ c: Change, timeline: Timeline) -> String {
        let who = [c.vendor, c.buyer.map { "for \($0)" }].compactMap { $0 }.joined(separator: " ")
        let value = c.field == .access || c.field == .growth ? NumberText.percent(c.to) : NumberText.fixed(c.to, decimals: 3)
        return "\(timeline.month(ofStep: c.at).text) \(c.field.rawValue) \(who) in \(c.segment) → \(value)\(c.over > 1 ? " over \(c.over) steps" : "")"
    }

    public var name: String {
        switch target {
        case .vendor(let n), .segment(let n), .origin(let n), .event(let n): return n
        }
    }
}
