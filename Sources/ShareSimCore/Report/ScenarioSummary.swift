/// A resolved scenario described for people: what `inspect` prints without `--json`.
public enum ScenarioSummary {
    public static func render(_ s: ResolvedScenario) -> String {
        var out = "\(s.name)\n"
        out += "timeline  \(s.timeline.span), \(s.timeline.steps) \(s.timeline.step.rawValue)ly steps\n"
        out += "vendors   " + s.vendors.map { "\($0.id) (\($0.origin))" }.joined(separator: ", ") + "\n"
        if !s.channels.isEmpty {
            out += "channels  \(Channel.direct), " + s.channels.map { "\($0.id) (records \($0.records ?? "the brand's origin"))" }
                .joined(separator: ", ") + "\n"
        }
        for seg in s.segments {
            out += "segment   \(seg.id): lifetime \(NumberText.fixed(seg.lifetime, decimals: 2))y, growth \(NumberText.percent(seg.growth))/y, size \(NumberText.amount(seg.size))\(seg.unit.map { " " + $0 } ?? "")"
            out += ", buyers " + seg.buyers.map { "\($0.id) \(NumberText.percent($0.weight, decimals: 0))" }.joined(separator: ", ") + "\n"
        }
        var events: [String] = []
        for c in s.changes { if let e = c.origin?.event, !events.contains(e) { events.append(e) } }
        for e in events {
            let first = s.changes.first { $0.origin?.event == e }!
            let n = s.changes.filter { $0.origin?.event == e }.count
            out += "event     \"\(e)\" at \(s.timeline.month(ofStep: first.at).text): \(n) change\(n == 1 ? "" : "s")\n"
        }
        out += "expect    \(s.expectations.count) expectation\(s.expectations.count == 1 ? "" : "s")\n"
        for o in s.observations { out += "observe   " + describe(o, timeline: s.timeline) + "\n" }
        return out
    }

    /// `sales share by recorded CN, HK in chips at 2023-01 = 85.0% ± 3.0% (fit) [seed 003]`.
    static func describe(_ o: Observation, timeline: Timeline) -> String {
        func figure(_ x: Double) -> String { o.measure.isShare ? NumberText.percent(x) : NumberText.amount(x) }
        var text = "\(o.measure.rawValue) by \(o.view.rawValue) \(o.keys.joined(separator: ", "))"
        if let b = o.buyer { text += " for \(b)" }
        text += " in \(o.segment) at \(timeline.label(ofStep: o.at)) = \(figure(o.value))"
        if let u = o.uncertainty { text += " ± \(figure(u))" }
        text += " (\(o.role.rawValue))"
        if let tag = o.source { text += " [\(tag)]" }
        return text
    }
}
