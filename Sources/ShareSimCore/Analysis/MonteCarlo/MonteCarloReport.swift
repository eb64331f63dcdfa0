/// A Monte Carlo batch's percentile bands as a table for people, tidy CSV, or JSON. Only
/// the batch and the band values go in, so a merge of partial results renders exactly the
/// bytes a single machine would have.
public enum MonteCarloReport {
    public enum Format: String, Sendable, CaseIterable { case table, csv, json }

    /// `values` holds `batch.bands.count` values per cell, cells in step, then row order.
    public static func render(_ batch: MonteCarloBatch, values: [Double], as format: Format) -> String {
        switch format {
        case .csv: return csv(batch, values)
        case .json: return json(batch, values).pretty + "\n"
        case .table: return table(batch, values)
        }
    }

    /// `step,date,segment,vendor,origin,metric,p5,…`, one row per step × segment × vendor
    /// (with `--by origin`: `step,date,segment,origin,metric,p5,…`).
    static func csv(_ batch: MonteCarloBatch, _ values: [Double]) -> String {
        let bands = batch.bands, byVendor = batch.grouping == .vendor
        var out = "step,date,segment," + (byVendor ? "vendor,origin," : "origin,") + "metric,"
        out += bands.map(\.label).joined(separator: ",") + "\n"
        let rows = batch.entities.count
        for (si, k) in batch.steps.enumerated() {
            for (e, entity) in batch.entities.enumerated() {
                out += String(k); out += ","; out += batch.dates[si]; out += ","
                out += CSVReport.csvField(batch.segments[entity.segment].id); out += ","
                out += CSVReport.csvField(entity.name); out += ","
                if byVendor { out += CSVReport.csvField(entity.origin); out += "," }
                out += batch.metricName
                let cell = si * rows + e
                for b in bands.indices {
                    out += ","
                    out += NumberText.csv(values[cell * bands.count + b])
                }
                out += "\n"
            }
        }
        return out
    }

    static func meta(_ batch: MonteCarloBatch) -> JSONValue {
        .object([
            ("tool", .string(batch.tool)),
            ("version", .string(batch.version)),
            ("scenario_sha256", .string(batch.scenarioSHA256)),
            ("seed", .string(batch.seedText)),
        ])
    }

    static func json(_ batch: MonteCarloBatch, _ values: [Double]) -> JSONValue {
        let bands = batch.bands, rows = batch.entities.count, byVendor = batch.grouping == .vendor
        func series(_ e: Int, _ b: Int) -> JSONValue {
            .array(batch.steps.indices.map { si in .number(values[(si * rows + e) * bands.count + b]) })
        }
        return .object([
            ("format", .string("sharesim-montecarlo")),
            ("version", .int(1)),
            ("meta", meta(batch)),
            ("scenario", .string(batch.scenario)),
            ("runs", .int(batch.runs)),
            ("metric", .string(batch.metricName)),
            ("percentiles", .array(bands.map { .string($0.label) })),
            ("method", .string("nearest rank")),
            ("parameters", .array(batch.parameters.map { p in
                .object([("name", .string(p.name)), ("nominal", .number(p.nominal)),
                         ("distribution", p.distribution.map { .string($0) } ?? .null)])
            })),
            ("steps", .array(batch.steps.map { .int($0) })),
            ("dates", .array(batch.dates.map { .string($0) })),
            ("segments", .array(batch.segments.enumerated().map { s, seg in
                .object([
                    ("id", .string(seg.id)),
                    ("unit", seg.unit.map { .string($0) } ?? .null),
                    (byVendor ? "vendors" : "origins", .array(batch.entities.indices.filter { batch.entities[$0].segment == s }.map { e in
                        var fields: [(String, JSONValue)] = [("id", .string(batch.entities[e].name))]
                        if byVendor { fields.append(("origin", .string(batch.entities[e].origin))) }
                        for (b, band) in bands.enumerated() { fields.append((band.label, series(e, b))) }
                        return .object(fields)
                    })),
                ])
            })),
        ])
    }

    /// A block per segment, a group of lines per vendor (one per band), a column per date.
    static func table(_ batch: MonteCarloBatch, _ values: [Double]) -> String {
        let bands = batch.bands, rows = batch.entities.count
        let what = (batch.metric == .salesShare ? "sales share" : "installed share") + " by " + batch.groupingName
        var out = "\(batch.scenario) — \(what), Monte Carlo\n"
        out += "\(batch.runs) run\(batch.runs == 1 ? "" : "s"), seed \(batch.seedText); bands are nearest-rank percentiles of the runs\n"
        let uncertain = batch.parameters.filter { $0.distribution != nil }
        if uncertain.isEmpty {
            out += "no parameter is uncertain: every run is the nominal run\n"
        } else {
            for p in uncertain { out += "uncertain: \(p.name) ~ \(p.distribution!)\n" }
        }
        let byVendor = batch.grouping == .vendor
        for (s, seg) in batch.segments.enumerated() {
            let mine = batch.entities.indices.filter { batch.entities[$0].segment == s }
            let nameWidth = max(6, mine.map { batch.entities[$0].name.count }.max() ?? 6)
            let bandWidth = max(4, bands.map { $0.label.count }.max() ?? 4)
            var cellWidth = 8
            for e in mine { for si in batch.steps.indices { for b in bands.indices {
                cellWidth = max(cellWidth, NumberText.percent(values[(si * rows + e) * bands.count + b]).count + 1)
            } } }
            out += "\n\(seg.id)\(seg.title.map { " — \($0)" } ?? "")\n"
            var header = padRight(batch.groupingName, nameWidth)
            if byVendor { header += " " + padRight("origin", 6) }
            header += " " + padRight("band", bandWidth)
            for label in batch.labels { header += padLeft(label, cellWidth) }
            out += header + "\n"
            for e in mine {
                for (b, band) in bands.enumerated() {
                    var line = padRight(b == 0 ? batch.entities[e].name : "", nameWidth)
                    if byVendor { line += " " + padRight(b == 0 ? batch.entities[e].origin : "", 6) }
                    line += " " + padRight(band.label, bandWidth)
                    for si in batch.steps.indices {
                        line += padLeft(NumberText.percent(values[(si * rows + e) * bands.count + b]), cellWidth)
                    }
                    out += line + "\n"
                }
            }
        }
        return out
    }

    /// The table's dates when none are given: evenly spaced ones, preferring the starts of
    /// years, as many as fit `width` beside the row names.
    package static func defaultTableSteps(_ s: ResolvedScenario, grouping: Grouping, bands: [Band], width: Int) -> [Int] {
        let names = MonteCarloLayout.rows(of: s, by: grouping).map(\.name)
        return TableReport.spread(steps: s.timeline.steps, count: tableColumns(names: names, grouping: grouping, bands: bands, width: width),
                                  timeline: s.timeline)
    }

    /// How many date columns fit `width` beside the row names, the origins and the bands.
    static func tableColumns(names: [String], grouping: Grouping, bands: [Band], width: Int) -> Int {
        let nameWidth = max(6, names.map(\.count).max() ?? 6)
        let fixed = nameWidth + (grouping == .vendor ? 7 : 0) + 1 + max(4, bands.map { $0.label.count }.max() ?? 4)
        return max(1, (max(40, width) - fixed) / 8)
    }
}
