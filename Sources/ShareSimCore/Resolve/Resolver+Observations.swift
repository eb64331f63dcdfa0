/// `observe` statements: observed data, inline or from a tidy CSV file, resolved into
/// `Observation`s that `test` checks (role `check`) and calibration fits (role `fit`).
extension Resolver {
    /// What an `expect` or `observe` line adds up, in one of MODEL.md's views.
    struct ShareSelection {
        var view: ShareView
        var keys: [String]
        var buyer: String?
    }

    /// The view and keys a selector names, checked against the scenario; nil after reporting
    /// an unknown name. A buyer group must exist in every one of `segments`.
    mutating func selectShares(_ s: ShareSelector, buyer: Name?, segments: [String], in r: ResolvedScenario) -> ShareSelection? {
        switch s {
        case .vendors(let vendors):
            guard let selected = selectVendors(vendors, in: r) else { return nil }
            let ids = r.vendors.map(\.id).filter(selected.contains)
            if let buyer {
                for id in segments {
                    guard let seg = r.segments.first(where: { $0.id == id }) else { continue }
                    guard seg.buyers.contains(where: { $0.id == buyer.text }) else {
                        let names = seg.buyers.map(\.id)
                        error("segment '\(id)' has no buyer group '\(buyer.text)'", at: buyer.location,
                              help: Suggestions.didYouMean(buyer.text, in: names) ?? "its buyer groups are: \(names.joined(separator: ", "))")
                        return nil
                    }
                }
                return ShareSelection(view: .buyer, keys: ids, buyer: buyer.text)
            }
            if case .origins(let codes) = vendors {
                var keys: [String] = []
                for c in codes where !keys.contains(c.text) { keys.append(c.text) }
                return ShareSelection(view: .origin, keys: keys, buyer: nil)
            }
            return ShareSelection(view: .vendor, keys: ids, buyer: nil)
        case .channels(let names):
            var keys: [String] = []
            for n in names {
                guard let id = channelID(n, in: r) else { return nil }
                let key = id ?? Channel.direct
                if !keys.contains(key) { keys.append(key) }
            }
            return ShareSelection(view: .channel, keys: keys, buyer: nil)
        case .recordedOrigins(let codes):
            let known = recordedOrigins(in: r)
            var keys: [String] = []
            for c in codes {
                guard known.contains(c.text) else {
                    if wasUnreadable("vendor") || wasUnreadable("channel") { return nil }
                    error("nothing is recorded as origin '\(c.text)': no vendor has it and no channel records it", at: c.location,
                          help: Suggestions.didYouMean(c.text, in: known) ?? "recorded origins are: \(known.joined(separator: ", "))")
                    return nil
                }
                if !keys.contains(c.text) { keys.append(c.text) }
            }
            return ShareSelection(view: .recorded, keys: keys, buyer: nil)
        }
    }

    /// Every observation of the top layers, statement by statement, values in the order written.
    mutating func buildObservations(scenario r: ResolvedScenario) -> [Observation] {
        observeStatements.flatMap { buildObservations($0, scenario: r) }
    }

    private mutating func buildObservations(_ o: ObserveStatement, scenario r: ResolvedScenario) -> [Observation] {
        guard let segment = observedSegment(o, in: r) else { return [] }
        guard let file = o.file else {
            guard let selector = o.selector, let selection = selectShares(selector, buyer: o.buyer, segments: [segment], in: r) else { return [] }
            var seen: [Int: SourceLocation] = [:]
            return o.points.compactMap { p in
                observation(o, p, selection: selection, segment: segment, seen: &seen)
            }
        }
        guard let table = readObservationTable(file) else { return [] }
        return observations(o, table: table.table, file: table.file, segment: segment, scenario: r)
    }

    /// An observation is of one segment: the one named, or the scenario's only one.
    private mutating func observedSegment(_ o: ObserveStatement, in r: ResolvedScenario) -> String? {
        if o.segments.count > 1 {
            error("an observation is of one segment, not \(o.segments.count)", at: o.segments[1].location,
                  help: "write one observe line per segment")
            return nil
        }
        if let n = o.segments.first {
            guard r.segments.contains(where: { $0.id == n.text }) else {
                _ = segmentIndex(n)
                return nil
            }
            return n.text
        }
        guard r.segments.count == 1 else {
            if !r.segments.isEmpty {
                error("say which segment this observation is of", at: o.location,
                      help: "add 'in SEGMENT' before the colon, e.g. in \(r.segments[0].id)")
            }
            return nil
        }
        return r.segments[0].id
    }

    /// One observed value: its step, its value and uncertainty in model units, checked as
    /// the measure requires; nil after reporting a mistake.
    private mutating func observation(_ o: ObserveStatement, _ p: ObservedPoint, selection: ShareSelection, segment: String,
                                      seen: inout [Int: SourceLocation]) -> Observation? {
        guard let at = step(of: p.date, what: "an observation") else { return nil }
        var from: Int?
        if let start = p.from {
            guard let k = step(of: start, what: "an observation") else { return nil }
            guard k < at else {
                error("a growth rate is observed over a period; \(p.date.text) does not come after \(start.text)", at: p.date.location,
                      help: "write the period's start first: \(start.text) to a later date")
                return nil
            }
            from = k
        }
        if let first = seen[at] {
            error("a second value for \(timeline?.0.label(ofStep: at) ?? p.date.text)", at: p.date.location,
                  help: "give one value per date", notes: ["the first is at \(first.description)"])
            return nil
        }
        seen[at] = p.date.location
        let value = observedLevel(p.value, metric: o.metric, what: o.metric.isGrowth ? "an observed growth rate" : "an observed share")
        var uncertainty: Double?
        if let u = p.uncertainty ?? o.uncertainty {
            uncertainty = observedLevel(u, metric: o.metric, what: "an uncertainty")
            if let x = uncertainty, x < 0 { error("an uncertainty cannot be negative", at: u.location); return nil }
            if uncertainty == nil { return nil }
        } else if o.role == .check {
            error("a check observation needs an uncertainty: the distance from it that 'test' allows", at: p.value.location,
                  help: "write ± after the value (\(p.date.text) \(p.value.text) ± 2%), or before the colon for every value; or mark it 'fit'")
            return nil
        }
        guard let value else { return nil }
        let what = Observation.selectorText(view: selection.view, keys: selection.keys, buyer: selection.buyer)
        let when = p.from.map { "from \($0.text) to \(p.date.text)" } ?? "at \(p.date.text)"
        provenance.append(Provenance(subject: "observe \(o.metric.rawValue) \(what) in \(segment) \(when)",
                                     value: p.value.text + ((p.uncertainty ?? o.uncertainty).map { " ± \($0.text)" } ?? ""),
                                     tag: p.tag ?? o.tag, location: p.value.location))
        return Observation(at: at, from: from, segment: segment, measure: o.metric, view: selection.view, keys: selection.keys, buyer: selection.buyer,
                           value: value, uncertainty: uncertainty, role: o.role, source: p.tag ?? o.tag, location: p.value.location)
    }

    /// A share as a fraction in [0, 1], a growth rate as a yearly fraction, an amount as written.
    private mutating func observedLevel(_ q: Quantity, metric: Metric, what: String) -> Double? {
        if metric.isShare { return fraction(q, what: what) }
        if metric.isGrowth { return yearlyRate(q, what: what) }
        switch q.unit {
        case .amount, .plain: return q.value
        default:
            error("an amount is observed as an amount, not \(q.text)", at: q.location, help: "write e.g. 150M")
            return nil
        }
    }

    /// Reads the file an `observe from` names, relative to the file that names it.
    private mutating func readObservationTable(_ n: Name) -> (table: ObservationTable, file: SourceFile)? {
        switch readObservations(n.text, n.location.file) {
        case .failure(let failure):
            for var d in failure.diagnostics {
                if d.location == nil { d.location = n.location }
                diagnostics.add(d)
            }
            sources.merge(failure.sources) { a, _ in a }
            return nil
        case .success(let file):
            sources[file.path] = file
            let table = ObservationTable(file)
            diagnostics.add(contentsOf: table.diagnostics)
            guard table.diagnostics.isEmpty else { return nil }
            return (table, file)
        }
    }

    /// The observations of a tidy table: a `date` column, and one column per selector whose
    /// header is written as in an `observe` line (`Huawei`, `origin US`, `recorded origin CN, HK`).
    private mutating func observations(_ o: ObserveStatement, table: ObservationTable, file: SourceFile, segment: String,
                                       scenario r: ResolvedScenario) -> [Observation] {
        let help = "the first line names the columns: date,Huawei,origin US,\"recorded origin CN, HK\""
        guard let header = table.rows.first else {
            error("\"\(o.file!.text)\" holds no observations", at: o.file!.location, help: help)
            return []
        }
        guard let dateColumn = header.firstIndex(where: { $0.text.lowercased() == "date" }) else {
            var loc = file.location(at: header[0].offset)
            loc.length = max(1, header[0].text.count)
            error("the observations have no 'date' column", at: loc, help: help)
            return []
        }
        var columns: [(index: Int, selection: ShareSelection)] = []
        var failed = false
        for (j, cell) in header.enumerated() where j != dateColumn {
            var parser = Parser(cell: cell, of: file)
            var parsed: (ShareSelector, buyer: Name?)?
            do {
                if case .end = parser.peek.kind {
                    throw parser.fail("column \(j + 1) has no name", at: parser.peek, help: help)
                }
                parsed = try parser.parseShareSelector(example: "Huawei, origin US or recorded origin CN, HK")
                try parser.expectEndOfCell(help: "a column's name is a selector: Huawei, origin US, via direct, recorded origin CN, HK")
            } catch {}
            diagnostics.add(contentsOf: parser.diagnostics)
            guard parser.diagnostics.isEmpty, let (selector, buyer) = parsed,
                  let selection = selectShares(selector, buyer: buyer, segments: [segment], in: r) else {
                failed = true
                continue
            }
            columns.append((j, selection))
        }
        var out: [Observation] = []
        var rowDates: [Int: SourceLocation] = [:]
        var seenByColumn: [Int: [Int: SourceLocation]] = [:]
        for row in table.rows.dropFirst() {
            if row.count > header.count {
                let extra = row[header.count]
                var loc = file.location(at: extra.offset)
                loc.length = max(1, extra.text.count)
                error("this row has \(NumberText.counted(row.count, "field")); the header names \(NumberText.counted(header.count, "column"))", at: loc, help: help)
                continue
            }
            guard dateColumn < row.count, let date = parseCell(row[dateColumn], of: file, { try $0.parseDate(context: "in the date column") }),
                  let at = step(of: date, what: "an observation") else { continue }
            if let first = rowDates[at] {
                error("a second row for \(timeline?.0.label(ofStep: at) ?? date.text)", at: date.location,
                      help: "give one row per date, with every column's value on it", notes: ["the first is at \(first.description)"])
                continue
            }
            rowDates[at] = date.location
            for (j, selection) in columns where j < row.count && !row[j].text.isEmpty {
                guard let value = parseCell(row[j], of: file, { try $0.parseQuantity(context: "for the value at \(date.text)") }) else { continue }
                let point = ObservedPoint(date: date, value: value, uncertainty: nil, tag: nil)
                if let obs = observation(o, point, selection: selection, segment: segment, seen: &seenByColumn[j, default: [:]]) {
                    out.append(obs)
                }
            }
        }
        return failed ? [] : out
    }

    /// One cell read with the scenario language's own parser, its mistakes reported at their
    /// place in the file; nil after a mistake.
    private mutating func parseCell<T>(_ cell: ObservationTable.Cell, of file: SourceFile, _ read: (inout Parser) throws -> T) -> T? {
        var parser = Parser(cell: cell, of: file)
        var value: T?
        do {
            value = try read(&parser)
            try parser.expectEndOfCell(help: "one figure per cell: a date in the date column, a value such as 27% in the others")
        } catch {}
        diagnostics.add(contentsOf: parser.diagnostics)
        return parser.diagnostics.isEmpty ? value : nil
    }
}
