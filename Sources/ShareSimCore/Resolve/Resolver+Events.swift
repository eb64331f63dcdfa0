extension Resolver {
    /// A resolved change, the parameter that sets its value if any, and where it was written.
    struct BuiltChange {
        var change: Change
        var parameter: Int?
        /// Its value's index in `assumed`, when it is a plain number tagged as an assumption.
        var assumed: Int?
        var valueLocation: SourceLocation
        var location: SourceLocation
    }

    /// One event's changes, each expanded to a (segment, vendor, channel, buyer) target, with
    /// where its value was written.
    mutating func buildChanges(_ decl: EventDecl, scenario r: ResolvedScenario) -> [BuiltChange] {
        let e = decl.statement
        let at = step(of: e.date, what: "event \"\(e.name.text)\"")
        // Changes are checked even when the date is wrong, so their own errors are reported too.
        var out: [BuiltChange] = []
        for c in e.changes {
            out.append(contentsOf: expand(c, at: at ?? 0, until: c.until ?? e.until, event: e, scenario: r))
        }
        return at == nil ? [] : out
    }

    /// What a field's value accepts under each operation.
    private func kind(of field: ChangeField, _ operation: ChangeOperation) -> FigureKind {
        if operation == .times { return .factor("a factor") }
        switch (field, operation) {
        case (.access, .by): return .fractionChange("access")
        case (.access, _): return .fraction("access")
        case (.friction, _): return .friction("a friction")
        case (.shift, _): return .utility("a shift")
        case (.trend, _): return .utilityPerYear("a trend")
        case (.growth, .by): return .yearlyRateChange("growth")
        case (.growth, _): return .yearlyRate("growth")
        }
    }

    private mutating func expand(_ c: ChangeStatement, at: Int, until: DateLiteral?, event e: EventStatement,
                                 scenario r: ResolvedScenario) -> [BuiltChange] {
        let event = e.name.text
        let what = "\(c.field.rawValue) in event \"\(event)\""
        let figured = figure(c.value, as: kind(of: c.field, c.operation), anonymous: "\"\(event)\" \(c.field.rawValue)")
        let over = rampSteps(c.over)
        let end = untilStep(until, at: at, starts: e.date)
        guard let (value, parameter) = figured, let end else { return [] }
        let written = c.operationWord.text.lowercased() == "to" ? c.value.text : "\(c.operationWord.text.lowercased()) \(c.value.text)"
        provenance.append(Provenance(subject: "event \"\(event)\" \(c.field.rawValue)", value: written, tag: c.tag, location: c.location))
        let origin = ChangeOrigin(file: c.location.file, line: c.location.line, event: event)
        let assumedIndex = assume("\(c.field.rawValue) in \"\(event)\"", c.value, tag: c.tag, as: kind(of: c.field, c.operation), value: value, targets: [])
        func change(_ segment: String, _ vendor: String?, _ buyer: String?, _ channel: String?) -> BuiltChange {
            BuiltChange(change: Change(at: at, segment: segment, vendor: vendor, buyer: buyer, channel: channel, field: c.field,
                                       operation: c.operation, value: value, over: over, until: end, origin: origin),
                        parameter: parameter, assumed: assumedIndex, valueLocation: c.value.location, location: c.location)
        }

        guard let segmentIDs = targetSegments(c, scenario: r) else { return [] }
        if c.field == .growth {
            return segmentIDs.map { change($0, nil, nil, nil) }
        }
        guard let selected = selectVendors(c.vendors!, in: r) else { return [] }
        var routes: [String?] = c.channels.isEmpty ? [nil] : []
        for n in c.channels {
            guard let id = channelID(n, in: r) else { return [] }
            routes.append(id)
        }
        var out: [BuiltChange] = []
        var touched = false
        for segID in segmentIDs {
            guard let seg = r.segments.first(where: { $0.id == segID }) else { continue }
            let members = membersBySegment[segID] ?? []
            let buyers: [String?]
            if c.buyers.isEmpty {
                buyers = [nil]
            } else {
                if c.field != .access {
                    error("only access can differ by buyer group; \(c.field.rawValue) applies to every buyer", at: c.buyers[0].location,
                          help: "remove 'for \(c.buyers.map(\.text).joined(separator: ", "))'")
                    return []
                }
                var list: [String?] = []
                for b in c.buyers {
                    guard seg.buyers.contains(where: { $0.id == b.text }) else {
                        if wasUnreadable("buyers", segID) { return [] }
                        let names = seg.buyers.map(\.id)
                        error("segment '\(segID)' has no buyer group '\(b.text)'", at: b.location,
                              help: Suggestions.didYouMean(b.text, in: names) ?? "its buyer groups are: \(names.joined(separator: ", "))")
                        return []
                    }
                    list.append(b.text)
                }
                buyers = list
            }
            // In declaration order, whatever the order of the selection.
            let positions = vendorLookup?.positions ?? [:]
            for v in selected.filter(members.contains).sorted(by: { positions[$0]! < positions[$1]! }) {
                touched = true
                for route in routes {
                    for b in buyers { out.append(change(segID, v, b, route)) }
                }
            }
        }
        // A segment that failed to build (its errors already reported) would make this a
        // follow-on error: its vendors are missing from the scenario, not from the selection.
        let everySegmentBuilt = r.segments.count == segments.count
        if !touched, everySegmentBuilt {
            error("\(what) reaches no vendor: none of those selected sells in \(c.segments.isEmpty ? "any segment" : "'\(segmentIDs.joined(separator: ", "))'")",
                  at: c.location, help: "give the vendor a share or an appeal in that segment, or select other vendors")
        }
        return out
    }

    /// The step a change ends at (nil: it does not end within the timeline), or nil after
    /// reporting an end that is not after the start.
    private mutating func untilStep(_ until: DateLiteral?, at: Int, starts: DateLiteral) -> Int?? {
        guard let until, let t = timeline?.0 else { return .some(nil) }
        let k = t.step(containing: CalendarMonth(year: until.year, month: until.month ?? 1))
        guard k > at else {
            error("the change ends (until \(until.text)) \(k == at ? "in the step it starts" : "before it starts") (\(starts.text))",
                  at: until.location, help: "'until' gives the date the value returns to what it was; it must come after the start")
            return nil
        }
        return .some(k < t.steps ? k : nil)
    }

    /// `times` on a value still at its default 0 (a declared route's access, a friction,
    /// shift or trend that no earlier change has set) leaves it at 0: said once per line.
    mutating func warnScalingOfZero(_ built: [BuiltChange], order: [Int]) {
        var warned = Set<SourceLocation>()
        for (n, i) in order.enumerated() {
            let c = built[i].change
            guard c.operation == .times, !warned.contains(built[i].location) else { continue }
            let defaultsToZero = c.field == .access ? c.channel != nil : [.friction, .shift, .trend].contains(c.field)
            guard defaultsToZero else { continue }
            let setBefore = order.prefix(n).contains { j in
                let p = built[j].change
                return p.segment == c.segment && p.vendor == c.vendor && p.channel == c.channel && p.field == c.field
                    && (p.buyer == nil || c.buyer == nil || p.buyer == c.buyer)
            }
            guard !setBefore else { continue }
            warned.insert(built[i].location)
            let what = c.field == .access ? "the access of '\(c.vendor ?? "")' via '\(c.channel ?? "")'" : "the \(c.field.rawValue) of '\(c.vendor ?? "")'"
            diagnostics.add(Diagnostic(.warning, "'times' does nothing here: \(what) is still 0, its default", at: built[i].location,
                                       notes: [c.field == .access ? "a declared channel carries nothing until a change opens it" : "\(c.field.rawValue) starts at 0"],
                                       help: ["open it first with 'to', e.g. \(c.field.rawValue) \(c.vendor ?? "") via \"\(c.channel ?? "")\" to 40%".replacingOccurrences(of: " via \"\"", with: "")]))
        }
    }

    private mutating func targetSegments(_ c: ChangeStatement, scenario r: ResolvedScenario) -> [String]? {
        if c.segments.isEmpty { return r.segments.map(\.id) }
        var ids: [String] = []
        for n in c.segments {
            guard r.segments.contains(where: { $0.id == n.text }) else {
                _ = segmentIndex(n)
                return nil
            }
            ids.append(n.text)
        }
        return ids
    }

    /// The ids a selector names, or nil after reporting an unknown name.
    mutating func selectVendors(_ s: VendorSelector, in r: ResolvedScenario) -> Set<String>? {
        // Outside `build` (an outcome resolved against a finished scenario), made here.
        let lookup = vendorLookup ?? VendorLookup(r.vendors)
        switch s {
        case .all:
            return Set(r.vendors.map(\.id))
        case .vendors(let names):
            var ids = Set<String>()
            for n in names {
                guard vendorExists(n, among: lookup.positions, names: lookup.ids) else { return nil }
                ids.insert(n.text)
            }
            return ids
        case .origins(let codes):
            var ids = Set<String>()
            for code in codes {
                let matching = lookup.byOrigin[code.text] ?? []
                guard !matching.isEmpty else {
                    if wasUnreadable("vendor") { return nil }
                    let origins = r.origins
                    error("no vendor has origin '\(code.text)'", at: code.location,
                          help: Suggestions.didYouMean(code.text, in: origins) ?? "origins are: \(origins.joined(separator: ", "))")
                    return nil
                }
                ids.formUnion(matching)
            }
            return ids
        }
    }
}
