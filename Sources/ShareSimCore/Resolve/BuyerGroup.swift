public struct BuyerGroup: Sendable, Equatable {
    public var id: String
    public var weight: Double
    public init(id: String, weight: Double) {
        self.id = id
        self.weight = weight
    }
}
