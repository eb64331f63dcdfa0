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

public struct Vendor: Sendable, Equatable {
    public var id: String
    public var origin: String
    public init(id: String, origin: String) {
        self.id = id
        self.origin = origin
    }
}

public struct BuyerGroup: Sendable, Equatable {
    public var id: String
    public var weight: Double
    public init(id: String, weight: Double) {
        self.id = id
        self.weight = weight
    }
}

public struct Segment: Sendable, Equatable {
    public var id: String
    public var title: String?
    /// `L_s` in years.
    public var lifetime: Double
    /// `γ_s` per year, as declared (changes may move it later).
    public var growth: Double
    /// `Z_s`, in `unit`.
    public var size: Double
    public var unit: String?
    public var buyers: [BuyerGroup]
    /// `σ_{s,v}` by vendor id.
    public var initial: [String: Double]
    /// Base utility of vendors that enter later (`σ = 0`).
    public var appeal: [String: Double]

    public init(id: String, title: String? = nil, lifetime: Double, growth: Double, size: Double, unit: String? = nil,
                buyers: [BuyerGroup], initial: [String: Double], appeal: [String: Double] = [:]) {
        self.id = id
        self.title = title
        self.lifetime = lifetime
        self.growth = growth
        self.size = size
        self.unit = unit
        self.buyers = buyers
        self.initial = initial
        self.appeal = appeal
    }

    /// Indices into the scenario's vendors of those that take part in this segment, in
    /// declaration order: those with an initial share or an appeal.
    package func memberIndices(in vendors: [Vendor]) -> [Int] {
        vendors.indices.filter { initial[vendors[$0].id] != nil || appeal[vendors[$0].id] != nil }
    }
}

/// A resolved `expect` line.
public struct Expectation: Sendable, Equatable {
    public var metric: Metric
    /// Which figures are summed (MODEL.md "What a run reports"), and their keys in that view.
    public var view: ShareView
    public var keys: [String]
    /// The buyer group, for the buyer view.
    public var buyer: String?
    public var segments: [String]
    package var fromStep: Int
    package var toStep: Int?
    public var comparison: Relation
    public var value: Double
    public var tolerance: Double
    package var isPercent: Bool
    public var location: SourceLocation
    public var text: String
}

/// One figure and where it came from: `share telecom Huawei 55% [seed 001] file:12`.
public struct Provenance: Sendable, Equatable {
    /// What the figure sets, e.g. `share telecom Huawei` or `event "OFAC GL 25": access`.
    public var subject: String
    public var value: String
    public var tag: String?
    public var location: SourceLocation
}
