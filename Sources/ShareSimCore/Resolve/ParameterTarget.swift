/// One figure of a resolved scenario that a parameter sets. Segment indices count in
/// `ResolvedScenario.segments`, change indices in `ResolvedScenario.changes`, buyer indices
/// in the segment's `buyers`.
public enum ParameterTarget: Sendable, Equatable {
    case lifetime(segment: Int)
    case growth(segment: Int)
    case size(segment: Int)
    /// The change's `to`.
    case change(index: Int)
    case initialShare(segment: Int, vendor: String)
    case buyerWeight(segment: Int, buyer: Int)
    case appeal(segment: Int, vendor: String)
}
