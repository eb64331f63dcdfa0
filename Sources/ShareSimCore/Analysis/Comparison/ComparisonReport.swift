/// Renders a `RunComparison`: a table for people, CSV and JSON for machines.
public enum ComparisonReport {
    /// The human table: per segment, a row per vendor (or origin) with its first
    /// divergence, its largest difference and when, and the difference at a few dates,
    /// as many as `width` allows. Differences are B − A in percentage points for shares.
    /// `columns` picks the dates shown (indices into `c.dates`); by default as many as fit.
    public static func table(_ c: RunComparison, labelA: String? = nil, labelB: String? = nil, width: Int = 80,
                             columns chosen: [Int]? = nil) -> String {
        let width = max(50, width)
        var out = ""
        out += "A  \(labelA ?? c.nameA)\n"
        out += "B  \(labelB ?? c.nameB)\n"
        let unit = isShare(c.metric) ? "percentage points" : "the segment's unit"
        out += fitted("\(words(c.metric)) by \(c.grouping.title): B − A in \(unit); tolerance \(toleranceText(c))", width)
        if let note = c.dateNote { out += fitted("note: \(note)", width) }

        var segmentOrder: [String] = []
        for r in c.rows where !segmentOrder.contains(r.segment) { segmentOrder.append(r.segment) }
        for seg in segmentOrder {
            let rows = c.rows.filter { $0.segment == seg }
            let labels = TextTable.Column.labels(of: c.grouping, names: rows.map { $0.name + marker($0.presence) },
                                                 origins: rows.map(\.origin), buyers: rows.map(\.buyer))
            let largest = rows.map { $0.maxAbsDifference == 0 ? "0" : cell($0.differenceAtMax, c) }
            let fixed: [TextTable.Column] = [
                .figure("diverges", rows.map { r in r.firstDivergence.map { monthText(c.dates[$0]) } ?? "—" }, width: 10),
                .figure("largest", largest, width: max(9, largest.map { $0.count + 1 }.max() ?? 9)),
                .figure("at", rows.map { $0.maxAbsDifference == 0 ? "—" : monthText(c.dates[$0.maxAt]) }, width: 9),
            ]
            let cells = rows.flatMap { r in r.difference.map { cell($0, c) } }
            let table = TextTable(labels: labels, fixed: fixed, figureWidth: max(9, (cells.map(\.count).max() ?? 0) + 1))
            // By default the first and the last date at least: the first alone is all zeros
            // when both runs start alike. Dates asked for are all shown, in blocks if need be.
            let shown = chosen?.filter { c.dates.indices.contains($0) }
                ?? columns(c.dates, count: max(2, table.layout(width: width, minimum: 2).perBlock))
            out += "\n\(seg)\n"
            out += table.render(shown.map { k in .figure(monthText(c.dates[k]), rows.map { cell($0.difference[k], c) }, width: table.figureWidth) },
                                width: width)
            let onlyA = rows.filter { $0.presence == .onlyInA }.map(\.label)
            let onlyB = rows.filter { $0.presence == .onlyInB }.map(\.label)
            if !onlyA.isEmpty { out += fitted("* only in A: \(onlyA.joined(separator: ", ")) (no share in B)", width) }
            if !onlyB.isEmpty { out += fitted("† only in B: \(onlyB.joined(separator: ", ")) (no share in A)", width) }
        }
        out += "\n" + fitted(verdict(c), width)
        return out
    }

    /// The table's message lines broken between words to fit `width`, as the REPL breaks
    /// its messages, so that neither a terminal nor a narrow file breaks them mid-word.
    static func fitted(_ text: String, _ width: Int) -> String { Wrap.text(text, width: width, indent: 2) + "\n" }

    /// Whether the runs agree within the tolerance, which row differs first (when one does) and
    /// the largest difference: a line each, short enough for 80 columns with the usual names.
    package static func verdict(_ c: RunComparison) -> String {
        let over = c.rows.filter(\.diverges)
        // The buyer view's rows are vendors within groups: "no vendor in a buyer group differs".
        let what = c.grouping == .buyer ? "vendor in a buyer group" : c.grouping.title
        let whats = c.grouping == .buyer ? "vendors in buyer groups" : c.grouping.title + "s"
        guard let largest = c.largest, largest.maxAbsDifference > 0 else {
            return "identical: no \(what) differs at \(c.dates.count == 1 ? "the one date" : "any of the \(c.dates.count) dates")"
        }
        let worst = "largest difference: \(largest.label) in \(largest.segment), \(cell(largest.differenceAtMax, c))\(isShare(c.metric) ? " points" : "") at \(monthText(c.dates[largest.maxAt]))"
        if over.isEmpty { return "within tolerance: no \(what) differs by more than \(toleranceText(c))\n\(worst)" }
        let first = over.min { a, b in a.firstDivergence! < b.firstDivergence! }!
        return "over tolerance: \(over.count) of \(c.rows.count) \(c.rows.count == 1 ? what : whats) \(over.count == 1 ? "differs" : "differ")"
            + " by more than \(toleranceText(c))\n"
            + "first to differ: \(first.label) in \(first.segment) at \(monthText(c.dates[first.firstDivergence!]))\n\(worst)"
    }

    /// Tidy CSV, one row per compared date × segment × row of the view:
    /// `step,date,segment,vendor,origin,present,a,b,difference`, the key columns those of
    /// run output in the view (`origin`, `channel`, `recorded_origin`, `buyer,vendor`); `step` is A's step,
    /// `present` is `both`, `A` or `B`; numbers read back to the same Double.
    public static func csv(_ c: RunComparison) -> String {
        var out = "step,date,segment," + c.grouping.keyColumns.joined(separator: ",") + ",present,a,b,difference\n"
        for k in c.dates.indices {
            for r in c.rows {
                out += String(c.stepsA[k]); out += ","; out += c.dates[k]; out += ","
                out += CSVReport.csvField(r.segment); out += ","
                CSVReport.keyFields(name: r.name, origin: r.origin, buyer: r.buyer, grouping: c.grouping, to: &out)
                out += presenceCode(r.presence); out += ","
                out += NumberText.csv(r.a[k]); out += ","; out += NumberText.csv(r.b[k]); out += ","
                out += NumberText.csv(r.difference[k]); out += "\n"
            }
        }
        return out
    }

    /// The comparison as JSON: the summary per row and its difference series.
    public static func json(_ c: RunComparison, labelA: String? = nil, labelB: String? = nil) -> String {
        func date(_ k: Int?) -> JSONValue {
            guard let k else { return .null }
            return .object([("step", .int(c.stepsA[k])), ("date", .string(c.dates[k]))])
        }
        var segmentOrder: [String] = []
        for r in c.rows where !segmentOrder.contains(r.segment) { segmentOrder.append(r.segment) }
        let doc = JSONValue.object([
            ("format", .string("sharesim-comparison")),
            ("version", .int(1)),
            ("a", .string(labelA ?? c.nameA)),
            ("b", .string(labelB ?? c.nameB)),
            ("metric", .string(c.metric.rawValue)),
            ("by", .string(c.grouping.rawValue)),
            ("tolerance", .number(c.tolerance)),
            ("within_tolerance", .bool(c.isWithinTolerance)),
            ("note", c.dateNote.map { .string($0) } ?? .null),
            ("dates", .array(c.dates.map { .string($0) })),
            ("segments", .array(segmentOrder.map { seg in
                .object([
                    ("id", .string(seg)),
                    (JSONReport.arrayKey(c.grouping), .array(c.rows.filter { $0.segment == seg }.map { r in
                        var fields = JSONReport.keyFields(name: r.name, origin: r.origin, buyer: r.buyer, grouping: c.grouping)
                        fields += [
                            ("present", .string(presenceCode(r.presence))),
                            ("first_divergence", date(r.firstDivergence)),
                            ("max_abs_difference", .number(r.maxAbsDifference)),
                            ("max_at", r.maxAbsDifference > 0 ? date(r.maxAt) : .null),
                            ("difference_at_max", .number(r.differenceAtMax)),
                            ("difference", .array(r.difference.map { .number($0) })),
                        ]
                        return .object(fields)
                    })),
                ])
            })),
        ])
        return doc.pretty + "\n"
    }

    // MARK: helpers

    static func presenceCode(_ p: RunComparison.Presence) -> String {
        switch p {
        case .both: return "both"
        case .onlyInA: return "A"
        case .onlyInB: return "B"
        }
    }

    static func marker(_ p: RunComparison.Presence) -> String {
        switch p {
        case .both: return ""
        case .onlyInA: return "*"
        case .onlyInB: return "†"
        }
    }

    static func toleranceText(_ c: RunComparison) -> String {
        if c.tolerance == 0 { return "0" }
        guard isShare(c.metric) else { return NumberText.amount(c.tolerance) }
        let points = trimmedPoints(c.tolerance)
        return points + (points == "1" ? " point" : " points")
    }

    /// `+1.25`, `-0.03`, `0`; a nonzero difference too small for two decimals in
    /// scientific form (`+2.8e-14`), so it never reads as zero.
    static func cell(_ d: Double, _ c: RunComparison) -> String {
        if d == 0 { return "0" }
        if !d.isFinite { return d.isNaN ? "nan" : (d > 0 ? "+inf" : "-inf") }
        let x = isShare(c.metric) ? d * 100 : d
        let sign = x < 0 ? "-" : "+"
        if !isShare(c.metric) { return sign + NumberText.amount(abs(x)) }
        if abs(x) >= 0.005 { return sign + NumberText.fixed(abs(x), decimals: 2) }
        return sign + scientific(abs(x))
    }

    /// `2.8e-14`: one decimal of mantissa.
    static func scientific(_ x: Double) -> String {
        var e = 0
        var m = x
        while m >= 10 { m /= 10; e += 1 }
        while m < 1 { m *= 10; e -= 1 }
        var text = NumberText.fixed(m, decimals: 1)
        if text == "10.0" { text = "1.0"; e += 1 }
        return "\(text)e\(e)"
    }

    static func trimmedPoints(_ d: Double) -> String {
        var s = NumberText.fixed(d * 100, decimals: 6)
        while s.contains("."), s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    static func monthText(_ date: String) -> String { String(date.prefix(7)) }

    /// Up to `count` column indices, chosen as `run`'s table chooses its steps: the first
    /// date, its anniversaries (every k-th year when they do not fit) and the last.
    static func columns(_ dates: [String], count: Int) -> [Int] {
        guard count > 0, !dates.isEmpty else { return [] }
        let firstMonth = dates[0].dropFirst(5).prefix(2)
        let yearStarts = dates.indices.filter { dates[$0].dropFirst(5).prefix(2) == firstMonth }
        return TableReport.spread(yearStarts: yearStarts, last: dates.count - 1, count: count)
    }
}

extension ComparisonReport {
    static func isShare(_ m: SeriesMetric) -> Bool { m.measure.isShare }
    /// `installed share`, `sales`: the metric as the language writes it.
    static func words(_ m: SeriesMetric) -> String {
        switch m {
        case .installedShare: return "installed share"
        case .salesShare: return "sales share"
        case .installed: return "installed"
        case .sales: return "sales"
        }
    }
}
