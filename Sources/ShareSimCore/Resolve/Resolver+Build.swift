extension Resolver {
    /// Assembles the resolved scenario once every statement has been applied.
    mutating func build(mainFile: SourceFile?) -> ResolvedScenario? {
        let top = SourceLocation(file: mainFile?.path ?? "<input>", line: 1, column: 1)
        if statementsRead == 0, let f = mainFile {
            // Text that is not blank yet gave no statement has had its errors reported already.
            if Resolver.isBlank(f) {
                missing("the scenario is empty: it holds no statements", at: top,
                      help: "a scenario declares a timeline, segments, vendors and their shares; see scenarios/ofac-easing.scn")
            }
            return nil
        }
        if timeline == nil {
            if !timelineFailed {
                missing("the scenario has no timeline", at: top, help: "add one, e.g.: timeline 2021-01 to 2027-12 monthly")
            }
        } else {
            diagnostics.add(contentsOf: datedBeforeTimeline)
        }
        let vendorList = vendors.map { Vendor(id: $0.name.text, origin: $0.origin.text) }
        if vendorList.isEmpty, mainFile != nil, !wasUnreadable("vendor") {
            missing("the scenario declares no vendors", at: top, help: "add one, e.g.: vendor Huawei origin CN")
        }
        if segments.isEmpty, mainFile != nil, !wasUnreadable("segment") {
            missing("the scenario declares no segments", at: top, help: "add one, e.g.: segment telecom lifetime 8y growth 3%/y size 4B USD")
        }
        // Without a timeline the rest is still checked, against an empty one, so that every
        // error of the file is reported; dates are then not placed.
        let t = timeline?.0 ?? Timeline(start: CalendarMonth(year: 2000, month: 1), step: .month, steps: 0)
        openParameterSlots()
        let segs = segments.indices.compactMap { buildSegment(segments[$0], index: $0, vendors: vendorList) }
        var r = ResolvedScenario(name: name ?? mainFile?.path ?? "scenario", timeline: t, vendors: vendorList, segments: segs, changes: [])
        // Changes apply in order of step, ties in the order written; a parameter that sets a
        // change's value follows it to its place.
        for s in segs { membersBySegment[s.id] = Set(s.memberIndices(in: vendorList).map { vendorList[$0].id }) }
        vendorLookup = VendorLookup(vendorList)
        r.channels = buildChannels()
        let built = events.flatMap { buildChanges($0, scenario: r) }
        let order = built.indices.sorted { (built[$0].change.at, $0) < (built[$1].change.at, $1) }
        r.changes = order.map { built[$0].change }
        warnScalingOfZero(built, order: order)
        for (k, i) in order.enumerated() {
            useParameter(built[i].parameter, for: .change(index: k))
            if let a = built[i].assumed { assumed[a].targets.append(.change(index: k)) }
        }
        checkOverflow(r, changeLocations: order.map { built[$0].valueLocation })
        r.parameters = closedParameters()
        checkUncertainWeights(r, parameters: r.parameters)
        r.expectations = expectations.compactMap { buildExpectation($0, scenario: r) }
        r.observations = buildObservations(scenario: r)
        r.provenance = provenance
        r.assumptions = closedAssumptions(parameters: r.parameters, mainFile: mainFile?.path)
        return timeline == nil ? nil : r
    }

    /// Reports figures that would overflow a run (see `OverflowCheck`) at where they were
    /// written. Segments and changes with errors of their own are not in `r`, so what is
    /// checked has passed MODEL.md's preconditions.
    private mutating func checkOverflow(_ r: ResolvedScenario, changeLocations: [SourceLocation]) {
        for f in OverflowCheck.findings(in: r) {
            if let at = location(of: f.culprit, in: r, changeLocations: changeLocations) { error(f.message, at: at, help: f.help) }
        }
    }

    private func location(of culprit: OverflowCheck.Culprit, in r: ResolvedScenario, changeLocations: [SourceLocation]) -> SourceLocation? {
        func declaration(_ s: Int) -> SegmentDecl? { segments.first { $0.name.text == r.segments[s].id } }
        switch culprit {
        case .change(let i): return changeLocations[i]
        case .size(let s): let d = declaration(s); return d?.size?.location ?? d?.name.location
        case .growth(let s): let d = declaration(s); return d?.growth?.location ?? d?.name.location
        case .appeal(let s, let v): let d = declaration(s); return d?.appeal[v]?.value.location ?? d?.name.location
        }
    }

    /// Whether a file holds nothing but white space and comments.
    static func isBlank(_ f: SourceFile) -> Bool {
        f.text.split(whereSeparator: \.isNewline).allSatisfy { line in
            let t = String(line).trimmingSpaces()
            return t.isEmpty || t.hasPrefix("#")
        }
    }

    private mutating func buildSegment(_ d: SegmentDecl, index s: Int, vendors: [Vendor]) -> Segment? {
        let id = d.name.text
        let lifetime = d.lifetime.flatMap { q -> Double? in
            guard let (y, p) = figure(q, as: .lifetime, anonymous: "\(id) lifetime") else { return nil }
            useParameter(p, for: .lifetime(segment: s))
            assume("lifetime of \(id)", q, tag: q.tag, as: .lifetime, value: y, targets: [.lifetime(segment: s)])
            return y
        }
        if d.lifetime == nil {
            error("segment '\(id)' has no lifetime", at: d.name.location, help: "add one: segment \(id) lifetime 8y")
        }
        var growth = 0.0
        if let q = d.growth, let (g, p) = figure(q, as: .yearlyRate("growth"), anonymous: "\(id) growth") {
            growth = g
            useParameter(p, for: .growth(segment: s))
            assume("growth of \(id)", q, tag: q.tag, as: .yearlyRate("growth"), value: g, targets: [.growth(segment: s)])
        }
        var size = 1.0
        var unit: String?
        if let q = d.size {
            if case .amount(let u) = q.unit { unit = u }
            if case .parameter(let n) = q.reference, unit == nil, let slot = slots.first(where: { $0.name == n.text }),
               case .amount(let u) = slot.figure.unit {
                unit = u
            }
            if let (z, p) = figure(q, as: .size, anonymous: "\(id) size") {
                size = z
                useParameter(p, for: .size(segment: s))
                assume("size of \(id)", q, tag: q.tag, as: .size, value: z, targets: [.size(segment: s)])
            }
        }
        record("segment \(id)", d.lifetime, "lifetime")
        record("segment \(id)", d.growth, "growth")
        record("segment \(id)", d.size, "size")

        let buyers = buildBuyers(d, index: s)
        let (initial, appeal) = buildShares(d, index: s, vendors: vendors)
        guard let lifetime, let buyers, let initial else { return nil }
        return Segment(id: id, title: d.title, lifetime: lifetime, growth: growth, size: size, unit: unit,
                       buyers: buyers, initial: initial, appeal: appeal)
    }

    private mutating func buildBuyers(_ d: SegmentDecl, index s: Int) -> [BuyerGroup]? {
        guard let entries = d.buyers else { return [BuyerGroup(id: "all", weight: 1)] }
        var groups: [BuyerGroup] = []
        var seen: [String: SourceLocation] = [:]
        for e in entries {
            if let first = seen[e.name.text] {
                error("buyer group '\(e.name.text)' is listed twice", at: e.name.location, notes: ["first listed at \(first.description)"])
                continue
            }
            seen[e.name.text] = e.name.location
            guard let (w, p) = figure(e.value, as: .fraction("a buyer group's weight"), anonymous: "\(d.name.text) buyers \(e.name.text)") else { continue }
            useParameter(p, for: .buyerWeight(segment: s, buyer: groups.count))
            assume("buyers \(e.name.text) in \(d.name.text)", e.value, tag: e.value.tag ?? d.buyersTag, as: .fraction("a buyer group's weight"),
                   value: w, targets: [.buyerWeight(segment: s, buyer: groups.count)])
            groups.append(BuyerGroup(id: e.name.text, weight: w))
            provenance.append(Provenance(subject: "buyers \(d.name.text) \(e.name.text)", value: e.value.text, tag: e.value.tag ?? d.buyersTag, location: e.value.location))
        }
        let total = groups.reduce(0) { $0 + $1.weight }
        if groups.count == entries.count, abs(total - 1) > 1e-6, let first = entries.first {
            error("buyer weights of '\(d.name.text)' sum to \(NumberText.percent(total)), not 100%", at: first.name.location,
                  help: "adjust the weights so they add up to 100%")
            return nil
        }
        return groups.count == entries.count ? groups : nil
    }

    private mutating func buildShares(_ d: SegmentDecl, index s: Int, vendors: [Vendor]) -> ([String: Double]?, [String: Double]) {
        recheckShareDate(d)
        var appeal: [String: Double] = [:]
        for (_, e) in d.appeal.sorted(by: { $0.value.name.location < $1.value.name.location }) {
            guard vendorExists(e.name, among: vendorPositions, names: vendors.map(\.id)) else { continue }
            if let (a, p) = figure(e.value, as: .utility("an appeal"), anonymous: "\(d.name.text) appeal \(e.name.text)") {
                useParameter(p, for: .appeal(segment: s, vendor: e.name.text))
                assume("appeal \(e.name.text) in \(d.name.text)", e.value, tag: e.value.tag ?? d.appealTag, as: .utility("an appeal"),
                       value: a, targets: [.appeal(segment: s, vendor: e.name.text)])
                appeal[e.name.text] = a
                provenance.append(Provenance(subject: "appeal \(d.name.text) \(e.name.text)", value: e.value.text, tag: e.value.tag ?? d.appealTag, location: e.value.location))
            }
        }
        guard let entries = d.shares else {
            if wasUnreadable("share", d.name.text) { return (nil, appeal) }
            missing("segment '\(d.name.text)' has no initial shares", at: d.name.location,
                  help: "add them: share \(d.name.text): VendorA 60%, VendorB 40%")
            return (nil, appeal)
        }
        var initial: [String: Double] = [:]
        var ok = true
        for e in entries {
            guard vendorExists(e.name, among: vendorPositions, names: vendors.map(\.id)) else { ok = false; continue }
            if initial[e.name.text] != nil {
                error("vendor '\(e.name.text)' has two shares in '\(d.name.text)'", at: e.name.location, help: "give each vendor one share")
                ok = false
                continue
            }
            guard let (v, p) = figure(e.value, as: .fraction("a share"), anonymous: "\(d.name.text) share \(e.name.text)") else { ok = false; continue }
            useParameter(p, for: .initialShare(segment: s, vendor: e.name.text))
            assume("share \(e.name.text) in \(d.name.text)" + (d.sharesDate.map { " " + $0.date.text } ?? ""), e.value, tag: e.value.tag ?? d.sharesTag,
                   as: .fraction("a share"), value: v, targets: [.initialShare(segment: s, vendor: e.name.text)])
            initial[e.name.text] = v
            provenance.append(Provenance(subject: "share \(d.name.text) \(e.name.text)", value: e.value.text, tag: e.value.tag ?? d.sharesTag, location: e.value.location))
            if v == 0, appeal[e.name.text] == nil, !wasUnreadable("appeal", d.name.text) {
                error("vendor '\(e.name.text)' starts with no share of '\(d.name.text)' and no appeal", at: e.value.location,
                      help: "a vendor that enters later needs a base utility: appeal \(d.name.text): \(e.name.text) -4")
                ok = false
            }
        }
        let total = initial.values.sorted().reduce(0, +)
        if ok, abs(total - 1) > 1e-6, let loc = d.sharesLocation {
            let rest = 1 - total
            error("shares of '\(d.name.text)' sum to \(NumberText.percent(total)), not 100%", at: loc,
                  help: rest > 0 ? "\(NumberText.percent(rest)) is unaccounted for: add a vendor (e.g. Other) or adjust the shares"
                                 : "reduce the shares by \(NumberText.percent(-rest)) in all")
            return (nil, appeal)
        }
        for (_, e) in d.appeal.sorted(by: { $0.value.name.location < $1.value.name.location }) where (initial[e.name.text] ?? 0) > 0 {
            diagnostics.add(Diagnostic(.warning, "the appeal of '\(e.name.text)' in '\(d.name.text)' is not used", at: e.value.location,
                                       notes: ["a vendor with an initial share has the log of that share as its base utility"],
                                       help: ["to change its appeal, write an event with a shift; an appeal is for vendors that start at 0%"]))
        }
        return (ok ? initial : nil, appeal)
    }

    /// Whether `positions` (vendor ids and where they are declared) holds the name, else
    /// reports it, with the closest of `names` (made only then).
    mutating func vendorExists(_ n: Name, among positions: [String: Int], names: @autoclosure () -> [String]) -> Bool {
        if positions[n.text] != nil { return true }
        if wasUnreadable("vendor", n.text) { return false }
        let names = names()
        error("unknown vendor '\(n.text)'", at: n.location,
              help: Suggestions.didYouMean(n.text, in: names) ?? "declare it first: vendor \(n.text) origin XX")
        return false
    }

    private mutating func record(_ subject: String, _ q: Quantity?, _ field: String) {
        guard let q else { return }
        provenance.append(Provenance(subject: "\(subject) \(field)", value: q.text, tag: q.tag, location: q.location))
    }
}
