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
