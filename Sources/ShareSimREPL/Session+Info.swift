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
        guard let target = args.first else {
            return failure("usage: explain TARGET (a vendor, segment, origin, channel or event)\n  example: explain Cisco", status: .usage)
        }
        guard case .success(let loaded) = resolve() else { return unresolvedReply() }
        let s = loaded.scenario
        guard let found = Explanation.target(named: target, in: s) else {
            let known = s.vendors.map(\.id) + s.segments.map(\.id) + s.origins + s.channels.map(\.id)
            return failure("'\(target)' is no vendor, segment, origin, channel or event here", word: target,
                            suggestion: Suggestions.closest(to: target, in: known), status: .usage)
        }
        let explanation = Explanation(found, in: s)
        var out = ""
        let layerNote: (String) -> String = { file in file == self.env.inputName ? "what-if edit" : file == self.base?.path ? "loaded file" : "used file" }
        for p in explanation.figures {
            out += wrapped("\(p.subject) = \(p.value)  set at \(p.location.file):\(p.location.line) (\(layerNote(p.location.file)))"
                           + (p.tag.map { "  [\($0)]" } ?? ""), indent: 4)
        }
        for c in explanation.changes {
            var line = Explanation.describe(c, timeline: s.timeline)
            if let o = c.origin { line += "  (\(o.event.map { "\"\($0)\", " } ?? "")\(o.file):\(o.line), \(layerNote(o.file)))" }
            out += wrapped(line, indent: 4)
        }
        for o in explanation.observations {
            out += wrapped(Explanation.describe(o, timeline: s.timeline) + (o.location.map { "  (\($0.file):\($0.line))" } ?? ""), indent: 4)
        }
        return Reply(output: out.isEmpty ? "nothing sets '\(target)' beyond its declaration\n" : out)
    }
}
