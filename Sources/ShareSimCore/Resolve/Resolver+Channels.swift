/// `channel` declarations, and the routes changes and selectors name with `via`.
struct ChannelDecl {
    var statement: ChannelStatement
    var layer: String
}

extension Resolver {
    mutating func declareChannel(_ c: ChannelStatement, layer: String) {
        if c.name.text.lowercased() == Channel.direct {
            error("'\(c.name.text)' is every brand's own route; it is always there and is not declared", at: c.name.location,
                  help: "name the other route, e.g. channel \"HK intermediaries\" records HK")
            return
        }
        if let i = channels.firstIndex(where: { $0.statement.name.text == c.name.text }) {
            if channels[i].layer == layer {
                error("channel '\(c.name.text)' is declared twice", at: c.name.location, help: "remove one of the declarations",
                      notes: ["first declared at \(channels[i].statement.name.location.description)"])
            } else {
                channels[i].statement.records = c.records
                channels[i].statement.tag = c.tag
            }
            return
        }
        channels.append(ChannelDecl(statement: c, layer: layer))
    }

    /// The declared channels in order, with where each one's recorded origin was set.
    mutating func buildChannels() -> [Channel] {
        channels.map { d in
            let c = d.statement
            provenance.append(Provenance(subject: "channel \(c.name.text) records", value: c.records?.text ?? "the brand's origin",
                                         tag: c.tag, location: c.records?.location ?? c.name.location))
            return Channel(id: c.name.text, records: c.records?.text)
        }
    }

    /// The channel a `via` names: `direct` or a declared one; nil for direct. Reports an
    /// unknown one with the declared names.
    mutating func channelID(_ n: Name, in r: ResolvedScenario) -> String?? {
        if n.text == Channel.direct { return .some(nil) }
        if r.channels.contains(where: { $0.id == n.text }) { return .some(n.text) }
        if wasUnreadable("channel", n.text) { return nil }
        let names = r.routeNames
        error("unknown channel '\(n.text)'", at: n.location,
              help: Suggestions.didYouMean(n.text, in: names)
                ?? (r.channels.isEmpty ? "declare it first: channel \(n.text.contains(" ") ? "\"\(n.text)\"" : n.text) records XX"
                                       : "channels are: \(names.joined(separator: ", "))"))
        return nil
    }

    /// The origins customs can record: every brand's own, and every channel's.
    func recordedOrigins(in r: ResolvedScenario) -> [String] {
        var out = r.origins
        for c in r.channels { if let o = c.records, !out.contains(o) { out.append(o) } }
        return out
    }
}
