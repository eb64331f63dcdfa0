/// `channel "HK intermediaries" records HK`: a route by which brands reach buyers besides
/// their own direct one; what customs records for what comes through it, if not the brand's
/// own origin.
package struct ChannelStatement: Sendable, Equatable {
    package var name: Name
    package var records: Name?
    package var location: SourceLocation
    package var tag: String?
}
