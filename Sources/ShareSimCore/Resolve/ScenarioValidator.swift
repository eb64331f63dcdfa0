/// Checks MODEL.md's preconditions on resolved data that did not come through the
/// resolver (resolved JSON written by other tools), so the engine never sees a scenario
/// it cannot run.
public enum ScenarioValidator {
    public static func problems(in r: ResolvedScenario, path: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let here = SourceLocation(file: path, line: 1, column: 1)
        func bad(_ m: String, _ help: String? = nil) { out.append(.error(m, at: here, help: help)) }
        if r.timeline.steps < 1 || r.timeline.steps > 1_000_000 { bad("timeline.steps must be between 1 and 1,000,000, not \(r.timeline.steps)") }
        var ids = Set<String>()
        for v in r.vendors where !ids.insert(v.id).inserted { bad("vendor '\(v.id)' is listed twice") }
        var segIDs = Set<String>()
        for s in r.segments {
            if !segIDs.insert(s.id).inserted { bad("segment '\(s.id)' is listed twice") }
            if !(s.lifetime > 0) || !s.lifetime.isFinite { bad("segment '\(s.id)': lifetime must be above 0, not \(s.lifetime)") }
            if !(s.growth >= -1) || !s.growth.isFinite { bad("segment '\(s.id)': growth must be at least -1, not \(s.growth)") }
            if !(s.size > 0) || !s.size.isFinite { bad("segment '\(s.id)': size must be above 0, not \(s.size)") }
            if s.buyers.isEmpty { bad("segment '\(s.id)' has no buyer groups") }
            let w = s.buyers.reduce(0) { $0 + $1.weight }
            if s.buyers.contains(where: { !($0.weight >= 0) }) || abs(w - 1) > 1e-9 { bad("segment '\(s.id)': buyer weights must be ≥ 0 and sum to 1, not \(w)") }
            for (v, sigma) in s.initial.sorted(by: { $0.key < $1.key }) {
                if !ids.contains(v) { bad("segment '\(s.id)': unknown vendor '\(v)' in initial", Suggestions.didYouMean(v, in: r.vendors.map(\.id))) }
                if !(0...1).contains(sigma) { bad("segment '\(s.id)': share of '\(v)' must lie in [0,1], not \(sigma)") }
                if sigma == 0, s.appeal[v] == nil { bad("segment '\(s.id)': '\(v)' has share 0 and no appeal") }
            }
            for (v, a) in s.appeal.sorted(by: { $0.key < $1.key }) where !ids.contains(v) || !a.isFinite {
                bad("segment '\(s.id)': bad appeal for '\(v)'")
            }
            let total = s.initial.values.sorted().reduce(0, +)
            if abs(total - 1) > 1e-6 { bad("segment '\(s.id)': initial shares sum to \(total), not 1") }
        }
        for (i, c) in r.changes.enumerated() {
            guard let seg = r.segments.first(where: { $0.id == c.segment }) else {
                bad("changes[\(i)]: unknown segment '\(c.segment)'"); continue
            }
            if c.at < 0 { bad("changes[\(i)]: 'at' must be a step ≥ 0, not \(c.at)") }
            if !c.to.isFinite { bad("changes[\(i)]: 'to' must be a finite number") }
            if c.field == .growth {
                if c.vendor != nil { bad("changes[\(i)]: a growth change has no vendor") }
                if c.to < -1 { bad("changes[\(i)]: growth must be at least -1") }
                continue
            }
            guard let v = c.vendor else { bad("changes[\(i)]: a \(c.field.rawValue) change needs a vendor"); continue }
            if seg.initial[v] == nil && seg.appeal[v] == nil { bad("changes[\(i)]: vendor '\(v)' does not sell in '\(c.segment)'") }
            if let b = c.buyer, !seg.buyers.contains(where: { $0.id == b }) { bad("changes[\(i)]: segment '\(c.segment)' has no buyer group '\(b)'") }
            if c.field == .access, !(0...1).contains(c.to) { bad("changes[\(i)]: access must lie in [0,1], not \(c.to)") }
        }
        return out
    }
}
