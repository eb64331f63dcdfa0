/// What a Monte Carlo batch computes and how its result reads: the scenario's fingerprint,
/// the seed, the runs, the bands, and the rows and dates of the report. A partial result
/// file carries it, so that `merge` renders exactly what one machine would have written.
public struct MonteCarloBatch: Sendable, Equatable, Codable {
    /// An uncertain (or named) parameter, as the report lists it.
    public struct Parameter: Sendable, Equatable, Codable {
        public var name: String
        public var nominal: Double
        /// `triangular(0.03, 0.065, 0.1)`; nil for a fixed parameter.
        public var distribution: String?
        /// The same in the unit of the figures it sets, as the report shows it: `triangular(3%, 6.5%, 10%)`.
        public var shown: String?
    }

    public struct SegmentInfo: Sendable, Equatable, Codable {
        public var id: String
        public var title: String?
        public var unit: String?
    }

    /// A row of the report in one segment: a vendor, an origin's vendors summed, a channel,
    /// a recorded origin, or a vendor within a buyer group.
    public struct Entity: Sendable, Equatable, Codable {
        public var segment: Int
        public var name: String
        public var origin: String
        /// The buyer group, in the buyer view.
        public var buyer: String?
    }

    public var tool = "sharesim"
    public var version = JSONReport.toolVersion
    public var scenario: String
    /// The SHA-256 of the resolved scenario, as `run --format json` reports it.
    package var scenarioSHA256: String
    /// The SHA-256 of the parameters and their distributions, which the resolved JSON leaves out.
    package var parametersSHA256: String
    public var parameters: [Parameter]
    public var runs: Int
    /// Kept as text: JSON numbers lose precision above 2^53.
    public var seedText: String
    package var bandTexts: [String]
    /// `installed_share` or `sales_share`.
    package var metricName: String
    /// The view: `vendor`, `origin`, `channel`, `recorded` or `buyer`.
    package var groupingName: String
    /// The reporting steps, their dates (first day) and the table's column labels.
    public var steps: [Int]
    public var dates: [String]
    public var labels: [String]
    public var segments: [SegmentInfo]
    public var entities: [Entity]

    public var seed: UInt64 { UInt64(seedText) ?? 0 }
    public var bands: [Band] { bandTexts.compactMap { Band($0) } }
    public var metric: SeriesMetric { SeriesMetric(rawValue: metricName) ?? .installedShare }
    public var grouping: Grouping { Grouping(rawValue: groupingName) ?? .vendor }
    /// Values kept per run: one per reporting step and row.
    package var cellCount: Int { steps.count * entities.count }

    /// A batch of `runs` runs of `scenario` from `seed`, reporting `metric` per row of the
    /// view `grouping` at `steps`.
    package init(scenario s: ResolvedScenario, runs: Int, seed: UInt64, bands: [Band], metric: SeriesMetric,
                grouping: Grouping, steps: [Int]) {
        scenario = s.name
        scenarioSHA256 = ResolvedJSON.sha256(s)
        parameters = s.parameters.map {
            Parameter(name: $0.name, nominal: $0.nominal, distribution: $0.distribution?.description,
                      shown: $0.distribution?.text(in: $0.unit(in: s)))
        }
        parametersSHA256 = SHA256.hex(JSONValue.array(s.parameters.map { p in
            .object([("name", .string(p.name)), ("nominal", .number(p.nominal)),
                     ("distribution", p.distribution.map { .string($0.description) } ?? .null),
                     ("range", .array([.number(p.validRange.lowerBound), .number(p.validRange.upperBound)])),
                     ("targets", .string(String(describing: p.targets)))])
        }).compact)
        self.runs = runs
        seedText = String(seed)
        bandTexts = bands.map(\.text)
        metricName = metric.rawValue
        groupingName = grouping.rawValue
        self.steps = steps
        dates = steps.map { s.timeline.month(ofStep: $0).firstDayText }
        labels = steps.map { s.timeline.label(ofStep: $0) }
        segments = s.segments.map { SegmentInfo(id: $0.id, title: $0.title, unit: $0.unit) }
        entities = MonteCarloLayout.rows(of: s, by: grouping).map { Entity(segment: $0.segment, name: $0.name, origin: $0.origin, buyer: $0.buyer) }
    }

    /// The batch's identity: everything that decides the values a run keeps and the report
    /// made of them, but the format. Two partial files belong together when their
    /// identities match.
    package var identity: String {
        SHA256.hex([version, scenarioSHA256, parametersSHA256, String(runs), seedText, metricName, groupingName,
                    steps.map(String.init).joined(separator: ","), entities.map { "\($0.segment) \($0.buyer.map { $0 + " " } ?? "")\($0.name)" }.joined(separator: ","),
                    bandTexts.joined(separator: ",")].joined(separator: "\n"))
    }

    /// The same batch reporting only the dates at `positions` of its own: one group of a
    /// shard written a group of dates per pass.
    func keeping(dates positions: Range<Int>) -> MonteCarloBatch {
        var b = self
        b.steps = Array(steps[positions])
        b.dates = Array(dates[positions])
        b.labels = Array(labels[positions])
        return b
    }

    /// The runs shard `index` of `count` owns: a contiguous block, so that the shards'
    /// values laid side by side in shard order are the batch's in run order.
    public static func runs(ofShard index: Int, of count: Int, total: Int) -> Range<Int> {
        let lo = Int((Int64(total) * Int64(index)) / Int64(count)), hi = Int((Int64(total) * Int64(index + 1)) / Int64(count))
        return lo..<hi
    }
}
