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
        guard let target = args.first else { return .failure("usage: explain TARGET (a vendor, segment, origin or event)\n  example: explain Cisco", status: .usage) }
        guard case .success(let loaded) = resolve() else { return unresolvedReply() }
        let s = loaded.scenario
        let isVendor = s.vendors.contains { $0.id == target }
        let isSegment = s.segments.contains { $0.id == target }
        let isOrigin = s.origins.contains(target)
        let isEvent = s.changes.contains { $0.origin?.event == target }
        guard isVendor || isSegment || isOrigin || isEvent else {
            let known = s.vendors.map(\.id) + s.segments.map(\.id) + s.origins
            return .failure("'\(target)' is no vendor, segment, origin or event here", word: target, suggestion: Suggestions.closest(to: target, in: known), status: .usage)
        }
        let vendorIDs: Set<String> = isVendor ? [target] : isOrigin ? Set(s.vendors.filter { $0.origin == target }.map(\.id)) : []
        var out = ""
        let layerNote: (String) -> String = { file in file == self.env.inputName ? "what-if edit" : file == self.base?.path ? "loaded file" : "used file" }
        for p in s.provenance where matches(p.subject, target: target, vendors: vendorIDs, isSegment: isSegment, isEvent: isEvent) {
            out += wrapped("\(p.subject) = \(p.value)  set at \(p.location.file):\(p.location.line) (\(layerNote(p.location.file)))"
                           + (p.tag.map { "  [\($0)]" } ?? ""), indent: 4)
        }
        let changes = s.changes.filter { c in
            (isVendor || isOrigin) ? vendorIDs.contains(c.vendor ?? "") : isSegment ? c.segment == target : c.origin?.event == target
        }
        for c in changes {
            let when = s.timeline.month(ofStep: c.at).text
            let who = [c.vendor, c.buyer.map { "for \($0)" }].compactMap { $0 }.joined(separator: " ")
            let value = c.field == .access || c.field == .growth ? NumberText.percent(c.to) : NumberText.fixed(c.to, decimals: 3)
            var line = "\(when) \(c.field.rawValue) \(who) in \(c.segment) → \(value)\(c.over > 1 ? " over \(c.over) steps" : "")"
            if let o = c.origin { line += "  (\(o.event.map { "\"\($0)\", " } ?? "")\(o.file):\(o.line), \(layerNote(o.file)))" }
            out += wrapped(line, indent: 4)
        }
        return Reply(output: out.isEmpty ? "nothing sets '\(target)' beyond its declaration\n" : out)
    }

    private func matches(_ subject: String, target: String, vendors: Set<String>, isSegment: Bool, isEvent: Bool) -> Bool {
        let words = Words.split(subject)
        if isEvent { return subject.hasPrefix("event \"\(target)\"") }
        if isSegment { return words.count > 1 && words[1] == target && !subject.hasPrefix("event") }
        return words.count > 2 && vendors.contains(words[2]) && !subject.hasPrefix("event")
    }
}
