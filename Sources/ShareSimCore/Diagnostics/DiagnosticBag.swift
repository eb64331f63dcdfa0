/// Diagnostics gathered while reading a scenario: every error of a file is reported,
/// not only the first.
package struct DiagnosticBag: Sendable {
    package private(set) var items: [Diagnostic] = []
    package init() {}
    package var hasErrors: Bool { items.contains { $0.severity == .error } }
    package mutating func add(_ d: Diagnostic) { items.append(d) }
    package mutating func add(contentsOf ds: [Diagnostic]) { items.append(contentsOf: ds) }
}
