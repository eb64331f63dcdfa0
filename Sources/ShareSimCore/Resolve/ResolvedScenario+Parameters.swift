extension ResolvedScenario {
    /// The scenario with parameter `name` set to `value` everywhere it is used; throws a
    /// Diagnostic if unknown, out of its valid range, or so large a run would overflow.
    ///
    /// Shares and buyer weights keep summing to 100%: the entries of the segment that no
    /// parameter sets take up the difference, in proportion to their current values. A value
    /// that would leave them less than nothing (the parameters' shares over 100%), or a
    /// segment whose every entry is a parameter and no longer sums to 100%, is refused.
    package func setting(_ name: String, to value: Double) throws(Diagnostic) -> ResolvedScenario {
        guard let i = parameters.firstIndex(where: { $0.name == name }) else {
            let names = parameters.map(\.name)
            throw Diagnostic(.error, "unknown parameter '\(name)'", at: nil,
                             help: [Suggestions.didYouMean(name, in: names)
                                    ?? (names.isEmpty ? "this scenario declares no parameters; declare one with: param NAME = 6.5%"
                                                      : "parameters are: \(names.joined(separator: ", "))")])
        }
        let p = parameters[i]
        guard value.isFinite, p.validRange.contains(value) else {
            throw Diagnostic(.error, "\(NumberText.csv(value)) is outside the valid range of parameter '\(name)'", at: p.location,
                             notes: ["'\(name)' accepts \(ResolvedScenario.describe(p.validRange)) where it is used"])
        }
        var out = self
        if value == p.nominal { return out }
        out.parameters[i].nominal = value
        out.assign(p.targets, value)
        try out.rebalance(segmentsOf: p.targets, changed: name)
        // A value inside the valid range can still carry a run past what a number holds.
        if let f = OverflowCheck.findings(in: out).first {
            throw Diagnostic(.error, "with parameter '\(name)' set to \(NumberText.csv(value)), \(f.message)", at: p.location, help: [f.help])
        }
        return out
    }

    /// `percent` writes the bounds as the user wrote the value being checked: `0% to 100%`.
    static func describe(_ r: ClosedRange<Double>, percent: Bool = false) -> String {
        let lo = r.lowerBound, hi = r.upperBound
        let text = { (x: Double) in percent ? NumberText.percent(x, decimals: 0) : NumberText.csv(x) }
        if lo <= -.greatestFiniteMagnitude && hi >= .greatestFiniteMagnitude { return "any value" }
        if hi >= .greatestFiniteMagnitude { return lo > 0 && lo < 1e-300 ? "values above 0" : "values from \(text(lo))" }
        return "values from \(lo > 0 && lo < 1e-300 ? "just above 0" : text(lo)) to \(text(hi))"
    }

    /// Writes a value into every figure a parameter sets, without rebalancing.
    mutating func assign(_ targets: [ParameterTarget], _ value: Double) {
        for t in targets {
            switch t {
            case .lifetime(let s): segments[s].lifetime = value
            case .growth(let s): segments[s].growth = value
            case .size(let s): segments[s].size = value
            case .change(let c): changes[c].value = value
            case .initialShare(let s, let v): segments[s].initial[v] = value
            case .buyerWeight(let s, let b): segments[s].buyers[b].weight = value
            case .appeal(let s, let v): segments[s].appeal[v] = value
            }
        }
    }

    /// After shares or buyer weights of some segments were set: the entries no parameter
    /// sets are scaled so that each segment's figures sum to 1 again.
    mutating func rebalance(segmentsOf targets: [ParameterTarget], changed: String) throws(Diagnostic) {
        var shareSegments: [Int] = [], buyerSegments: [Int] = []
        for t in targets {
            switch t {
            case .initialShare(let s, _): if !shareSegments.contains(s) { shareSegments.append(s) }
            case .buyerWeight(let s, _): if !buyerSegments.contains(s) { buyerSegments.append(s) }
            default: break
            }
        }
        for s in shareSegments { try rebalanceShares(segment: s, changed: changed) }
        for s in buyerSegments { try rebalanceBuyers(segment: s, changed: changed) }
    }

    private mutating func rebalanceShares(segment s: Int, changed: String) throws(Diagnostic) {
        var fixed = Set<String>()
        for p in parameters {
            for case .initialShare(let seg, let v) in p.targets where seg == s { fixed.insert(v) }
        }
        // Declaration order, so that sums are taken in a fixed order.
        let order = vendors.map(\.id).filter { segments[s].initial[$0] != nil }
        var weights = order.map { segments[s].initial[$0]! }
        try ResolvedScenario.rebalance(&weights, isFixed: order.map { fixed.contains($0) }, what: "shares", segment: segments[s].id, changed: changed)
        for (j, v) in order.enumerated() { segments[s].initial[v] = weights[j] }
    }

    private mutating func rebalanceBuyers(segment s: Int, changed: String) throws(Diagnostic) {
        var fixed = Set<Int>()
        for p in parameters {
            for case .buyerWeight(let seg, let b) in p.targets where seg == s { fixed.insert(b) }
        }
        var weights = segments[s].buyers.map(\.weight)
        try ResolvedScenario.rebalance(&weights, isFixed: weights.indices.map { fixed.contains($0) }, what: "buyer weights",
                                       segment: segments[s].id, changed: changed)
        for b in weights.indices { segments[s].buyers[b].weight = weights[b] }
    }

    /// Scales the free weights so that all sum to 1; refuses when that cannot be done.
    static func rebalance(_ w: inout [Double], isFixed: [Bool], what: String, segment: String, changed: String) throws(Diagnostic) {
        var fixedSum = 0.0, freeSum = 0.0
        for j in w.indices { if isFixed[j] { fixedSum += w[j] } else { freeSum += w[j] } }
        if fixedSum > 1 + 1e-9 {
            throw Diagnostic(.error, "with parameter '\(changed)' so set, the \(what) of '\(segment)' that parameters set sum to \(NumberText.percent(fixedSum)), over 100%",
                             at: nil, help: ["choose a smaller value"])
        }
        let rest = Swift.max(0, 1 - fixedSum)
        if freeSum > 0 {
            if freeSum == rest { return }
            let scale = rest / freeSum
            for j in w.indices where !isFixed[j] { w[j] *= scale }
        } else if abs(fixedSum - 1) > 1e-6 {
            throw Diagnostic(.error, "with parameter '\(changed)' so set, the \(what) of '\(segment)' sum to \(NumberText.percent(fixedSum)), not 100%",
                             at: nil, help: ["every \(what == "shares" ? "share" : "weight") of '\(segment)' is a parameter, so none can take up the difference; write one as a number"])
        }
    }
}
