/// A figure for one vendor or buyer group: `Huawei 55%`.
public struct Entry: Sendable, Equatable {
    public var name: Name
    public var value: Quantity
}
