import ShareSimCore

/// A chart as data: what it shows, in the model's terms (steps, shares), with no pixels.
/// Chart kinds build one from run results; `ChartLayout` turns it into geometry and
/// `SVGChart` into bytes. Keeping the three apart lets tests check a chart's content
/// without parsing SVG, and lets the terminal chart reuse the data.
public struct Chart: Sendable {
    public var title: String
    /// Names the share and the view: "installed share by origin".
    public var subtitle: String
    /// One or two sentences for screen readers (`<desc>`): what the chart shows and its outcome.
    public var summary: String
    /// A note under the panels, e.g. what a fan chart's bands are and are not.
    package var caption: String?
    public var provenance: ChartProvenance
    /// Small multiples: one panel per segment (or per key of a fan), laid out in rows.
    package var panels: [Panel]
    /// A key shown above the panels for styles that mean the same in every panel
    /// ("solid: with easing; dashed: without").
    package var styleKey: [StyleKeyItem] = []
    /// Panels per row; nil picks one from their number.
    public var columns: Int?

    public init(title: String, subtitle: String, summary: String, caption: String? = nil,
                provenance: ChartProvenance, panels: [Panel], styleKey: [StyleKeyItem] = [], columns: Int? = nil) {
        self.title = title
        self.subtitle = subtitle
        self.summary = summary
        self.caption = caption
        self.provenance = provenance
        self.panels = panels
        self.styleKey = styleKey
        self.columns = columns
    }
}

/// Where a chart's numbers came from, printed in its footer so a pasted chart can be traced.
public struct ChartProvenance: Sendable, Equatable {
    public var scenarios: [String]
    /// The first 12 hex digits of each resolved scenario's SHA-256.
    public var sha256: [String]
    public var toolVersion: String = JSONReport.toolVersion
    /// Nil for charts of deterministic runs.
    public var seed: UInt64?

    public init(scenarios: [ResolvedScenario], seed: UInt64? = nil) {
        self.scenarios = scenarios.map(\.name)
        sha256 = scenarios.map { String(ResolvedJSON.sha256($0).prefix(12)) }
        self.seed = seed
    }

    /// What `names` are: scenarios, or a data file (a tornado's list of swings).
    public var noun = "scenario"

    public init(names: [String], sha256: [String], seed: UInt64?, noun: String = "scenario") {
        self.noun = noun
        scenarios = names
        self.sha256 = sha256
        self.seed = seed
    }

    /// `scenario: NAME (sha256 3f2a…) · sharesim 0.1.0 · no random draws`
    public var text: String {
        let runs = noun + ": " + zip(scenarios, sha256).map { "\($0) (sha256 \($1))" }.joined(separator: " vs ")
        return "\(runs) · sharesim \(toolVersion) · " + (seed.map { "seed \($0)" } ?? "no random draws")
    }
}

/// One entry of the style key: a mark and what it stands for.
public struct StyleKeyItem: Sendable, Equatable {
    public enum Mark: Sendable, Equatable {
        case line(dashed: Bool)
        /// A filled square in a palette colour (a tornado's low or high bar).
        case swatch(style: Int)
        /// A shaded square at an opacity (a fan's band).
        case band(opacity: Double)
        case observation(ObservationPoint.Role)
    }
    public var label: String
    public var mark: Mark
    package init(label: String, mark: Mark) {
        self.label = label
        self.mark = mark
    }
}

/// One plotting area.
public struct Panel: Sendable {
    public var title: String?
    public var content: PanelContent
    /// Height of the plotting area relative to a single chart's (a difference panel is shorter).
    package var relativeHeight: Double = 1

    package init(title: String? = nil, content: PanelContent, relativeHeight: Double = 1) {
        self.title = title
        self.content = content
        self.relativeHeight = relativeHeight
    }
}

public enum PanelContent: Sendable {
    case xy(XYPlot)
    case heatMap(HeatMap)
    case tornado(Tornado)
}
