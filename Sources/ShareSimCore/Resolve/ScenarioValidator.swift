/// Checks MODEL.md's preconditions on resolved data that did not come through the
/// resolver (resolved JSON written by other tools), so the engine never sees a scenario
/// it cannot run.
package enum ScenarioValidator {
    /// `locate` gives where the value at a path such as `segments[0].initial` was written.
    package static func problems(
        in r: ResolvedScenario, path: String, locate: (String) -> SourceLocation? = { _ in nil }
    ) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let here = SourceLocation(file: path, line: 1, column: 1)
        func bad(_ at: String, _ m: String, _ help: String? = nil) { out.append(.error(m, at: locate(at) ?? here, help: help)) }
        // Every check below that speaks of steps assumes a timeline that has some; with none,
        // a range such as `0..<steps` cannot even be formed (once a crash).
        let timelineIsValid = (1...1_000_000).contains(r.timeline.steps)
        if !timelineIsValid {
            bad("timeline.steps", "timeline.steps must be between 1 and 1,000,000, not \(r.timeline.steps)")
        }
        let vendorIDs = r.vendors.map(\.id)
        var ids = Set<String>()
        for (i, v) in r.vendors.enumerated() where !ids.insert(v.id).inserted { bad("vendors[\(i)].id", "vendor '\(v.id)' is listed twice") }
        var channelIDs = Set<String>()
        for (i, c) in r.channels.enumerated() {
            if c.id == Channel.direct {
                bad("channels[\(i)].id", "'direct' is not declared: every brand has it, first", "remove this channel")
            } else if !channelIDs.insert(c.id).inserted {
                bad("channels[\(i)].id", "channel '\(c.id)' is listed twice")
            }
        }
        var segIDs = Set<String>()
        for (k, s) in r.segments.enumerated() {
            let p = "segments[\(k)]"
            if !segIDs.insert(s.id).inserted { bad("\(p).id", "segment '\(s.id)' is listed twice") }
            if !(s.lifetime > 0) || !s.lifetime.isFinite { bad("\(p).lifetime", "segment '\(s.id)': lifetime must be above 0, not \(s.lifetime)") }
            if !(s.growth >= -1) || !s.growth.isFinite { bad("\(p).growth", "segment '\(s.id)': growth must be at least -1, not \(s.growth)") }
            if !(s.size > 0) || !s.size.isFinite { bad("\(p).size", "segment '\(s.id)': size must be above 0, not \(s.size)") }
            if s.buyers.isEmpty { bad("\(p).buyers", "segment '\(s.id)' has no buyer groups") }
            let w = s.buyers.reduce(0) { $0 + $1.weight }
            if s.buyers.contains(where: { !($0.weight >= 0) }) || abs(w - 1) > 1e-9 {
                bad("\(p).buyers", "segment '\(s.id)': buyer weights must be ≥ 0 and sum to 1, not \(readable(w))")
            }
            for (v, sigma) in s.initial.sorted(by: { $0.key < $1.key }) {
                if !ids.contains(v) { bad("\(p).initial.\(v)", "segment '\(s.id)': unknown vendor '\(v)' in initial", Suggestions.didYouMean(v, in: vendorIDs)) }
                if !(0...1).contains(sigma) { bad("\(p).initial.\(v)", "segment '\(s.id)': share of '\(v)' must lie in [0,1], not \(sigma)") }
                if sigma == 0, s.appeal[v] == nil {
                    bad("\(p).initial.\(v)", "segment '\(s.id)': '\(v)' has share 0 and no appeal", "give it a base utility in \"appeal\"")
                }
            }
            for (v, a) in s.appeal.sorted(by: { $0.key < $1.key }) where !ids.contains(v) || !a.isFinite {
                bad("\(p).appeal.\(v)", ids.contains(v) ? "segment '\(s.id)': bad appeal for '\(v)'" : "segment '\(s.id)': unknown vendor '\(v)' in appeal",
                    Suggestions.didYouMean(v, in: vendorIDs))
            }
            let total = s.initial.values.sorted().reduce(0, +)
            if abs(total - 1) > 1e-6 {
                bad("\(p).initial", "segment '\(s.id)': initial shares sum to \(readable(total)), not 1", "shares are fractions that add up to 1")
            }
        }
        for (i, c) in r.changes.enumerated() {
            let p = "changes[\(i)]"
            guard let seg = r.segments.first(where: { $0.id == c.segment }) else {
                bad("\(p).segment", "\(p): unknown segment '\(c.segment)'", Suggestions.didYouMean(c.segment, in: r.segments.map(\.id)))
                continue
            }
            if timelineIsValid, !(0..<r.timeline.steps).contains(c.at) {
                bad("\(p).at", "\(p): 'at' must be a step of the timeline, 0 to \(r.timeline.steps - 1), not \(c.at)")
            }
            let value = "\(p).\(c.operation.rawValue)"
            if !c.value.isFinite { bad(value, "\(p): '\(c.operation.rawValue)' must be a finite number") }
            if c.over < 1 { bad("\(p).over", "\(p): 'over' must be at least 1 step, not \(c.over)") }
            if let until = c.until, until <= c.at {
                bad("\(p).until", "\(p): 'until' (\(until)) must come after 'at' (\(c.at))", "the field returns to its earlier value at step 'until'")
            }
            if let channel = c.channel {
                if c.field != .access && c.field != .friction {
                    bad("\(p).channel", "\(p): a \(c.field.rawValue) change cannot name a channel",
                        "only access and friction are per channel; set \"channel\" to null")
                } else if !r.channels.contains(where: { $0.id == channel }) {
                    bad("\(p).channel", "\(p): unknown channel '\(channel)'",
                        Suggestions.didYouMean(channel, in: r.routeNames))
                }
            }
            if c.buyer != nil && c.field != .access {
                bad("\(p).buyer", "\(p): only an access change names a buyer group; a \(c.field.rawValue) change applies to every buyer",
                    "set \"buyer\" to null")
            }
            if c.field == .growth {
                if c.vendor != nil { bad("\(p).vendor", "\(p): a growth change has no vendor", "set \"vendor\" to null") }
                if c.operation == .to && c.value < -1 { bad(value, "\(p): growth must be at least -1") }
                continue
            }
            guard let v = c.vendor else { bad(p, "\(p): a \(c.field.rawValue) change needs a vendor"); continue }
            if !ids.contains(v) {
                bad("\(p).vendor", "\(p): unknown vendor '\(v)'", Suggestions.didYouMean(v, in: vendorIDs))
            } else if seg.initial[v] == nil && seg.appeal[v] == nil {
                bad("\(p).vendor", "\(p): vendor '\(v)' does not sell in '\(c.segment)'", "give it a share or an appeal in that segment")
            }
            if let b = c.buyer, c.field == .access, !seg.buyers.contains(where: { $0.id == b }) {
                bad("\(p).buyer", "\(p): segment '\(c.segment)' has no buyer group '\(b)'", Suggestions.didYouMean(b, in: seg.buyers.map(\.id)))
            }
            if c.field == .access, c.operation == .to, !(0...1).contains(c.value) { bad(value, "\(p): access must lie in [0,1], not \(c.value)") }
        }
        for (i, o) in r.observations.enumerated() {
            let p = "observations[\(i)]"
            if !segIDs.contains(o.segment) {
                bad("\(p).segment", "\(p): unknown segment '\(o.segment)'", Suggestions.didYouMean(o.segment, in: r.segments.map(\.id)))
            }
            if !(0..<r.timeline.steps).contains(o.at) {
                bad("\(p).at", "\(p): 'at' must be a step of the timeline, 0 to \(r.timeline.steps - 1), not \(o.at)")
            }
            if let from = o.from, !(0..<o.at).contains(from) {
                bad("\(p).from", "\(p): a growth rate's 'from' must be a step before 'at' (\(o.at)), not \(from)")
            }
            if o.keys.isEmpty { bad("\(p).keys", "\(p): no keys", "name the vendors, origins or channels whose figure was observed") }
            if (o.view == .buyer) != (o.buyer != nil) {
                bad("\(p).buyer", "\(p): \(o.view == .buyer ? "the buyer view needs a buyer group" : "only the buyer view names a buyer group")")
            }
            if !o.value.isFinite || (o.measure.isShare && !(0...1).contains(o.value)) {
                bad("\(p).value", "\(p): \(o.measure.isShare ? "a share must lie in [0,1]" : "the value must be a finite number"), not \(o.value)")
            }
            if let u = o.uncertainty, !(u > 0) || !u.isFinite { bad("\(p).uncertainty", "\(p): uncertainty must be above 0, not \(u)") }
        }
        // The bounds assume the preconditions above.
        guard out.isEmpty else { return out }
        for f in OverflowCheck.findings(in: r) {
            switch f.culprit {
            case .size(let s): bad("segments[\(s)].size", f.message, f.help)
            case .growth(let s): bad("segments[\(s)].growth", f.message, f.help)
            case .change(let i): bad("changes[\(i)].\(r.changes[i].operation.rawValue)", f.message, f.help)
            case .appeal(let s, let v): bad("segments[\(s)].appeal.\(v)", f.message, f.help)
            }
        }
        return out
    }

    /// A sum such as 0.8999999999999999 as people write it: 0.9.
    private static func readable(_ x: Double) -> String {
        guard x.isFinite else { return x.description }
        return ((x * 1e9).rounded() / 1e9).description
    }
}
