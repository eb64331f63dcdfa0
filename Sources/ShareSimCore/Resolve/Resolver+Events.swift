extension Resolver {
    /// A resolved change, the parameter that sets its value if any, and where the value was written.
    struct BuiltChange {
        var change: Change
        var parameter: Int?
        var valueLocation: SourceLocation
    }

    /// One event's changes, each expanded to a (segment, vendor, buyer) target, with where
    /// its value was written.
    mutating func buildChanges(_ decl: EventDecl, scenario r: ResolvedScenario) -> [BuiltChange] {
        let e = decl.statement
        let at = step(of: e.date, what: "event \"\(e.name.text)\"")
        // Changes are checked even when the date is wrong, so their own errors are reported too.
        var out: [BuiltChange] = []
        for c in e.changes {
            out.append(contentsOf: expand(c, at: at ?? 0, event: e.name.text, scenario: r))
        }
        return at == nil ? [] : out
    }

    private mutating func expand(_ c: ChangeStatement, at: Int, event: String, scenario r: ResolvedScenario) -> [BuiltChange] {
        let what = "\(c.field.rawValue) in event \"\(event)\""
        let kind: FigureKind
        switch c.field {
        case .access: kind = .fraction("access")
        case .shift: kind = .utility("a shift")
        case .trend: kind = .utilityPerYear("a trend")
        case .growth: kind = .yearlyRate("growth")
        }
        let figured = figure(c.value, as: kind, anonymous: "\"\(event)\" \(c.field.rawValue)")
        let over = rampSteps(c.over)
        guard let (value, parameter) = figured else { return [] }
        return expand(c, value: value, over: over, at: at, event: event, what: what, scenario: r).map {
            BuiltChange(change: $0, parameter: parameter, valueLocation: c.value.location)
        }
    }

    private mutating func expand(_ c: ChangeStatement, value: Double, over: Int, at: Int, event: String, what: String,
                                 scenario r: ResolvedScenario) -> [Change] {
        provenance.append(Provenance(subject: "event \"\(event)\" \(c.field.rawValue)", value: c.value.text, tag: c.tag, location: c.location))
        let origin = ChangeOrigin(file: c.location.file, line: c.location.line, event: event)

        guard let segmentIDs = targetSegments(c, scenario: r) else { return [] }
        if c.field == .growth {
            return segmentIDs.map { Change(at: at, segment: $0, vendor: nil, buyer: nil, field: .growth, to: value, over: over, origin: origin) }
        }
        guard let selected = selectVendors(c.vendors!, in: r) else { return [] }
        var out: [Change] = []
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
                for b in buyers {
                    out.append(Change(at: at, segment: segID, vendor: v, buyer: b, field: c.field, to: value, over: over, origin: origin))
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
