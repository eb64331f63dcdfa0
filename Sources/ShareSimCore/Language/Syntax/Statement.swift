// The syntax tree of a scenario file. Nodes keep where they were written; meaning
// (which vendor a name is, which step a date is) is settled later by the resolver.

package enum Statement: Sendable, Equatable {
    case scenario(name: String, location: SourceLocation)
    case timeline(start: DateLiteral, end: DateLiteral, step: Name, location: SourceLocation)
    case segment(SegmentStatement)
    case buyers(segment: Name, groups: [Entry], location: SourceLocation, tag: String?)
    case vendor(name: Name, origin: Name, location: SourceLocation)
    case share(segment: Name, date: DateLiteral?, entries: [Entry], location: SourceLocation, tag: String?)
    case appeal(segment: Name, entries: [Entry], location: SourceLocation, tag: String?)
    case event(EventStatement)
    case dropEvent(Name, location: SourceLocation)
    case moveEvent(Name, to: DateLiteral, location: SourceLocation)
    case use(path: String, location: SourceLocation)
    case expect(ExpectStatement)
    case param(ParamStatement)
    case channel(ChannelStatement)
    case observe(ObserveStatement)

    package var location: SourceLocation {
        switch self {
        case .scenario(_, let l), .timeline(_, _, _, let l), .buyers(_, _, let l, _), .vendor(_, _, let l),
            .share(_, _, _, let l, _), .appeal(_, _, let l, _), .dropEvent(_, let l), .moveEvent(_, _, let l),
            .use(_, let l):
            return l
        case .segment(let s): return s.location
        case .event(let e): return e.location
        case .expect(let e): return e.location
        case .param(let p): return p.location
        case .channel(let c): return c.location
        case .observe(let o): return o.location
        }
    }
}
