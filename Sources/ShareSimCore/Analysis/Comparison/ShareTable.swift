/// One run's figures as `compare` sees them: dates, and per segment the series of each
/// row of a view (vendor, origin, channel, recorded origin, or vendor within a buyer group). Built from a `RunResult`, or read back from the CSV that
/// `sharesim run --format csv` writes, so that a run can be compared with a saved one.
public struct ShareTable: Sendable {
    /// A segment's rows, in the order the run wrote them.
    public struct SegmentRows: Sendable {
        public var id: String
        public var rows: [EntitySeries]
        package init(id: String, rows: [EntitySeries]) {
            self.id = id
            self.rows = rows
        }
    }

    /// What the table is called in messages: a scenario's name or a file's path.
    public var name: String
    /// The first day of each step, `YYYY-MM-DD`, in order.
    public var dates: [String]
    public var segments: [SegmentRows]
    /// The view the rows are in.
    public var grouping: Grouping

    public init(name: String, dates: [String], segments: [SegmentRows], grouping: Grouping) {
        self.name = name
        self.dates = dates
        self.segments = segments
        self.grouping = grouping
    }

    /// A run's figures in a view (as `run --by` groups them).
    public init(_ r: RunResult, grouping: Grouping = .vendor) {
        self.name = r.scenario.name
        self.dates = (0..<r.steps).map { r.date(ofStep: $0) }
        self.segments = r.segments.indices.map { SegmentRows(id: r.scenario.segments[$0].id, rows: r.entities(segment: $0, by: grouping)) }
        self.grouping = grouping
    }

    /// The same figures per origin: each origin's vendors summed in their order, as
    /// `RunResult.entities(segment:by: .origin)` sums them (so the bits agree with a run's).
    package func byOrigin() -> ShareTable {
        guard grouping == .vendor else { return self }
        let grouped = segments.map { SegmentRows(id: $0.id, rows: EntitySeries.summedByOrigin($0.rows)) }
        return ShareTable(name: name, dates: dates, segments: grouped, grouping: .origin)
    }
}

// MARK: - Reading run output back

extension ShareTable {
    /// Whether a file's text looks like run output: its first line is the run CSV's header.
    public static func looksLikeRunCSV(_ text: Substring) -> Bool {
        let first = text.prefix { $0 != "\n" && $0 != "\r" }
        let header = first.hasPrefix("run,") ? first.dropFirst(4) : first[...]
        return header.hasPrefix("step,date,segment,")
    }

    /// Reads CSV written by `sharesim run --format csv`, in any view (its key columns say which). A file
    /// that holds several runs (a `run` column) must name one with `run`. Problems are
    /// reported as located diagnostics, quoting the offending line.
    public static func readCSV(_ text: String, path: String, run wanted: String? = nil) throws(ScenarioError) -> ShareTable {
        let source = SourceFile(path: path, text: text)
        func fail(_ message: String, line: Int, column: Int = 1, length: Int = 1, help: String? = nil) -> ScenarioError {
            ScenarioError([Diagnostic(.error, message, at: SourceLocation(file: path, line: line, column: column, length: length),
                                      help: help.map { [$0] } ?? [])], sources: [path: source])
        }
        let records: [CSVRecords.Record]
        do { records = try CSVRecords.parse(text) } catch {
            throw fail(error.message, line: error.line, column: error.column)
        }
        guard let header = records.first?.fields, header != [""] else {
            throw ScenarioError([Diagnostic(.error, "'\(path)' is empty; expected run output (sharesim run --format csv)", at: nil)], sources: [:])
        }
        let known = ["run", "step", "date", "segment", "buyer", "vendor", "origin", "channel", "recorded_origin", "installed_share", "sales_share",
                     "installed", "sales"]
        var column: [String: Int] = [:]
        for (i, h) in header.enumerated() {
            guard known.contains(h) else {
                throw fail("unknown column '\(h)' in run output", line: 1, help: Suggestions.didYouMean(h, in: known)
                    ?? "run output has the columns \(CSVReport.header(grouping: .vendor, withRun: false))")
            }
            column[h] = i
        }
        // The views compare reads: their key column names the view (DESIGN.md "Run output").
        let grouping = [Grouping.buyer, .vendor, .channel, .recorded, .origin].first { column[$0.keyColumns[0]] != nil } ?? .origin
        for required in ["step", "date", "segment"] + grouping.keyColumns + ["installed_share", "sales_share", "installed", "sales"]
            where column[required] == nil {
            throw fail("run output needs a '\(required)' column", line: 1,
                       help: "the header of sharesim run --format csv is \(CSVReport.header(grouping: .vendor, withRun: false))")
        }
        // The row's name: the view's key, or in the buyer view the vendor beside its group.
        let nameColumn = column[grouping == .buyer ? "vendor" : grouping.keyColumns[0]]!

        // Several runs in one file: keep the one asked for.
        var runNames: [String] = []
        var dates: [String] = []
        var segmentOrder: [String] = []
        var rowOrder: [String: [(buyer: String?, name: String)]] = [:]
        var origins: [String: String] = [:]
        var values: [String: [[Double]]] = [:]  // "segment\u{0}buyer\u{0}name" → [metric][step]
        // A row is a name, and in the buyer view a vendor within a group: so the messages name it.
        let rowWord = grouping == .buyer ? "vendor" : grouping.rawValue
        func key(_ segment: String, _ buyer: String?, _ name: String) -> String { segment + "\u{0}" + (buyer ?? "") + "\u{0}" + name }
        func label(_ buyer: String?, _ name: String) -> String { buyer.map { "\(name)' for '\($0)" } ?? name }
        let metrics = ["installed_share", "sales_share", "installed", "sales"]

        for record in records.dropFirst() where record.fields != [""] {
            let (lineNumber, fields) = (record.line, record.fields)
            guard fields.count == header.count else {
                throw fail("this row has \(NumberText.counted(fields.count, "field")); the header has \(header.count)", line: lineNumber)
            }
            if let r = column["run"] {
                let run = fields[r]
                if !runNames.contains(run) { runNames.append(run) }
                if let wanted, run != wanted { continue }
                if wanted == nil, runNames.count > 1 { continue }
            }
            guard let step = Int(fields[column["step"]!]), step >= 0 else {
                throw fail("the step '\(fields[column["step"]!])' is not a whole number", line: lineNumber)
            }
            let date = fields[column["date"]!]
            if step == dates.count {
                dates.append(date)
            } else if step > dates.count {
                throw fail("step \(step) comes before step \(dates.count)", line: lineNumber, help: "rows go in step order, as sharesim run writes them")
            } else if dates[step] != date {
                throw fail("step \(step) is dated \(date) here and \(dates[step]) above", line: lineNumber)
            }
            let segment = fields[column["segment"]!], name = fields[nameColumn], buyer = column["buyer"].map { fields[$0] }
            let key = key(segment, buyer, name)
            if rowOrder[segment] == nil { segmentOrder.append(segment); rowOrder[segment] = [] }
            if values[key] == nil {
                guard step == 0 else {
                    throw fail("\(rowWord) '\(label(buyer, name))' in \(segment) first appears at step \(step)", line: lineNumber,
                               help: "every \(rowWord) has a row at every step")
                }
                rowOrder[segment]!.append((buyer, name))
                origins[key] = fields[column["origin"] ?? nameColumn]
                values[key] = Array(repeating: [], count: metrics.count)
            }
            for (m, metric) in metrics.enumerated() {
                let text = fields[column[metric]!]
                guard let x = Double(text) else {
                    throw fail("'\(text)' in column \(metric) is not a number", line: lineNumber)
                }
                guard values[key]![m].count == step else {
                    throw fail("\(rowWord) '\(label(buyer, name))' in \(segment) has two rows for step \(step)", line: lineNumber)
                }
                values[key]![m].append(x)
            }
        }
        if let wanted, column["run"] == nil {
            // Only a file of several runs names them (a `run` column); the one run here has no name to pick.
            throw ScenarioError([Diagnostic(.error, "'\(path)' holds one unnamed run (it has no 'run' column)",
                                            at: nil, help: ["name the file without '#\(wanted)': \(path)"])],
                                sources: [:])
        }
        if let wanted, !runNames.isEmpty, !runNames.contains(wanted) {
            throw ScenarioError([Diagnostic(.error, "'\(path)' holds no run named '\(wanted)'", at: nil,
                                            help: [Suggestions.didYouMean(wanted, in: runNames) ?? "its runs are: \(runNames.joined(separator: ", "))"])],
                                sources: [:])
        }
        if wanted == nil, runNames.count > 1 {
            throw ScenarioError([Diagnostic(.error, "'\(path)' holds \(runNames.count) runs (\(runNames.joined(separator: ", "))); compare takes one run per file",
                                            at: nil, help: ["write each run to a file of its own, or name one: \(path)#\(runNames[0])"])],
                                sources: [:])
        }
        guard !dates.isEmpty else {
            throw ScenarioError([Diagnostic(.error, "'\(path)' has a header but no rows", at: nil)], sources: [:])
        }
        var segments: [SegmentRows] = []
        for seg in segmentOrder {
            var rows: [EntitySeries] = []
            for (buyer, name) in rowOrder[seg]! {
                let key = key(seg, buyer, name)
                let v = values[key]!
                guard v[0].count == dates.count else {
                    throw ScenarioError([Diagnostic(.error, "'\(path)': \(rowWord) '\(label(buyer, name))' in \(seg) has \(NumberText.counted(v[0].count, "step")); the file has \(dates.count)",
                                                    at: nil)], sources: [:])
                }
                rows.append(EntitySeries(name: name, origin: origins[key]!, buyer: buyer, installedShare: v[0], salesShare: v[1],
                                         installed: v[2], sales: v[3]))
            }
            segments.append(SegmentRows(id: seg, rows: rows))
        }
        return ShareTable(name: wanted ?? path, dates: dates, segments: segments, grouping: grouping)
    }
}
