/// Two runs side by side: for each segment and vendor (or origin) the difference B − A
/// over time, the first step where it exceeds the tolerance, and the largest difference.
///
/// Pure and deterministic; used by `sharesim compare` and the REPL's `compare RUN RUN`:
///
/// ```swift
/// let c = try RunComparison(a, b, metric: .installedShare, grouping: .origin, tolerance: 0.001)
/// if !c.isWithinTolerance { … c.rows.filter(\.diverges) … }
/// ```
///
/// Shapes need not match. The comparison runs over the dates both runs have (two monthly
/// runs over different years compare over the years they share; a quarterly run against
/// a monthly one compares at the quarters); `dateNote` says so when they differ. A
/// segment or vendor that only one run has is kept, with a share of 0 on the other side
/// (which is what its absence means), and marked in `presence`; `onlyInA`/`onlyInB` list them.
public struct RunComparison: Sendable {
    package enum Presence: String, Sendable { case both, onlyInA = "only in A", onlyInB = "only in B" }

    /// One segment and vendor (or origin, channel, recorded origin, or vendor within a buyer group).
    public struct Row: Sendable {
        public var segment: String
        public var name: String
        /// The vendor's origin; for an origin row, the origin itself.
        public var origin: String
        /// The buyer group, in the buyer view: its rows are a vendor within a group.
        public var buyer: String?
        package var presence: Presence
        /// A's and B's values at each compared date (0 on the side that lacks the row).
        public var a: [Double]
        public var b: [Double]
        /// B − A at each compared date; 0 where A and B agree within `roundingNoise`.
        public var difference: [Double]
        /// The first index into `dates` where |B − A| exceeds the tolerance; nil if none does.
        public var firstDivergence: Int?
        /// The largest |B − A|, and the first index where |B − A| comes within `nearlyLargest`
        /// of it (0 when nothing differs).
        public var maxAbsDifference: Double
        public var maxAt: Int
        /// The signed difference at `maxAt`.
        public var differenceAtMax: Double { difference.isEmpty ? 0 : difference[maxAt] }
        package var diverges: Bool { firstDivergence != nil }
        /// How messages name the row: `Huawei`, or in the buyer view `Huawei for government`.
        package var label: String { buyer.map { "\(name) for \($0)" } ?? name }
    }

    package var nameA: String
    package var nameB: String
    public var metric: SeriesMetric
    public var grouping: Grouping
    public var tolerance: Double
    /// The compared dates (`YYYY-MM-DD`): those both runs have, in order.
    public var dates: [String]
    /// Each compared date's step in A's and in B's timeline.
    public var stepsA: [Int]
    package var stepsB: [Int]
    /// Set when the timelines differ: what was compared.
    public var dateNote: String?
    /// Segment by segment (A's order, then B's new ones); within a segment, A's rows then B's new ones.
    public var rows: [Row]

    package var onlyInA: [Row] { rows.filter { $0.presence == .onlyInA } }
    package var onlyInB: [Row] { rows.filter { $0.presence == .onlyInB } }
    /// True when no difference exceeds the tolerance (`sharesim compare` exits 0).
    public var isWithinTolerance: Bool { !rows.contains { $0.diverges } }
    /// The row with the largest |B − A|: the first, in row order, within `nearlyLargest` of it.
    public var largest: Row? {
        guard let top = rows.map(\.maxAbsDifference).max() else { return nil }
        return rows.first { Self.reaches($0.maxAbsDifference, top) }
    }

    /// How near the largest |B − A| a difference must come to count as reaching it, relative
    /// to it. A share that stays put (16% from the start) differs from itself by rounding
    /// noise of about 1e-16 from step to step; without this margin the largest difference
    /// would be reported wherever the noise happens to peak, not where it is first reached.
    package static let nearlyLargest = 1e-9

    static func reaches(_ magnitude: Double, _ largest: Double) -> Bool { magnitude >= largest * (1 - nearlyLargest) }

    /// Two figures that agree to this part of the larger (for a share, of the whole market)
    /// are the same figure: their difference counts as 0. The engine runs a segment by a
    /// short path while no buyer group is barred and no route is used, by its full one
    /// otherwise (or when a view needs each group's figures), and the two round differently
    /// by about 1e-15; a world the same up to some date would otherwise "differ" from its
    /// first step. Twelve digits leave room for sums of many terms and catch any real
    /// difference a model figure can carry (a millionth of a point is 1e-8).
    static let roundingNoise = 1e-12

    /// B − A, or 0 when A and B agree within `roundingNoise`. NaN stays NaN.
    static func difference(_ b: Double, _ a: Double, share: Bool) -> Double {
        let d = b - a
        return abs(d) <= roundingNoise * max(share ? 1 : 0, abs(a), abs(b)) ? 0 : d
    }

    /// Compares two runs. `metric` is usually a share; amounts compare too.
    public init(_ a: RunResult, _ b: RunResult, metric: SeriesMetric = .installedShare, grouping: Grouping = .vendor,
                tolerance: Double = 0) throws(OperationError) {
        try self.init(ShareTable(a, grouping: grouping), ShareTable(b, grouping: grouping), metric: metric, grouping: grouping,
                      tolerance: tolerance)
    }

    /// Compares two tables: runs, or run output read back with `ShareTable.readCSV`. A
    /// table by vendor is summed per origin for `grouping: .origin`; a table by origin
    /// cannot be split into vendors, and is refused for `grouping: .vendor`. Runs that cannot be
    /// compared at all are refused with exit status 65.
    public init(_ a: ShareTable, _ b: ShareTable, metric: SeriesMetric = .installedShare, grouping: Grouping = .vendor,
                tolerance: Double = 0) throws(OperationError) {
        // A table by vendor sums to one by origin; any other pair of views cannot be compared.
        for (side, t) in [("A", a), ("B", b)] where t.grouping != grouping && !(t.grouping == .vendor && grouping == .origin) {
            throw .refused("\(side) (\(t.name)) holds figures by \(t.grouping.title), not by \(grouping.title)",
                           help: ["compare by \(t.grouping.rawValue) (--by \(t.grouping.rawValue)), or write the run by \(grouping.rawValue)"],
                           status: .dataError)
        }
        let ta = grouping == .origin ? a.byOrigin() : a
        let tb = grouping == .origin ? b.byOrigin() : b
        guard tolerance >= 0, !tolerance.isNaN else { throw .refused("a tolerance cannot be negative", status: .dataError) }

        // The dates both have, in A's order.
        var indexInB: [String: Int] = [:]
        for (k, d) in tb.dates.enumerated() where indexInB[d] == nil { indexInB[d] = k }
        var dates: [String] = [], stepsA: [Int] = [], stepsB: [Int] = []
        for (k, d) in ta.dates.enumerated() {
            if let kb = indexInB[d] { dates.append(d); stepsA.append(k); stepsB.append(kb) }
        }
        func span(_ t: ShareTable) -> String {
            t.dates.isEmpty ? "no dates" : "\(t.dates.first!.prefix(7)) to \(t.dates.last!.prefix(7)), \(NumberText.counted(t.dates.count, "step"))"
        }
        guard !dates.isEmpty else {
            throw .refused("the runs have no date in common: A runs \(span(ta)), B runs \(span(tb))",
                           help: ["compare runs whose timelines overlap"], status: .dataError)
        }
        var note: String?
        if dates.count != ta.dates.count || dates.count != tb.dates.count {
            note = "the timelines differ (A: \(span(ta)); B: \(span(tb))); compared at \(dates.count == 1 ? "the one date" : "the \(dates.count) dates") both have"
        }

        var rows: [Row] = []
        let share = metric.measure.isShare
        let zeros = [Double](repeating: 0, count: dates.count)
        func pick(_ series: [Double], _ steps: [Int]) -> [Double] { steps.map { series[$0] } }
        func makeRow(segment: String, _ x: EntitySeries, presence: Presence, a: [Double], b: [Double]) -> Row {
            let diff = zip(b, a).map { Self.difference($0, $1, share: share) }
            // NaN compares false everywhere; count it as a divergence so it cannot pass.
            let magnitude = diff.map { $0.isNaN ? Double.infinity : abs($0) }
            let maxAbs = magnitude.max() ?? 0
            return Row(segment: segment, name: x.name, origin: x.origin, buyer: x.buyer, presence: presence, a: a, b: b, difference: diff,
                       firstDivergence: magnitude.firstIndex { $0 > tolerance }, maxAbsDifference: maxAbs,
                       maxAt: magnitude.firstIndex { Self.reaches($0, maxAbs) } ?? 0)
        }
        let segmentIDs = ta.segments.map(\.id) + tb.segments.map(\.id).filter { id in !ta.segments.contains { $0.id == id } }
        for id in segmentIDs {
            let ra = ta.segments.first { $0.id == id }?.rows ?? []
            let rb = tb.segments.first { $0.id == id }?.rows ?? []
            // A row is the same row on both sides when its key is: its name, and in the buyer view its group too.
            func same(_ x: EntitySeries) -> (EntitySeries) -> Bool { { $0.name == x.name && $0.buyer == x.buyer } }
            for x in ra {
                let xa = pick(x.values(metric), stepsA)
                if let y = rb.first(where: same(x)) {
                    rows.append(makeRow(segment: id, x, presence: .both, a: xa, b: pick(y.values(metric), stepsB)))
                } else {
                    rows.append(makeRow(segment: id, x, presence: .onlyInA, a: xa, b: zeros))
                }
            }
            for y in rb where !ra.contains(where: same(y)) {
                rows.append(makeRow(segment: id, y, presence: .onlyInB, a: zeros, b: pick(y.values(metric), stepsB)))
            }
        }
        self.nameA = a.name
        self.nameB = b.name
        self.metric = metric
        self.grouping = grouping
        self.tolerance = tolerance
        self.dates = dates
        self.stepsA = stepsA
        self.stepsB = stepsB
        self.dateNote = note
        self.rows = rows
    }
}
