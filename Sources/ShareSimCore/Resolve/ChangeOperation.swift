/// How a change's value combines with the value in effect: `to` sets it, `by` adds to it,
/// `times` multiplies it (MODEL.md "Parameters over time").
public enum ChangeOperation: String, Sendable, Codable, CaseIterable {
    case to, by, times
}
