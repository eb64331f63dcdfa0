extension ResolvedScenario {
    /// Sets every uncertain parameter to a draw from `rng`, in declaration order, then lets
    /// the shares and buyer weights no parameter sets take up the difference. Gives the
    /// values drawn, in that order.
    @discardableResult
    mutating func draw(_ rng: inout Xoshiro256StarStar) throws(Diagnostic) -> [Double] {
        var weighted: [ParameterTarget] = [], first: String?, drawn: [Double] = []
        for p in parameters {
            guard let d = p.distribution else { continue }
            let v = d.draw(&rng, within: p.validRange)
            drawn.append(v)
            assign(p.targets, v)
            for t in p.targets {
                switch t {
                case .initialShare, .buyerWeight:
                    weighted.append(t)
                    if first == nil { first = p.name }
                default: break
                }
            }
        }
        if let first { try rebalance(segmentsOf: weighted, changed: first) }
        return drawn
    }
}
