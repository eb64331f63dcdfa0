extension Parser {
    mutating func parseStatement() throws -> Statement {
        let first = peek
        guard case .identifier(let word) = first.kind else {
            throw fail("expected a statement, found \(first.display)", at: first,
                       help: "statements start with a keyword: \(Keywords.statements.joined(separator: ", "))")
        }
        switch word.lowercased() {
        case "scenario": return try parseScenario()
        case "timeline": return try parseTimeline()
        case "segment": return .segment(try parseSegment())
        case "buyers": return try parseEntries(keyword: "buyers")
        case "vendor": return try parseVendor()
        case "share", "shares": return try parseShare()
        case "appeal": return try parseEntries(keyword: "appeal")
        case "event": return .event(try parseEvent())
        case "drop": return try parseDrop()
        case "move": return try parseMove()
        case "use": return try parseUse()
        case "expect": return .expect(try parseExpect())
        case "param": return .param(try parseParam())
        case "channel": return .channel(try parseChannel())
        case "observe": return .observe(try parseObserve())
        default:
            var help = "statements start with a keyword: \(Keywords.statements.joined(separator: ", "))"
            if let near = Suggestions.didYouMean(word, in: Keywords.statements) { help = near }
            else if Keywords.changes.contains(word.lowercased()) {
                help = "'\(word)' changes belong inside an event: event \"Name\" 2022-04:\n  then indent the change under it"
            }
            throw fail("unknown statement '\(word)'", at: first, help: help)
        }
    }

    private mutating func parseScenario() throws -> Statement {
        let kw = advance()
        guard case .string(let name) = peek.kind else {
            throw fail("expected the scenario's name in double quotes, found \(peek.display)", at: peek,
                       help: "scenario \"OFAC easing (GL 25), April 2022\"")
        }
        advance()
        _ = acceptTag()
        try expectEndOfStatement()
        return .scenario(name: name, location: location(of: kw))
    }

    private mutating func parseTimeline() throws -> Statement {
        let kw = advance()
        let start = try parseDate(context: "for the timeline's start")
        try expectWord("to", context: "between the timeline's first and last date", help: "timeline 2021-01 to 2027-12 monthly")
        let end = try parseDate(context: "for the timeline's end")
        guard case .identifier = peek.kind else {
            throw fail("expected the step length (monthly, quarterly or yearly), found \(peek.display)", at: peek,
                       help: "timeline 2021-01 to 2027-12 monthly")
        }
        let stepToken = advance()
        let step = name(stepToken)
        _ = acceptTag()
        try expectEndOfStatement()
        return .timeline(start: start, end: end, step: step, location: location(of: kw))
    }

    private mutating func parseSegment() throws -> SegmentStatement {
        let kw = advance()
        let id = try parseName(what: "a segment name", example: "segment telecom \"Telecom equipment\" lifetime 8y growth 3%/y size 4B USD")
        var seg = SegmentStatement(name: id, title: nil, lifetime: nil, growth: nil, size: nil, location: location(of: kw))
        if case .string(let title) = peek.kind {
            advance()
            seg.title = title
        }
        while !peek.isNewlineOrEnd {
            if case .tag = peek.kind { advance(); continue }
            let attr = advance()
            switch attr.kind {
            case .identifier(let w) where w.lowercased() == "lifetime":
                seg.lifetime = try parseFigure(context: "for the lifetime")
            case .identifier(let w) where w.lowercased() == "growth":
                seg.growth = try parseFigure(context: "for the growth rate")
            case .identifier(let w) where w.lowercased() == "size":
                var q = try parseFigure(context: "for the size")
                if case .identifier(let unit) = peek.kind, q.tag == nil, !["lifetime", "growth", "size"].contains(unit.lowercased()) {
                    advance()
                    if case .amount = q.unit { q.unit = .amount(unit: unit) } else if case .plain = q.unit { q.unit = .amount(unit: unit) }
                    q.tag = acceptTag()
                }
                seg.size = q
            default:
                let attrs = ["lifetime", "growth", "size"]
                var help = "a segment takes lifetime, growth and size: segment telecom lifetime 8y growth 3%/y size 4B USD"
                if case .identifier(let w) = attr.kind, let near = Suggestions.didYouMean(w, in: attrs) { help = near }
                throw fail("unexpected \(attr.display) in a segment", at: attr, help: help)
            }
        }
        return seg
    }

    /// `buyers SEGMENT: group 20%, group 80%` and `appeal SEGMENT: Vendor -3`.
    private mutating func parseEntries(keyword: String) throws -> Statement {
        let kw = advance()
        let example = keyword == "buyers" ? "buyers telecom: government 20%, operators 80%" : "appeal chips: Newcomer -4.0"
        let segment = try parseName(what: "a segment name", example: example)
        try expectSymbol(":", context: "after the segment", help: example)
        let entries = try parseEntryList(example: example)
        let tag = listTag(entries)
        try expectEndOfStatement()
        if keyword == "buyers" {
            return .buyers(segment: segment, groups: entries, location: location(of: kw), tag: tag)
        }
        return .appeal(segment: segment, entries: entries, location: location(of: kw), tag: tag)
    }

    private mutating func parseEntryList(example: String) throws -> [Entry] {
        var entries: [Entry] = []
        repeat {
            skipLineContinuation()
            let n = try parseName(what: "a name", example: example)
            let q = try parseFigure(context: "for '\(n.text)'")
            entries.append(Entry(name: n, value: q))
        } while acceptSymbol(",")
        return entries
    }

    /// The tag that ends a list statement is the list's: it sources every entry without a
    /// tag of its own, as a reader of `buyers telecom: government 10%, operators 90% [x]`
    /// takes it. The last entry's figure has already taken it as its own, so it is read
    /// back from there.
    private mutating func listTag(_ entries: [Entry]) -> String? {
        acceptTag() ?? entries.last?.value.tag
    }

    private mutating func parseVendor() throws -> Statement {
        let kw = advance()
        let example = "vendor Huawei origin CN"
        let n = try parseName(what: "a vendor name", example: example)
        // `vendor Big Corp origin US`: a name of several words is quoted.
        var help = example
        if case .identifier(let next) = peek.kind, next.lowercased() != "origin" {
            help = "a name of several words is quoted: vendor \"\(n.text) \(next)\" origin …"
        }
        try expectWord("origin", context: "after the vendor's name", help: help)
        let origin = try parseName(what: "an origin code", example: example)
        _ = acceptTag()
        try expectEndOfStatement()
        return .vendor(name: n, origin: origin, location: location(of: kw))
    }

    /// `channel "HK intermediaries" records HK`, `channel parallel`.
    private mutating func parseChannel() throws -> ChannelStatement {
        let kw = advance()
        let example = "channel \"HK intermediaries\" records HK"
        let n = try parseName(what: "the channel's name", example: example)
        var records: Name?
        if acceptWord("records") {
            records = try parseName(what: "the origin customs records for it", example: example)
        }
        let tag = acceptTag()
        try expectEndOfStatement()
        return ChannelStatement(name: n, records: records, location: location(of: kw), tag: tag)
    }

    private mutating func parseShare() throws -> Statement {
        let kw = advance()
        let example = "share telecom 2021-01: Huawei 55%, Ericsson 28%"
        let segment = try parseName(what: "a segment name", example: example)
        var date: DateLiteral?
        if !isSymbol(":") {
            date = try parseDate(context: "or ':' after the segment")
        }
        try expectSymbol(":", context: "before the shares", help: example)
        let entries = try parseEntryList(example: example)
        let tag = listTag(entries)
        try expectEndOfStatement()
        return .share(segment: segment, date: date, entries: entries, location: location(of: kw), tag: tag)
    }

    private mutating func parseEvent() throws -> EventStatement {
        let kw = advance()
        let example = "event \"OFAC GL 25\" 2022-04-07:"
        guard case .string(let title) = peek.kind else {
            throw fail("expected the event's name in double quotes, found \(peek.display)", at: peek, help: example)
        }
        let nameToken = advance()
        let date = try parseDate(context: "for the event's date")
        let until = acceptWord("until") ? try parseDate(context: "after 'until'") : nil
        try expectSymbol(":", context: "after the event's date", help: until == nil ? example + "  or  event \"Price war\" 2023-01 until 2023-12:" : example)
        var event = EventStatement(name: Name(text: title, location: location(of: nameToken)), date: date, until: until, changes: [],
                                   location: location(of: kw), tag: acceptTag())
        // A change that failed is reported already; the event is not also "without changes".
        var wroteChanges = false
        if !peek.isNewlineOrEnd {
            wroteChanges = true
            event.changes.append(try parseChange())
            try expectEndOfStatement()
        }
        while let bodyLine = nextIndentedLine() {
            pos = bodyLine
            if peek.isNewlineOrEnd { continue }
            wroteChanges = true
            do {
                event.changes.append(try parseChange())
                try expectEndOfStatement()
            } catch {
                skipLine()
            }
        }
        if !wroteChanges {
            error("event \"\(title)\" has no changes", at: location(of: kw),
                  help: "indent its changes under it, e.g.\n  access origin US in telecom to 10% over 3 months")
        }
        return event
    }

    /// The position just after the indentation of the next body line, looking past blank
    /// and comment-only lines; nil when the next line with content is not indented.
    private func nextIndentedLine() -> Int? {
        var p = pos
        guard case .newline = tokens[p].kind else { return nil }
        while case .newline = tokens[p].kind { p += 1 }
        if case .indent = tokens[p].kind { return p + 1 }
        return nil
    }

    private mutating func parseDrop() throws -> Statement {
        let kw = advance()
        try expectWord("event", context: "after 'drop'", help: "drop event \"OFAC GL 25\"")
        let n = try parseEventName(example: "drop event \"OFAC GL 25\"")
        _ = acceptTag()
        try expectEndOfStatement()
        return .dropEvent(n, location: location(of: kw))
    }

    private mutating func parseMove() throws -> Statement {
        let kw = advance()
        let example = "move event \"OFAC GL 25\" to 2023-04-07"
        try expectWord("event", context: "after 'move'", help: example)
        let n = try parseEventName(example: example)
        try expectWord("to", context: "before the new date", help: example)
        let date = try parseDate(context: "for the event's new date")
        _ = acceptTag()
        try expectEndOfStatement()
        return .moveEvent(n, to: date, location: location(of: kw))
    }

    private mutating func parseEventName(example: String) throws -> Name {
        guard case .string(let title) = peek.kind else {
            throw fail("expected the event's name in double quotes, found \(peek.display)", at: peek, help: example)
        }
        let t = advance()
        return Name(text: title, location: location(of: t))
    }

    private mutating func parseUse() throws -> Statement {
        advance()
        guard case .string(let path) = peek.kind else {
            throw fail("expected a file name in double quotes, found \(peek.display)", at: peek, help: "use \"ofac-easing.scn\"")
        }
        let pathToken = advance()
        _ = acceptTag()
        try expectEndOfStatement()
        return .use(path: path, location: location(of: pathToken))
    }
}
