extension OverflowCheck.Culprit {
    /// The parameter target that sets the figure blamed.
    var target: ParameterTarget {
        switch self {
        case .size(let s): return .size(segment: s)
        case .growth(let s): return .growth(segment: s)
        case .change(let i): return .change(index: i)
        case .appeal(let s, let v): return .appeal(segment: s, vendor: v)
        }
    }
}
