/// MODEL.md's data: everything the engine needs and nothing it does not. Names, dates,
/// units and selectors are resolved away; each change remembers where it was written.
public struct ResolvedScenario: Sendable, Equatable {
    public var name: String
    public var timeline: Timeline
    public var vendors: [Vendor]
    public var segments: [Segment]
    /// In the order the engine applies them: by step, ties in the order written.
    public var changes: [Change]
    /// Declared routes in order; `direct` is implicit and never listed (MODEL.md "Channels").
    public var channels: [Channel]
    /// Data to check or calibrate against; the engine ignores them.
    public var observations: [Observation] = []
    /// The scenario's own tests; not part of the resolved JSON contract.
    public var expectations: [Expectation] = []
    /// Where each figure came from, for `sources` and `explain`.
    public var provenance: [Provenance] = []
    /// Named and uncertain figures, in declaration order: `param` statements first, then
    /// distributions written in place of a number (segments in order, then events). See
    /// Parameters.swift; not part of the resolved JSON contract.
    public var parameters: [ScenarioParameter] = []
    /// Plain numbers tagged as assumptions: each segment's, then each event's, then `param` lines', for
    /// `sensitivity --assumptions`; not part of the resolved JSON contract.
    public var assumptions: [AssumedFigure] = []

    public init(name: String, timeline: Timeline, vendors: [Vendor], segments: [Segment], channels: [Channel] = [],
                changes: [Change]) {
        self.name = name
        self.timeline = timeline
        self.vendors = vendors
        self.segments = segments
        self.channels = channels
        self.changes = changes
    }

    /// The distinct origins in the order their first vendor was declared.
    public var origins: [String] {
        var seen = Set<String>(), out: [String] = []
        for v in vendors where seen.insert(v.origin).inserted { out.append(v.origin) }
        return out
    }

    /// Every route a vendor can sell through: the implicit `direct`, then the declared channels.
    public var routeNames: [String] { [Channel.direct] + channels.map(\.id) }
}
