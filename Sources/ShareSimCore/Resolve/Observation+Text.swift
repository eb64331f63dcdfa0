/// Observations in words, for `test`, `sources` and `explain`.
extension Observation {
    /// `sales share recorded origin CN, HK in chips at 2023-01`: what the observation measures.
    public func describe(timeline: Timeline) -> String {
        "\(measure.rawValue) \(Observation.selectorText(view: view, keys: keys, buyer: buyer)) in \(segment) at \(timeline.label(ofStep: at))"
    }

    /// A view and its keys as the language writes them: `Huawei, ZTE`, `origin US`,
    /// `via "HK intermediaries"`, `recorded origin CN, HK`, `Huawei for government`.
    public static func selectorText(view: ShareView, keys: [String], buyer: String?) -> String {
        let names = keys.map { $0.contains(" ") ? "\"\($0)\"" : $0 }.joined(separator: ", ")
        switch view {
        case .vendor: return names
        case .origin: return "origin \(names)"
        case .channel: return "via \(names)"
        case .recorded: return "recorded origin \(names)"
        case .buyer: return "\(names) for \(buyer ?? "")"
        }
    }

    /// A value in the observation's own terms: `85.0%` for a share, `1.2B` for an amount.
    public func format(_ x: Double) -> String {
        guard x.isFinite else { return "undefined" }
        return measure.isShare ? NumberText.percent(x) : NumberText.amount(x)
    }
}
