package struct SegmentStatement: Sendable, Equatable {
    package var name: Name
    package var title: String?
    package var lifetime: Quantity?
    package var growth: Quantity?
    package var size: Quantity?
    package var location: SourceLocation
}
