/// Which vendors a statement is about.
package enum VendorSelector: Sendable, Equatable {
    case vendors([Name])
    case origins([Name])
    case all(SourceLocation)
}
