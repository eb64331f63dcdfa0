package struct DateLiteral: Sendable, Equatable {
    package var year: Int
    package var month: Int?
    package var day: Int?
    package var text: String
    package var location: SourceLocation
}
