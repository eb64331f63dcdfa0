public struct Vendor: Sendable, Equatable {
    public var id: String
    public var origin: String
    public init(id: String, origin: String) {
        self.id = id
        self.origin = origin
    }
}
