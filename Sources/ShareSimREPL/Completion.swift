import ShareSimCore

/// What Tab offers at a point of the line: commands and keywords first; then, by context,
/// file paths, event names, vendors, segments, origins and runs of this session.
extension Session {
    package func completions(line: String, cursor: Int) -> (wordStart: Int, candidates: [String]) {
        let before = String(line.prefix(cursor))
        let inQuote = before.filter { $0 == "\"" }.count % 2 == 1
        var wordStart = before.count
        for (i, ch) in before.enumerated().reversed() {
            if inQuote ? ch == "\"" : (ch == " " || ch == "\t" || ch == ",") { break }
            wordStart = i
        }
        if inQuote { wordStart = max(0, wordStart - 1) }
        let word = String(before.dropFirst(wordStart))
        let previous = Words.split(String(before.prefix(wordStart)))
        let candidates = candidatesFor(previous: previous, word: word)
        return (wordStart, candidates.filter { candidate in
            // A path quoted for its space completes the same word typed without the quote.
            let compared = candidate.hasPrefix("\"") && !word.hasPrefix("\"") ? String(candidate.dropFirst()) : candidate
            return compared.hasPrefix(word) || compared.lowercased().hasPrefix(word.lowercased())
        })
    }

    private func candidatesFor(previous: [String], word: String) -> [String] {
        guard let first = previous.first?.lowercased() else {
            return Commands.all.map(\.name) + Session.statementKeywords
        }
        let last = previous.last?.lowercased() ?? ""
        if first == "load" || first == "save" || (first == "export" && previous.count >= 2) || first == "use" {
            return paths(matching: word)
        }
        if first == "export" { return ["csv", "json"] }
        if first == "help" { return Commands.all.map(\.name) + Session.statementKeywords }
        if first == "timing" { return ["on", "off"] }
        if (first == "drop" || first == "move") && previous.count == 1 { return ["event"] }
        if last == "event" || first == "explain" && previous.count == 1 && word.hasPrefix("\"") { return eventNames().map { "\"\($0)\"" } }
        if last == "--share" { return ["installed", "sales"] }
        if last == "--by" { return Grouping.allCases.map(\.rawValue) }
        let scenario = scenarioForCompletion
        if last == "origin" { return scenario?.origins ?? [] }
        if last == "in" { return scenario?.segments.map(\.id) ?? [] }
        if last == "via" { return ["direct"] + (scenario?.channels.map { Words.quotedIfNeeded($0.id) } ?? []) }
        if last == "recorded" { return ["origin"] }
        var names = runNames
        if let s = scenario {
            names += s.vendors.map(\.id) + s.segments.map(\.id) + s.origins + s.channels.map { Words.quotedIfNeeded($0.id) }
            if first == "explain" { names += eventNames().map { "\"\($0)\"" } }
        }
        return names + ["origin", "recorded", "in", "for", "via", "to", "by", "times", "over", "until", "at", "--share", "--by"]
    }

    private func eventNames() -> [String] {
        var out: [String] = []
        for c in scenarioForCompletion?.changes ?? [] {
            if let e = c.origin?.event, !out.contains(e) { out.append(e) }
        }
        return out
    }

    /// Paths that complete `word`, which may open with a quote and start with `~`. A path
    /// with a space comes quoted, as `load` reads it: a file's quote closed, a directory's
    /// left open so the next Tab goes on inside it.
    private func paths(matching typed: String) -> [String] {
        let quoted = typed.hasPrefix("\"")
        let word = quoted ? String(typed.dropFirst()) : typed
        let slash = word.lastIndex(of: "/")
        let dir = slash.map { String(word[...$0]) } ?? ""
        let listed = dir.isEmpty ? "." : expandingTilde(dir)
        let name = slash.map { String(word[word.index(after: $0)...]) } ?? word
        return env.listDirectory(listed).sorted().filter { !$0.hasPrefix(".") || name.hasPrefix(".") }.map { entry in
            let full = dir + entry
            let isDir = !env.listDirectory(expandingTilde(full)).isEmpty || entry.hasSuffix("/")
            guard quoted || full.contains(" ") else { return isDir ? full + "/" : full }
            return "\"" + full + (isDir ? "/" : "\"")
        }
    }
}
