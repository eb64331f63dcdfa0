import ShareSimCore

/// Where figures came from: `sources` lists every tagged figure, `explain` gathers
/// everything that sets one vendor's, segment's, origin's or event's values.
extension Session {
    func sources(_ args: [String]) -> Reply {
        guard case .success(let loaded) = resolve() else { return unresolvedReply() }
        let filter = args.joined(separator: " ").lowercased()
        let items = loaded.scenario.provenance.filter {
            filter.isEmpty || $0.subject.lowercased().contains(filter) || ($0.tag ?? "").lowercased().contains(filter)
        }
        guard !items.isEmpty else { return Reply(output: filter.isEmpty ? "no figures\n" : "no figure or source matches '\(filter)'\n") }
        let subjectWidth = min(44, items.map(\.subject.count).max() ?? 10)
        // A row too long for the terminal goes on under its source tag, or indented when that is far right.
        let tagColumn = subjectWidth + 2 + 8 + 2
        let indent = tagColumn <= env.width / 2 ? tagColumn : 4
        var out = ""
        for p in items {
            let row = p.subject.padding(subjectWidth) + "  " + p.value.padding(8) + "  " + (p.tag.map { "[\($0)]" } ?? "(no source)")
            out += wrapped(row + "  \(p.location.file):\(p.location.line)", indent: indent)
        }
        let untagged = items.filter { $0.tag == nil }.count
        if untagged > 0 { out += "\(NumberText.counted(untagged, "figure")) without a source tag\n" }
        return Reply(output: out)
    }

    func explain(_ args: [String]) -> Reply {
        guard let target = args.first else { return .failure("usage: explain TARGET (a vendor, segment, origin, channel or event)\n  example: explain Cisco", status: 2) }
        guard case .success(let loaded) = resolve() else { return unresolvedReply() }
        let s = loaded.scenario
        let isVendor = s.vendors.contains { $0.id == target }
        let isSegment = s.segments.contains { $0.id == target }
        let isOrigin = s.origins.contains(target) || s.channels.contains { $0.records == target }
        let isChannel = target == "direct" || s.channels.contains { $0.id == target }
        let isEvent = s.changes.contains { $0.origin?.event == target }
        guard isVendor || isSegment || isOrigin || isChannel || isEvent else {
            let known = s.vendors.map(\.id) + s.segments.map(\.id) + s.origins + s.channels.map(\.id)
            return .failure("'\(target)' is no vendor, segment, origin, channel or event here", word: target,
                            suggestion: Suggestions.closest(to: target, in: known), status: 2)
        }
        let vendorIDs: Set<String> = isVendor ? [target] : isOrigin ? Set(s.vendors.filter { $0.origin == target }.map(\.id)) : []
        var out = ""
        let layerNote: (String) -> String = { file in file == self.env.inputName ? "what-if edit" : file == self.base?.path ? "loaded file" : "used file" }
        for p in s.provenance where matches(p.subject, target: target, vendors: vendorIDs, isSegment: isSegment, isEvent: isEvent, isChannel: isChannel) {
            out += wrapped("\(p.subject) = \(p.value)  set at \(p.location.file):\(p.location.line) (\(layerNote(p.location.file)))"
                           + (p.tag.map { "  [\($0)]" } ?? ""), indent: 4)
        }
        let changes = s.changes.filter { c in
            if isEvent && c.origin?.event == target { return true }
            if isChannel && (c.channel ?? "direct") == target && c.vendor != nil { return true }
            if isSegment && c.segment == target { return true }
            return vendorIDs.contains(c.vendor ?? "")
        }
        for c in changes {
            var line = "\(s.timeline.month(ofStep: c.at).text) \(Session.describe(c))"
            if let until = c.until { line += " until \(s.timeline.month(ofStep: until).text)" }
            if let o = c.origin { line += "  (\(o.event.map { "\"\($0)\", " } ?? "")\(o.file):\(o.line), \(layerNote(o.file)))" }
            out += wrapped(line, indent: 4)
        }
        // Observations that measure the target: by its name as a key, or within its segment.
        for o in s.observations where o.keys.contains(target) || o.segment == target || o.buyer == target || !vendorIDs.isDisjoint(with: o.keys) {
            let at = o.location.map { "  (\($0.file):\($0.line))" } ?? ""
            out += wrapped("observed (\(o.role.rawValue)) \(o.describe(timeline: s.timeline)) = \(o.format(o.value))"
                           + (o.uncertainty.map { " ± \(o.format($0))" } ?? "") + (o.source.map { "  [\($0)]" } ?? "") + at, indent: 4)
        }
        return Reply(output: out.isEmpty ? "nothing sets '\(target)' beyond its declaration\n" : out)
    }

    /// `access Intel via parallel for firms in chips by +40.0 points over 3 steps`: a change in words.
    static func describe(_ c: Change) -> String {
        let who = [c.vendor, c.channel.map { "via \(Words.quotedIfNeeded($0))" }, c.buyer.map { "for \($0)" }].compactMap { $0 }.joined(separator: " ")
        let isPercentage = c.field == .access || c.field == .growth
        let value: String
        switch c.operation {
        case .to: value = "→ " + (isPercentage ? NumberText.percent(c.value) : NumberText.fixed(c.value, decimals: 3))
        case .by:
            let sign = c.value < 0 ? "-" : "+"
            value = "by " + sign + (isPercentage ? NumberText.fixed(abs(c.value) * 100, decimals: 1) + " points" : NumberText.fixed(abs(c.value), decimals: 3))
        case .times: value = "× " + NumberText.csv(c.value)
        }
        return "\(c.field.rawValue) \(who.isEmpty ? "" : who + " ")in \(c.segment) \(value)\(c.over > 1 ? " over \(c.over) steps" : "")"
    }

    private func matches(_ subject: String, target: String, vendors: Set<String>, isSegment: Bool, isEvent: Bool, isChannel: Bool) -> Bool {
        let words = Words.split(subject)
        if isEvent { return subject.hasPrefix("event \"\(target)\"") }
        if isChannel { return subject == "channel \(target) records" }
        if subject.hasPrefix("observe ") { return false }
        if isSegment { return words.count > 1 && words[1] == target && !subject.hasPrefix("event") }
        return words.count > 2 && vendors.contains(words[2]) && !subject.hasPrefix("event")
    }
}
