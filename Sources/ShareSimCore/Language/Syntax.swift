/// The syntax tree of a scenario file. Nodes keep where they were written; meaning
/// (which vendor a name is, which step a date is) is settled later by the resolver.

/// A name or word as written, with its place.
public struct Name: Sendable, Equatable {
    public var text: String
    public var location: SourceLocation
}

/// A number with its unit as written: `45%`, `0.45`, `8y`, `3 months`, `4B USD`, `3%/y`.
public struct Quantity: Sendable, Equatable {
    public enum Unit: Sendable, Equatable {
        /// A bare number: a fraction for shares, utility for shifts.
        case plain
        case percent
        /// A duration, already converted to years.
        case years
        /// A rate per year: `0.4/y` (plain) or `3%/y` (percent, kept as a fraction).
        case plainPerYear
        case percentPerYear
        /// Money or units, with `k/M/B` applied; the currency or unit word if any.
        case amount(unit: String?)
        /// `+40 points`: percentage points added to a percentage, kept as a fraction (0.40).
        case points
        /// `markup 8%`: a route's price markup, kept as a fraction (0.08); the resolver turns
        /// it into the friction `-ln(1 + 0.08)`.
        case markup
    }
    /// The value in model terms: `45%` is 0.45, `8 months` is 0.666… years, `4B` is 4e9.
    public var value: Double
    public var unit: Unit
    /// The figure as written, for messages.
    public var text: String
    public var location: SourceLocation
    /// The source tag written right after this figure, if any.
    public var tag: String?
    /// Set when the figure is not a number but a parameter's name (`to leakage`) or a
    /// distribution (`to uniform(3%, 10%)`); `value` and `unit` then mean nothing until the
    /// resolver has looked the parameter up.
    package var reference: FigureReference? = nil
}

/// A figure written as something other than a number.
package enum FigureReference: Sendable, Equatable {
    /// The name of a parameter declared with `param`.
    case parameter(Name)
    /// A distribution written in place of the number: an anonymous parameter.
    case distribution(DistributionSyntax)
}

/// `uniform(3%, 10%)`, `triangular(3%, 6.5%, 10%)`, `normal(6.5%, 1.5%)`, `oneof(5%, 6.5%, 8%)`.
package struct DistributionSyntax: Sendable, Equatable {
    package enum Kind: String, Sendable, CaseIterable {
        case uniform, triangular, normal
        case oneOf = "oneof"
    }
    package var kind: Kind
    /// The numbers between the parentheses, each with its unit as written.
    package var arguments: [Quantity]
    /// The whole `kind(…)`.
    package var location: SourceLocation
}

/// `param leakage = 6.5%` or `param leakage ~ triangular(3%, 6.5%, 10%)`: a named figure
/// that segments, shares and event changes may use in place of a number.
package struct ParamStatement: Sendable, Equatable {
    package var name: Name
    /// The figure; its `reference` is a distribution for `~`.
    package var value: Quantity
    package var location: SourceLocation
    package var tag: String?
}

package struct DateLiteral: Sendable, Equatable {
    package var year: Int
    package var month: Int?
    package var day: Int?
    package var text: String
    package var location: SourceLocation
}

/// Which vendors a statement is about.
package enum VendorSelector: Sendable, Equatable {
    case vendors([Name])
    case origins([Name])
    case all(SourceLocation)
}

/// One line of an event: set, add to or scale a field for some vendors, routes, segments
/// and buyer groups, optionally ramped over a duration and ended at a date.
package struct ChangeStatement: Sendable, Equatable {
    package var field: ChangeField
    /// Nil only for `growth`, which is a property of a segment.
    package var vendors: VendorSelector?
    package var buyers: [Name]
    /// The routes after `via`; empty means `direct`. Only access and friction take one.
    package var channels: [Name]
    /// Empty means every segment.
    package var segments: [Name]
    /// `to` sets, `by` adds, `times` scales.
    package var operation: ChangeOperation
    /// The word that gave the operation (`to`, `by`, `times` or `markup`), for messages.
    package var operationWord: Name
    package var value: Quantity
    package var over: Quantity?
    /// The change's own end; nil means the event's end, if it has one.
    package var until: DateLiteral?
    package var location: SourceLocation
    package var tag: String?
}

public enum Metric: String, Sendable, CaseIterable {
    case installedShare = "installed share"
    case salesShare = "sales share"
    case installed
    case sales
    case installedGrowth = "installed growth"
    case salesGrowth = "sales growth"

    public var isShare: Bool { self == .installedShare || self == .salesShare }
    public var isGrowth: Bool { self == .installedGrowth || self == .salesGrowth }
}

/// What an `expect` line asserts of the figure and its value: `<`, `<=`, `>`, `>=`, `=`.
public enum Relation: String, Sendable {
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "="
}

/// What an `expect` or `observe` line adds up, in one of MODEL.md's views: vendors by
/// name (`Huawei, ZTE`, `all`) or by brand origin (`origin US, EU`), routes (`via
/// "HK intermediaries", direct`) or what customs records (`recorded origin CN, HK`).
package enum ShareSelector: Sendable, Equatable {
    case vendors(VendorSelector)
    case channels([Name])
    case recordedOrigins([Name])
}

/// `expect installed share origin US, EU in telecom at 2021-12 <= 33%`: a scenario's own test.
package struct ExpectStatement: Sendable, Equatable {
    package var metric: Metric
    package var selector: ShareSelector
    /// `for government`: the vendors' share within one buyer group.
    package var buyer: Name?
    package var segments: [Name]
    package var from: DateLiteral
    /// A second date: the end of a range for levels, the end point for growth.
    package var to: DateLiteral?
    package var comparison: Relation
    package var value: Quantity
    package var tolerance: Quantity?
    package var location: SourceLocation
    package var tag: String?
    /// The line as written, to name the expectation in reports.
    package var text: String
}

package struct SegmentStatement: Sendable, Equatable {
    package var name: Name
    package var title: String?
    package var lifetime: Quantity?
    package var growth: Quantity?
    package var size: Quantity?
    package var location: SourceLocation
}

package struct EventStatement: Sendable, Equatable {
    package var name: Name
    package var date: DateLiteral
    /// `until DATE` on the header: every change without its own `until` ends then.
    package var until: DateLiteral?
    package var changes: [ChangeStatement]
    package var location: SourceLocation
    package var tag: String?
}

/// A figure for one vendor or buyer group: `Huawei 55%`.
public struct Entry: Sendable, Equatable {
    public var name: Name
    public var value: Quantity
}

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

/// A statement the parser reported and left out: `vendor Huawei origin` declares no vendor,
/// but the resolver should not then report 'Huawei' as unknown wherever it is used.
package struct UnreadableStatement: Sendable, Equatable {
    /// The statement's keyword, lowercased; for a misspelt keyword the one it stands for.
    package var keyword: String
    /// The word or quoted name right after the keyword, if there is one.
    package var name: String?
}

/// The statement keywords, for completion and for "did you mean" on a misspelt one.
public enum Keywords {
    public static let statements = ["scenario", "timeline", "segment", "buyers", "vendor", "share", "appeal", "event", "drop", "move", "use", "expect", "param", "channel", "observe"]
    public static let changes = ["access", "friction", "shift", "trend", "growth"]
}
