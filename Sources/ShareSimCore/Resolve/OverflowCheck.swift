import Foundation

/// Finds figures that would carry a run past what a Double holds, before it runs: a
/// segment whose size, grown at its fastest rate over the timeline, passes `limit`, or a
/// utility (appeal, shift, accumulated trend) that does. Past it the engine's sums turn
/// into `inf` and its shares into `nan`, which MODEL.md's invariants forbid, so such a
/// scenario is refused with the figure responsible, as any other error in it is.
///
/// The bounds follow MODEL.md's step: `ΣI(k+1) ≤ ΣI(k)·max(1 − r, (1+γ(k))^Δ)` and
/// `N(k) ≤ ΣI(k)·max(1, (1+γ(k))^Δ)`, since the part won is at most 1; and
/// `|u| ≤ |α| + max|h| + T·Δ·max|β|`. Growth is bounded piece by piece between the
/// segment's growth changes, so a short boom does not count as lasting the whole timeline.
/// The work is per change and segment, never per step.
package enum OverflowCheck {
    /// Figures are kept below this; `Double.greatestFiniteMagnitude` is about 1.8e308, and
    /// the margin leaves room for the sums reports take over vendors and origins.
    package static let limit = 1e300

    /// The figure a finding blames, so that each front end can point at where it was written.
    package enum Culprit: Equatable, Sendable {
        case size(segment: Int)
        case growth(segment: Int)
        case change(index: Int)
        case appeal(segment: Int, vendor: String)
    }

    package struct Finding: Equatable, Sendable {
        package var culprit: Culprit
        package var message: String
        package var help: String
    }

    package static func findings(in r: ResolvedScenario) -> [Finding] {
        r.segments.indices.flatMap { s in
            [growthFinding(r, segment: s), utilityFinding(r, segment: s)].compactMap { $0 }
        }
    }

    // MARK: sizes

    /// A stretch of steps `[from, to)` over which growth is at most `rate`, set by `culprit`.
    private struct Piece {
        var from: Int, to: Int, rate: Double, culprit: Culprit
    }

    /// The segment's growth as pieces: the declared rate until the first growth change, then
    /// for each change its ramp (at most the larger of where it starts and where it goes) and
    /// its settled value, until the next change starts (MODEL.md "Parameters over time").
    private static func growthPieces(_ r: ResolvedScenario, segment s: Int) -> [Piece] {
        let T = r.timeline.steps, id = r.segments[s].id
        var pieces: [Piece] = []
        var bound = r.segments[s].growth, boundCulprit = Culprit.growth(segment: s)
        let changes = r.changes.indices.filter { r.changes[$0].segment == id && r.changes[$0].field == .growth }
        let bounds = valueBounds(r, changes: changes, declared: r.segments[s].growth, floor: -1)
        var k = 0
        for (n, i) in changes.enumerated() {
            var c = r.changes[i]
            c.value = bounds[n].high
            let start = min(max(c.at, k), T)
            let next = n + 1 < changes.count ? min(max(r.changes[changes[n + 1]].at, start), T) : T
            if start > k { pieces.append(Piece(from: k, to: start, rate: bound, culprit: boundCulprit)) }
            guard next > start else { k = start; continue }
            let settles = min(start + c.over - 1, next)
            let (rampRate, rampCulprit) = c.value >= bound ? (c.value, Culprit.change(index: i)) : (bound, boundCulprit)
            if settles > start { pieces.append(Piece(from: start, to: settles, rate: rampRate, culprit: rampCulprit)) }
            if next > settles { pieces.append(Piece(from: settles, to: next, rate: c.value, culprit: .change(index: i))) }
            (bound, boundCulprit) = next > settles ? (c.value, .change(index: i)) : (rampRate, rampCulprit)
            k = next
        }
        if T > k { pieces.append(Piece(from: k, to: T, rate: bound, culprit: boundCulprit)) }
        return pieces
    }

    /// For each of `changes` (one field, in order), the highest and lowest values that may be
    /// in effect once it has started: `by` adds to and `times` scales whatever was in effect,
    /// which lies between the highest and lowest so far, and a change that ends (`until`)
    /// gives the earlier value back, so those stay possible after it.
    private static func valueBounds(_ r: ResolvedScenario, changes: [Int], declared: Double,
                                    floor: Double) -> [(high: Double, low: Double)] {
        var high = declared, low = declared
        return changes.map { i in
            let c = r.changes[i]
            var (h, l): (Double, Double)
            switch c.operation {
            case .to: (h, l) = (c.value, c.value)
            case .by: (h, l) = (high + c.value, low + c.value)
            case .times: (h, l) = (max(high * c.value, low * c.value), min(high * c.value, low * c.value))
            }
            l = max(l, floor)
            (high, low) = c.until == nil ? (h, l) : (max(high, h), min(low, l))
            return (high, low)
        }
    }

    private static func growthFinding(_ r: ResolvedScenario, segment s: Int) -> Finding? {
        let seg = r.segments[s], dt = r.timeline.step.years
        let ceiling = log(limit)
        guard seg.size <= limit else {
            return Finding(culprit: .size(segment: s),
                           message: "segment '\(seg.id)' has a size of \(amount(seg.size)), more than the model can compute with (\(NumberText.csv(limit)))",
                           help: "write the size in a larger unit")
        }
        let shrink = log1p(-min(1, dt / seg.lifetime))
        var level = log(seg.size)
        for p in growthPieces(r, segment: s) {
            let rise = dt * log1p(max(-1, p.rate))
            let step = max(shrink, rise)
            // Demand at step k is at most ΣI(k)·max(1, (1+γ)^Δ): the highest figure of the step.
            let headroom = ceiling - max(0, rise)
            let steps = Double(p.to - p.from)
            let last = step > 0 ? level + (steps - 1) * step : level
            if last > headroom {
                // Over already at the piece's start, or else `step` is above 0 and the crossing lies inside.
                let k = level > headroom ? p.from : p.from + Int(((headroom - level) / step).rounded(.up))
                let when = r.timeline.label(ofStep: min(k, p.to - 1))
                return Finding(culprit: p.culprit,
                               message: "segment '\(seg.id)' grows past \(NumberText.csv(limit)) by \(when): a growth of \(rate(p.rate)) from a size of \(amount(seg.size)) is more than the model can compute with",
                               help: "lower the growth, make it last fewer years, or write the size in a larger unit")
            }
            level += steps * step
        }
        return nil
    }

    /// `99%/y`, `3.5%/y`: a rate as the language writes it.
    private static func rate(_ x: Double) -> String {
        var text = NumberText.percent(x)
        if text.hasSuffix(".0%") { text.removeLast(3); text += "%" }
        return text + "/y"
    }

    /// `4B` as messages write amounts; a number too large for a suffix as it reads back.
    private static func amount(_ x: Double) -> String {
        x < 1e15 ? NumberText.amount(x) : NumberText.csv(x)
    }

    // MARK: utilities

    private static func utilityFinding(_ r: ResolvedScenario, segment s: Int) -> Finding? {
        let seg = r.segments[s]
        let years = Double(r.timeline.steps) * r.timeline.step.years
        // Each term of the bound, with the figure behind it; the largest is the one to blame.
        // A log-share is at most 745, so it is never the largest of a sum above `limit`.
        var base = (0.0, Culprit.size(segment: s)), shift = base, trend = base
        for v in r.vendors {
            if let sigma = seg.initial[v.id], sigma > 0 { base.0 = max(base.0, abs(log(sigma))); continue }
            if let a = seg.appeal[v.id], abs(a) > base.0 { base = (abs(a), .appeal(segment: s, vendor: v.id)) }
        }
        // A relative change can carry a value further than it says: bound each field by the
        // largest magnitude its chain of changes can reach.
        for field in [ChangeField.shift, .trend] {
            let changes = r.changes.indices.filter { r.changes[$0].segment == seg.id && r.changes[$0].field == field }
            let bounds = valueBounds(r, changes: changes, declared: 0, floor: -.infinity)
            for (n, i) in changes.enumerated() {
                let magnitude = max(abs(bounds[n].high), abs(bounds[n].low))
                if field == .shift, magnitude > shift.0 { shift = (magnitude, .change(index: i)) }
                if field == .trend, magnitude * years > trend.0 { trend = (magnitude * years, .change(index: i)) }
            }
        }
        guard base.0 + shift.0 + trend.0 > limit else { return nil }
        let worst = [base, shift, trend].max { $0.0 < $1.0 }!
        let what: String
        switch worst.1 {
        case .change(let i) where r.changes[i].field == .trend:
            what = "a trend of \(NumberText.csv(r.changes[i].value))/y over \(amount(years)) years"
        case .change(let i): what = "a shift of \(NumberText.csv(r.changes[i].value))"
        case .appeal(_, let v): what = "an appeal of \(NumberText.csv(seg.appeal[v] ?? 0))"
        case .size, .growth: what = "a base utility"
        }
        return Finding(culprit: worst.1,
                       message: "utilities in segment '\(seg.id)' can pass \(NumberText.csv(limit)): \(what) is more than the model can compute with",
                       help: "utilities are log-odds: a shift of ln 2 ≈ 0.69 doubles a vendor's odds, a trend of 1/y multiplies them by e every year")
    }
}
