/// The distribution of an uncertain parameter, in model units (`6.5%` is 0.065).
public enum Distribution: Sendable, Equatable {
    /// Uniform between low and high, low < high.
    case uniform(Double, Double)
    /// Triangular with (low, mode, high), low ≤ mode ≤ high, low < high.
    case triangular(Double, Double, Double)
    /// Normal, truncated to the parameter's valid range.
    case normal(mean: Double, sd: Double)
    /// One of the values, each as likely.
    case oneOf([Double])

    /// The value a plain `run` uses: the mean for uniform, triangular and normal (the mean as
    /// written, before truncation), the first value for `oneof`.
    public var nominal: Double {
        switch self {
        case .uniform(let a, let b): return (a + b) / 2
        case .triangular(let a, let c, let b): return (a + c + b) / 3
        case .normal(let mean, _): return mean
        case .oneOf(let values): return values.first ?? 0
        }
    }

    /// The smallest and largest value a draw can take before truncation; nil for a normal.
    public var bounds: ClosedRange<Double>? {
        switch self {
        case .uniform(let a, let b): return a...b
        case .triangular(let a, _, let b): return a...b
        case .normal: return nil
        case .oneOf(let values): return (values.min() ?? 0)...(values.max() ?? 0)
        }
    }

    /// The distribution as the language writes it, with plain numbers in model units.
    public var description: String { written(NumberText.csv) }

    /// The distribution for people, each value in `unit` as tables show it:
    /// `triangular(4%, 7.31%, 10.62%)` rather than `triangular(0.04, 0.0731, 0.10619999999999999)`.
    package func text(in unit: Quantity.Unit) -> String { written { ValueText.label($0, like: unit) } }

    private func written(_ n: (Double) -> String) -> String {
        switch self {
        case .uniform(let a, let b): return "uniform(\(n(a)), \(n(b)))"
        case .triangular(let a, let c, let b): return "triangular(\(n(a)), \(n(c)), \(n(b)))"
        case .normal(let m, let s): return "normal(\(n(m)), \(n(s)))"
        case .oneOf(let values): return "oneof(\(values.map(n).joined(separator: ", ")))"
        }
    }
}
