/// Why a list of bands was refused: the band as written, and what is wrong with it.
public struct BandError: Error, Sendable {
    public var text: String
    /// A percentile not above the one before it, rather than no percentile at all.
    package var outOfOrder: Bool

    /// What is wrong, with an example; `option` names what was given (`--bands`, `bands`).
    public func message(option: String) -> String {
        outOfOrder
            ? "\(option) go from low to high, each once: '\(text)' comes after a band at least as high; e.g. \(option) 5,25,50,75,95"
            : "'\(text)' is not a percentile: \(option) takes percentages above 0 and at most 100, e.g. \(option) 5,25,50,75,95"
    }
}
