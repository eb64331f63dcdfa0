/// A grid of outcomes over two parameters' values (a two-way sweep).
public struct HeatMap: Sendable {
    package var rowName: String
    package var rowLabels: [String]
    package var columnName: String
    package var columnLabels: [String]
    /// Row-major, `rowLabels.count × columnLabels.count`.
    public var values: [Double]
    public var format: ValueFormat

    package init(rowName: String, rowLabels: [String], columnName: String, columnLabels: [String], values: [Double], format: ValueFormat) {
        self.rowName = rowName
        self.rowLabels = rowLabels
        self.columnName = columnName
        self.columnLabels = columnLabels
        self.values = values
        self.format = format
    }
}

/// A tornado chart: for each parameter the outcome at its low and at its high value,
/// bars around the base outcome, the widest swing on top.
public struct Tornado: Sendable {
    public struct Entry: Sendable, Equatable {
        public var parameter: String
        public var low: Double
        public var high: Double
        public init(parameter: String, low: Double, high: Double) {
            self.parameter = parameter
            self.low = low
            self.high = high
        }
        var swing: Double { abs(high - low) }
    }

    /// In the order drawn: widest swing first, ties in the order given.
    public var entries: [Entry]
    /// The outcome with every parameter at its nominal value, where the bars meet.
    public var base: Double?
    public var format: ValueFormat

    package init(entries: [Entry], base: Double?, format: ValueFormat) {
        self.entries = entries.indices.sorted { a, b in
            entries[a].swing != entries[b].swing ? entries[a].swing > entries[b].swing : a < b
        }.map { entries[$0] }
        self.base = base
        self.format = format
    }
}
