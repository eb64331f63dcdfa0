/// One figure and where it came from: `share telecom Huawei 55% [seed 001] file:12`.
public struct Provenance: Sendable, Equatable {
    /// What the figure sets, e.g. `share telecom Huawei` or `event "OFAC GL 25": access`.
    public var subject: String
    public var value: String
    public var tag: String?
    public var location: SourceLocation
}
