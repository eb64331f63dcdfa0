/// What a change moves (MODEL.md "Parameters over time").
public enum ChangeField: String, Sendable, Codable, CaseIterable {
    case access, friction, shift, trend, growth
}
