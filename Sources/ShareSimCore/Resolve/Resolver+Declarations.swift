/// Declarations as the resolver gathers them, before they become MODEL.md's data.
struct VendorDecl {
    var name: Name
    var origin: Name
    var layer: String
}

struct SegmentDecl {
    var name: Name
    var layer: String
    var title: String?
    var lifetime: Quantity?
    var growth: Quantity?
    var size: Quantity?
    var buyers: [Entry]?
    var buyersTag: String?
    var shares: [Entry]?
    var sharesTag: String?
    var sharesLocation: SourceLocation?
    /// The date the shares were given for, and the timeline it was checked against: an
    /// overlay that replaces the timeline has it checked again (see `recheckShareDate`).
    var sharesDate: (date: DateLiteral, checkedAgainst: Timeline?)?
    var appeal: [String: Entry] = [:]
    var appealTag: String?
}

struct EventDecl {
    var statement: EventStatement
    var layer: String
}

extension Resolver {
    mutating func declareVendor(_ n: Name, origin: Name, layer: String) {
        if let i = vendorPositions[n.text] {
            if vendors[i].layer == layer {
                error("vendor '\(n.text)' is declared twice", at: n.location, help: "remove one of the declarations",
                      notes: ["first declared at \(vendors[i].name.location.description)"])
            } else {
                vendors[i].origin = origin
            }
            return
        }
        vendorPositions[n.text] = vendors.count
        vendors.append(VendorDecl(name: n, origin: origin, layer: layer))
    }

    mutating func declareSegment(_ s: SegmentStatement, layer: String) {
        if let i = segments.firstIndex(where: { $0.name.text == s.name.text }) {
            if segments[i].layer == layer {
                error("segment '\(s.name.text)' is declared twice", at: s.name.location, help: "remove one of the declarations",
                      notes: ["first declared at \(segments[i].name.location.description)"])
                return
            }
            if let t = s.title { segments[i].title = t }
            if let q = s.lifetime { segments[i].lifetime = q }
            if let q = s.growth { segments[i].growth = q }
            if let q = s.size { segments[i].size = q }
            return
        }
        segments.append(SegmentDecl(name: s.name, layer: layer, title: s.title, lifetime: s.lifetime, growth: s.growth, size: s.size))
    }

    mutating func segmentIndex(_ n: Name) -> Int? {
        if let i = segments.firstIndex(where: { $0.name.text == n.text }) { return i }
        if wasUnreadable("segment", n.text) { return nil }
        let names = segments.map(\.name.text)
        error("unknown segment '\(n.text)'", at: n.location,
              help: Suggestions.didYouMean(n.text, in: names) ?? (names.isEmpty ? "declare it first: segment \(n.text) lifetime 8y" : "segments are: \(names.joined(separator: ", "))"))
        return nil
    }

    mutating func setBuyers(_ seg: Name, _ groups: [Entry], tag: String?) {
        guard let i = segmentIndex(seg) else { return }
        segments[i].buyers = groups
        segments[i].buyersTag = tag
    }

    mutating func setShares(_ seg: Name, date: DateLiteral?, _ entries: [Entry], at loc: SourceLocation, tag: String?) {
        guard let i = segmentIndex(seg) else { return }
        if let date {
            checkShareDate(date)
            segments[i].sharesDate = (date, timeline?.0)
        }
        if let first = segments[i].sharesLocation, first.file == loc.file {
            error("the initial shares of '\(seg.text)' are given twice", at: loc, help: "keep one share statement per segment",
                  notes: ["first given at \(first.description)"])
            return
        }
        segments[i].shares = entries
        segments[i].sharesTag = tag
        segments[i].sharesLocation = loc
    }

    /// Initial shares are dated at the timeline's start, or not at all.
    private mutating func checkShareDate(_ date: DateLiteral, notes: [String] = []) {
        if let k = step(of: date, what: "a share"), k != 0, let (t, _) = timeline {
            error("initial shares are for the timeline's start (\(t.start.text)), not \(date.text)", at: date.location,
                  help: "to change shares later, write an event with access, shift or trend changes", notes: notes)
        }
    }

    /// A share dated under one timeline, checked again once an overlay has replaced it:
    /// `share telecom 2021-01` under a timeline from 2023-01 is an error, not the shares
    /// of 2023-01.
    mutating func recheckShareDate(_ d: SegmentDecl) {
        guard let (date, checked) = d.sharesDate, let (t, location) = timeline, checked != t else { return }
        let note = "the timeline is \(t.span) since \(location.description) replaced it"
        guard t.step(within: CalendarMonth(year: date.year, month: date.month ?? 1)) != nil else {
            error("\(date.text) is outside the timeline (\(t.span))", at: date.location,
                  help: "date the shares at the timeline's start, \(t.start.text)", notes: [note])
            return
        }
        checkShareDate(date, notes: [note])
    }

    mutating func setAppeal(_ seg: Name, _ entries: [Entry], tag: String?) {
        guard let i = segmentIndex(seg) else { return }
        for e in entries { segments[i].appeal[e.name.text] = e }
        segments[i].appealTag = tag
    }

    mutating func declareEvent(_ e: EventStatement, layer: String) {
        if let i = eventPositions[e.name.text] {
            if events[i].layer == layer {
                error("event \"\(e.name.text)\" is declared twice", at: e.name.location, help: "give each event its own name",
                      notes: ["first declared at \(events[i].statement.name.location.description)"])
            } else {
                events[i] = EventDecl(statement: e, layer: layer)
            }
            return
        }
        eventPositions[e.name.text] = events.count
        events.append(EventDecl(statement: e, layer: layer))
    }

    mutating func eventIndex(_ n: Name) -> Int? {
        if let i = eventPositions[n.text] { return i }
        if wasUnreadable("event", n.text) { return nil }
        let names = events.map(\.statement.name.text)
        error("no event named \"\(n.text)\"", at: n.location,
              help: Suggestions.didYouMean(n.text, in: names) ?? (names.isEmpty ? "no events are declared" : "events are: " + names.map { "\"\($0)\"" }.joined(separator: ", ")))
        return nil
    }

    mutating func dropEvent(_ n: Name) {
        guard let i = eventIndex(n) else { return }
        events.remove(at: i)
        eventPositions[n.text] = nil
        for k in i..<events.count { eventPositions[events[k].statement.name.text] = k }
    }

    /// A moved event keeps its length: its `until` dates, and its changes', move with it.
    mutating func moveEvent(_ n: Name, to date: DateLiteral) {
        guard let i = eventIndex(n) else { return }
        let old = events[i].statement.date
        let months = (date.year * 12 + (date.month ?? 1)) - (old.year * 12 + (old.month ?? 1))
        events[i].statement.date = date
        events[i].statement.until = events[i].statement.until.map { $0.moved(months: months) }
        for k in events[i].statement.changes.indices {
            events[i].statement.changes[k].until = events[i].statement.changes[k].until.map { $0.moved(months: months) }
        }
    }
}

extension DateLiteral {
    /// The date `months` months later, as precise as written (a day that the new month lacks
    /// becomes its last).
    func moved(months: Int) -> DateLiteral {
        guard months != 0 else { return self }
        let index = year * 12 + (month ?? 1) - 1 + months
        var d = self
        d.year = index / 12
        if month != nil { d.month = index % 12 + 1 }
        if let day { d.day = min(day, CalendarMonth.daysIn(year: d.year, month: d.month ?? 1)) }
        func two(_ x: Int) -> String { x < 10 ? "0\(x)" : "\(x)" }
        d.text = "\(d.year)" + (d.month.map { "-" + two($0) } ?? "") + (d.day.map { "-" + two($0) } ?? "")
        return d
    }
}
