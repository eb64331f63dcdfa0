/// Observations in words, for `test`, `sources` and `explain`, and as the language writes
/// them, for the overlay `calibrate --write` saves.
extension Observation {
    /// `sales share recorded origin CN, HK in chips at 2023-01`, `sales growth Huawei in
    /// telecom from 2014-01 to 2019-01`: what the observation measures.
    public func describe(timeline: Timeline) -> String {
"\(measure.rawValue) \(Observation.selectorText(view: view, keys: keys, buyer: buyer)) in \(segment) \(when(timeline: timeline))"
    }

    /// `at 2023-01` for a level, `from 2014-01 to 2019-01` for a growth rate.
    public func when(timeline: Timeline) -> String {
        guard let from else { return "at \(timeline.label(ofStep: at))" }
        return "from \(timeline.label(ofStep: from)) to \(timeline.label(ofStep: at))"
    }

    /// A view and its keys as the language writes them: `Huawei, ZTE`, `origin US`,
    /// `via "HK intermediaries"`, `recorded origin CN, HK`, `Huawei for government`.
    package static func selectorText(view: ShareView, keys: [String], buyer: String?) -> String {
        let names = keys.map { $0.contains(" ") ? "\"\($0)\"" : $0 }.joined(separator: ", ")
        switch view {
        case .vendor: return names
        case .origin: return "origin \(names)"
        case .channel: return "via \(names)"
        case .recorded: return "recorded origin \(names)"
        case .buyer: return "\(names) for \(buyer ?? "")"
        }
    }

    /// A value in the observation's own terms: `85.0%` for a share, `51.0%/y` for a growth
    /// rate, `1.2B` for an amount.
    public func format(_ x: Double) -> String {
        guard x.isFinite else { return "undefined" }
        if measure.isGrowth { return NumberText.percent(x) + "/y" }
        return measure.isShare ? NumberText.percent(x) : NumberText.amount(x)
    }

    /// The observation as an `observe` line of the language, values as the fit read them.
    func statement(timeline: Timeline) -> String {
        func figure(_ x: Double) -> String {
            if measure.isGrowth { return ValueText.label(x, like: .percentPerYear) }
            return measure.isShare ? ValueText.label(x, like: .percent) : NumberText.csv(x)
        }
        var text = "observe \(measure.rawValue) \(Observation.selectorText(view: view, keys: keys, buyer: buyer)) in \(segment)"
        if let uncertainty { text += " ± " + (measure.isShare || measure.isGrowth ? ValueText.label(uncertainty, like: .percent) : NumberText.csv(uncertainty)) }
        text += ": " + (from.map { timeline.label(ofStep: $0) + " to " } ?? "") + timeline.label(ofStep: at) + " " + figure(value)
        if let source { text += " [\(source)]" }
        return text + " " + role.rawValue
    }
}
