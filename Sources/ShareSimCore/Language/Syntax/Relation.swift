/// What an `expect` line asserts of the figure and its value: `<`, `<=`, `>`, `>=`, `=`.
public enum Relation: String, Sendable {
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "="
}
