/// Parameters as the resolver gathers them: `param` declarations (a later layer's replaces
/// an earlier one's, keeping its place), then each use of a figure written as a name or a
/// distribution, checked where it is used as if the number were written there.
struct ParamDecl {
    var statement: ParamStatement
    var layer: String
}

/// A parameter while the scenario is built: its figure, what it sets, the range every use allows.
struct ParamSlot {
    var name: String
    var figure: Quantity
    var location: SourceLocation
    var nominal: Double
    var distribution: Distribution?
    var targets: [ParameterTarget] = []
    var range: ClosedRange<Double> = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude
}

/// What a figure's place accepts: the unit check, its message, and the valid range.
enum FigureKind {
    case fraction(String)
    case yearlyRate(String)
    case lifetime
    case size
    case utility(String)
    case utilityPerYear(String)
    /// `by +40 points` (or the fraction 0.4) on a percentage such as access.
    case fractionChange(String)
    /// `by -2 points` or `by -2%/y` on a yearly rate.
    case yearlyRateChange(String)
    /// A route's cost: a utility, or `markup 8%`.
    case friction(String)
    /// The factor after `times`.
    case factor(String)

    var validRange: ClosedRange<Double> {
        switch self {
        case .fraction: return 0...1
        case .fractionChange: return -1...1
        case .factor: return 0...Double.greatestFiniteMagnitude
        case .yearlyRateChange, .friction: return -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude
        case .yearlyRate: return -1...Double.greatestFiniteMagnitude
        case .lifetime: return Double.leastNonzeroMagnitude...Double.greatestFiniteMagnitude
        case .size: return Double.leastNonzeroMagnitude...1e18
        case .utility, .utilityPerYear: return -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude
        }
    }
}

extension Resolver {
    mutating func declareParam(_ p: ParamStatement, layer: String) {
        if let i = params.firstIndex(where: { $0.statement.name.text == p.name.text }) {
            if params[i].layer == layer {
                error("parameter '\(p.name.text)' is declared twice", at: p.name.location, help: "remove one of the declarations",
                      notes: ["first declared at \(params[i].statement.name.location.description)"])
            } else {
                params[i] = ParamDecl(statement: p, layer: layer)
            }
            return
        }
        params.append(ParamDecl(statement: p, layer: layer))
    }

    /// The named parameters' slots, in declaration order; anonymous ones follow as figures are built.
    mutating func openParameterSlots() {
        slots = params.map { d in
            let q = d.statement.value
            let distribution: Distribution?
            if case .distribution(let syntax) = q.reference { distribution = syntax.distribution } else { distribution = nil }
            return ParamSlot(name: d.statement.name.text, figure: q, location: d.statement.name.location,
                             nominal: distribution?.nominal ?? q.value, distribution: distribution)
        }
    }

    /// The resolved scenario's parameters.
    func closedParameters() -> [ScenarioParameter] {
        slots.map { ScenarioParameter(name: $0.name, nominal: $0.nominal, distribution: $0.distribution, location: $0.location,
                                      targets: $0.targets, validRange: $0.range) }
    }

    /// A figure's value in model units, checked as its place requires, and the parameter
    /// that sets it if it is one. A parameter's name is checked as if its number (or each
    /// number of its distribution) were written here; a distribution becomes an anonymous
    /// parameter called `anonymous`.
    mutating func figure(_ q: Quantity, as kind: FigureKind, anonymous: @autoclosure () -> String) -> (value: Double, parameter: Int?)? {
        switch q.reference {
        case nil:
            return check(q, as: kind).map { ($0, nil) }
        case .parameter(let n):
            guard let i = slots.firstIndex(where: { $0.name == n.text }) else {
                if !wasUnreadable("param", n.text) {
                    let names = params.map(\.statement.name.text)
                    error("unknown parameter '\(n.text)'", at: n.location,
                          help: Suggestions.didYouMean(n.text, in: names)
                            ?? "write a number, or declare the name first: param \(n.text) = …")
                }
                return nil
            }
            let slot = slots[i]
            let written: [Quantity]
            if case .distribution(let d) = slot.figure.reference { written = d.arguments } else { written = [slot.figure] }
            extraNotes = ["'\(n.text)' is \(slot.figure.text), declared at \(slot.location.description)"]
            defer { extraNotes = [] }
            for var a in written {
                a.location = q.location
                a.tag = nil
                if case .amount(let u?) = q.unit, a.unit == .plain || a.unit == .amount(unit: nil) { a.unit = .amount(unit: u) }
                guard check(a, as: kind) != nil else { return nil }
            }
            narrow(i, to: kind.validRange)
            return (slot.nominal, i)
        case .distribution(let d):
            for var a in d.arguments {
                if case .amount(let u?) = q.unit, a.unit == .plain || a.unit == .amount(unit: nil) { a.unit = .amount(unit: u) }
                guard check(a, as: kind) != nil else { return nil }
            }
            var name = anonymous()
            if slots.contains(where: { $0.name == name }) {
                var k = 2
                while slots.contains(where: { $0.name == "\(name) #\(k)" }) { k += 1 }
                name = "\(name) #\(k)"
            }
            let distribution = d.distribution
            slots.append(ParamSlot(name: name, figure: q, location: d.location, nominal: distribution.nominal, distribution: distribution,
                                   range: kind.validRange))
            return (distribution.nominal, slots.count - 1)
        }
    }

    private mutating func narrow(_ i: Int, to r: ClosedRange<Double>) {
        let lo = max(slots[i].range.lowerBound, r.lowerBound), hi = min(slots[i].range.upperBound, r.upperBound)
        slots[i].range = lo <= hi ? lo...hi : lo...lo
    }

    /// Records that parameter `slot` (if any) sets `target`.
    mutating func useParameter(_ slot: Int?, for target: ParameterTarget) {
        if let slot { slots[slot].targets.append(target) }
    }

    /// The unit checks of each kind of figure (see Resolver+Units).
    mutating func check(_ q: Quantity, as kind: FigureKind) -> Double? {
        switch kind {
        case .fraction(let what): return fraction(q, what: what)
        case .yearlyRate(let what): return yearlyRate(q, what: what)
        case .utility(let what): return utility(q, what: what)
        case .utilityPerYear(let what): return utilityPerYear(q, what: what)
        case .fractionChange(let what): return fractionChange(q, what: what)
        case .yearlyRateChange(let what): return yearlyRateChange(q, what: what)
        case .friction(let what): return friction(q, what: what)
        case .factor(let what): return factor(q, what: what)
        case .lifetime:
            guard let y = years(q, what: "a lifetime") else { return nil }
            guard y > 0 else {
                error("a lifetime must be longer than zero, not \(q.text)", at: q.location,
                      help: "for a flow market bought anew every step (imports, subscriptions) give a lifetime as short as the step")
                return nil
            }
            return y
        case .size:
            var ok = true
            switch q.unit {
            case .amount, .plain: break
            default:
                error("a size is an amount, not \(q.text)", at: q.location, help: "write e.g. size 4B USD")
                ok = false
            }
            if q.value <= 0 {
                error("a segment's size must be above zero, not \(q.text)", at: q.location)
                return nil
            }
            return ok ? q.value : nil
        }
    }

    /// Uncertain shares or buyer weights must leave room for the others: the entries no
    /// parameter sets take up the difference, so there must be some, and the parameters'
    /// highest values together must not pass 100%.
    mutating func checkUncertainWeights(_ r: ResolvedScenario, parameters: [ScenarioParameter]) {
        for (s, seg) in r.segments.enumerated() {
            for what in ["shares", "buyer weights"] {
                var setBy: [String: Int] = [:], order: [String] = [], uncertain = false, high = 0.0
                for (i, p) in parameters.enumerated() {
                    for t in p.targets {
                        let key: String
                        switch t {
                        case .initialShare(s, let v) where what == "shares": key = v
                        case .buyerWeight(s, let b) where what == "buyer weights": key = String(b)
                        default: continue
                        }
                        setBy[key] = i
                        order.append(key)
                        if let d = p.distribution {
                            uncertain = true
                            high += min(1, d.bounds?.upperBound ?? 1)
                        } else {
                            high += p.nominal
                        }
                    }
                }
                guard uncertain, let first = order.first, let p = setBy[first].map({ parameters[$0] }) else { continue }
                let entries = what == "shares" ? seg.initial.count : seg.buyers.count
                if order.count >= entries {
                    error("every one of the \(what) of '\(seg.id)' is a parameter, and some are uncertain: nothing would keep them summing to 100%",
                          at: p.location, help: "write one of them as a number; it takes up the difference")
                } else if high > 1 + 1e-9 {
                    error("the uncertain \(what) of '\(seg.id)' can reach \(NumberText.percent(high)) together, over 100%",
                          at: p.location, help: "narrow their distributions (a normal can reach 100%: use uniform or triangular)")
                }
            }
        }
    }
}
