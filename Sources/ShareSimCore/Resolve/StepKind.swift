/// The length of one step.
public enum StepKind: String, Sendable, Codable, CaseIterable {
    case month, quarter, year

    public var months: Int {
        switch self {
        case .month: return 1
        case .quarter: return 3
        case .year: return 12
        }
    }

    /// Δ in MODEL.md: the step's length in years.
    package var years: Double {
        switch self {
        case .month: return 1.0 / 12.0
        case .quarter: return 1.0 / 4.0
        case .year: return 1.0
        }
    }

    package init?(word: String) {
        switch word.lowercased() {
        case "monthly", "month", "months": self = .month
        case "quarterly", "quarter", "quarters": self = .quarter
        case "yearly", "annual", "annually", "year", "years": self = .year
        default: return nil
        }
    }
}
