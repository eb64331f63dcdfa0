/// A plain number the scenario tags as an assumption (`Ericsson 27% [assumption]`), with
/// what it sets, so that `sensitivity --assumptions` can vary it and rank it among the
/// scenario's other unsourced numbers. A figure written as a parameter's name is the
/// parameter's (tag the `param` line); one written as a distribution is already uncertain
/// and is ranked by a plain `sensitivity`, so neither is listed here.
public struct AssumedFigure: Sendable, Equatable {
    /// How a person finds it in the file: `share Ericsson in telecom 2014-01 (line 26)`.
    public var label: String
    /// Its value in model units (`27%` is 0.27).
    public var nominal: Double
    /// Every figure of the resolved scenario it sets (a change of several vendors sets one
    /// change per vendor).
    public var targets: [ParameterTarget]
    /// The values its place accepts (0 to 1 for a share).
    public var validRange: ClosedRange<Double>
    public var location: SourceLocation
    public var tag: String

    /// Whether a source tag says the figure is an assumption: `[assumption]` or
    /// `[assumption: …]`, in any case. `[seed 002: …; size an assumption]` cites a source.
    public static func isAssumption(_ tag: String?) -> Bool {
        guard let t = tag?.lowercased(), t.hasPrefix("assumption") else { return false }
        let rest = t.dropFirst("assumption".count)
        return rest.isEmpty || rest.first == ":" || rest.first == " "
    }
}
