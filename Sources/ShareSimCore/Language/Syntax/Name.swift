/// A name or word as written, with its place.
public struct Name: Sendable, Equatable {
    public var text: String
    public var location: SourceLocation
}
