extension Resolver {
    mutating func buildExpectation(_ e: ExpectStatement, scenario r: ResolvedScenario) -> Expectation? {
        var segs: [String] = []
        for n in e.segments {
            guard r.segments.contains(where: { $0.id == n.text }) else {
                _ = segmentIndex(n)
                return nil
            }
            segs.append(n.text)
        }
        if segs.isEmpty { segs = r.segments.map(\.id) }
        guard let selection = selectShares(e.selector, buyer: e.buyer, segments: segs, in: r) else { return nil }
        guard let from = step(of: e.from, what: "an expectation") else { return nil }
        var to: Int?
        if let d = e.to {
            guard let k = step(of: d, what: "an expectation") else { return nil }
            guard k >= from else {
                error("the range ends (\(d.text)) before it starts (\(e.from.text))", at: d.location)
                return nil
            }
            if e.metric.isGrowth, k == from {
                error("a growth rate needs two different steps; \(e.from.text) and \(d.text) fall in the same one", at: d.location)
                return nil
            }
            to = k
        }
        let value: Double?
        switch e.metric {
        case .installedShare, .salesShare: value = fraction(e.value, what: "a share")
        case .installedGrowth, .salesGrowth: value = yearlyRate(e.value, what: "a growth rate")
        case .installed, .sales:
            switch e.value.unit {
            case .amount, .plain: value = e.value.value
            default:
                error("an amount is compared with an amount, not \(e.value.text)", at: e.value.location, help: "write e.g. 150M")
                value = nil
            }
        }
        var tolerance = 0.0
        if let t = e.tolerance {
            switch t.unit {
            case .percent, .percentPerYear, .plain, .amount: tolerance = t.value
            default:
                error("a tolerance is in the unit of its value, not \(t.text)", at: t.location, help: "write e.g. ± 3%")
            }
            if tolerance < 0 { error("a tolerance cannot be negative", at: t.location) }
        }
        guard let value else { return nil }
        let isPercent = e.value.unit == .percent || e.value.unit == .percentPerYear
        return Expectation(metric: e.metric, view: selection.view, keys: selection.keys, buyer: selection.buyer, segments: segs,
                           fromStep: from, toStep: to, comparison: e.comparison, value: value, tolerance: tolerance,
                           isPercent: isPercent, location: e.location, text: e.text)
    }
}
