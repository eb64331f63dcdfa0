/// `channel "HK intermediaries" records HK`: a route by which brands reach buyers besides
/// their own direct one; what customs records for what comes through it, if not the brand's
/// own origin.
public struct ChannelStatement: Sendable, Equatable {
    public var name: Name
    public var records: Name?
    public var location: SourceLocation
    public var tag: String?
}
