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
