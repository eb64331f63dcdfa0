import ShareSimCore

/// A plot of values against time or against a parameter's values: lines, bands, stacked
/// areas, events, observations and marked points.
public struct XYPlot: Sendable {
    public var x: XAxis
    public var y: YAxis
    public var lines: [LineSeries] = []
    /// Drawn under the lines, in order (outer bands first).
    public var bands: [BandSeries] = []
    /// Stacked areas, bottom first; their tops sum to 100% for shares.
    package var stack: [LineSeries] = []
    public var events: [EventRule] = []
    public var observations: [ObservationPoint] = []
    public var marks: [MarkedPoint] = []

    package init(x: XAxis, y: YAxis) {
        self.x = x
        self.y = y
    }
}

public enum XAxis: Sendable {
    /// Steps `first...last` of a timeline; series give one value per step in that range.
    case time(Timeline, first: Int, last: Int)
    /// A parameter's values (a sweep): series give one value per entry of `values`.
    case values(name: String, values: [Double], format: ValueFormat)

    /// The x coordinate (in steps or in the parameter's terms) of a series' `i`-th value.
    func position(ofIndex i: Int) -> Double {
        switch self {
        case .time(_, let first, _): return Double(first + i)
        case .values(_, let values, _): return values[i]
        }
    }

    var domain: ClosedRange<Double> {
        switch self {
        case .time(_, let first, let last): return Double(first)...Double(max(last, first + 1))
        case .values(_, let values, _):
            let lo = values.min() ?? 0, hi = values.max() ?? 1
            return lo...(hi > lo ? hi : lo + 1)
        }
    }
}

public struct YAxis: Sendable {
    public var format: ValueFormat
    /// Fixed bounds (0–100% for stacked shares); nil fits the data with round ticks.
    public var fixed: ClosedRange<Double>?
    /// Shares start from zero, so that a line's height reads as its share.
    package var includesZero: Bool

    package init(format: ValueFormat, fixed: ClosedRange<Double>? = nil, includesZero: Bool = true) {
        self.format = format
        self.fixed = fixed
        self.includesZero = includesZero
    }
}

/// A series: a key (vendor, origin, outcome) and one value per x position.
public struct LineSeries: Sendable {
    public var key: String
    public var values: [Double]
    /// Index into the palette: the same key keeps its colour and dash in every panel.
    package var style: Int
    package var pattern: Pattern = .byStyle
    /// Labelled at its end (or in the legend); false for the second line of a pair.
    public var labelled: Bool = true
    /// A dot at every value: each is a run of its own (a sweep).
    package var dotted: Bool = false

    /// How the line is stroked: with its style's dash pattern, or solid or dashed whatever
    /// the style, where solid and dashed mean something (run A and run B of a comparison).
    package enum Pattern: Sendable { case byStyle, solid, dashed }

    package init(key: String, values: [Double], style: Int, pattern: Pattern = .byStyle, labelled: Bool = true, dotted: Bool = false) {
        self.key = key
        self.values = values
        self.style = style
        self.pattern = pattern
        self.labelled = labelled
        self.dotted = dotted
    }

    var dash: String? {
        switch pattern {
        case .byStyle: return Palette.dash(style)
        case .solid: return nil
        case .dashed: return "6 4"
        }
    }
}

/// A band between two series (a fan's percentile range), shaded with its key's colour.
public struct BandSeries: Sendable {
    public var lower: [Double]
    public var upper: [Double]
    package var style: Int
    /// 0–1: inner bands are darker.
    package var opacity: Double
    /// "5–95th percentile"
    public var label: String

    package init(lower: [Double], upper: [Double], style: Int, opacity: Double, label: String) {
        self.lower = lower
        self.upper = upper
        self.style = style
        self.opacity = opacity
        self.label = label
    }
}

/// A dated event, drawn as a labelled vertical rule.
public struct EventRule: Sendable, Equatable {
    public var step: Int
    public var label: String
    package init(step: Int, label: String) {
        self.step = step
        self.label = label
    }
}

/// An observed figure the scenario is fitted to or checked against.
public struct ObservationPoint: Sendable, Equatable {
    public enum Role: String, Sendable { case fit, check }
    public var step: Int
    public var value: Double
    public var role: Role
    /// The whole observation, shown on hover: what, value, source, role.
    public var label: String
    /// What it measures in a few words (`CN, HK`), written once beside the first point of
    /// each series of observations so that a printed chart says what its points are.
    package var caption: String
    package init(step: Int, value: Double, role: Role, label: String, caption: String = "") {
        self.step = step
        self.value = value
        self.role = role
        self.label = label
        self.caption = caption
    }
}

/// A point called out with a label: a comparison's first divergence.
public struct MarkedPoint: Sendable, Equatable {
    public var x: Double
    public var value: Double
    public var label: String
    package init(x: Double, value: Double, label: String) {
        self.x = x
        self.value = value
        self.label = label
    }
}
