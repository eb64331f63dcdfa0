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

    /// `step,date,segment,vendor,origin,metric,p5,…`, one row per step × segment × row of
    /// the view, the key columns those of run output (`origin`, `channel`,
    /// `recorded_origin`, `buyer,vendor`).
    static func csv(_ batch: MonteCarloBatch, _ values: [Double]) -> String {
        let bands = batch.bands
        var out = "step,date,segment," + batch.grouping.keyColumns.joined(separator: ",") + ",metric,"
        out += bands.map(\.label).joined(separator: ",") + "\n"
        let rows = batch.entities.count
        for (si, k) in batch.steps.enumerated() {
            for (e, entity) in batch.entities.enumerated() {
                out += String(k); out += ","; out += batch.dates[si]; out += ","
                out += CSVReport.csvField(batch.segments[entity.segment].id); out += ","
                CSVReport.keyFields(name: entity.name, origin: entity.origin, buyer: entity.buyer, grouping: batch.grouping, to: &out)
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
        let bands = batch.bands, rows = batch.entities.count
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
                    (JSONReport.arrayKey(batch.grouping), .array(batch.entities.indices.filter { batch.entities[$0].segment == s }.map { e in
                        let entity = batch.entities[e]
                        var fields = JSONReport.keyFields(name: entity.name, origin: entity.origin, buyer: entity.buyer, grouping: batch.grouping)
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
        let what = (batch.metric == .salesShare ? "sales share" : "installed share") + " by " + batch.grouping.title
        var out = "\(batch.scenario) — \(what), Monte Carlo\n"
        out += "\(batch.runs) run\(batch.runs == 1 ? "" : "s"), seed \(batch.seedText); bands are nearest-rank percentiles of the runs\n"
        let uncertain = batch.parameters.filter { $0.distribution != nil }
        if uncertain.isEmpty {
            out += "no parameter is uncertain: every run is the nominal run\n"
        } else {
            for p in uncertain { out += "uncertain: \(p.name) ~ \(p.shown ?? p.distribution!)\n" }
        }
        for (s, seg) in batch.segments.enumerated() {
            let mine = batch.entities.indices.filter { batch.entities[$0].segment == s }
            let labels = labelColumns(mine.map { batch.entities[$0] }, grouping: batch.grouping)
            let bandWidth = max(4, bands.map { $0.label.count }.max() ?? 4)
            var cellWidth = 8
            for e in mine { for si in batch.steps.indices { for b in bands.indices {
                cellWidth = max(cellWidth, NumberText.percent(values[(si * rows + e) * bands.count + b]).count + 1)
            } } }
            out += "\n\(seg.id)\(seg.title.map { " — \($0)" } ?? "")\n"
            var header = labels.map { padRight($0.header, $0.width) }.joined(separator: " ")
            header += " " + padRight("band", bandWidth)
            for label in batch.labels { header += padLeft(label, cellWidth) }
            out += header + "\n"
            for (i, e) in mine.enumerated() {
                for (b, band) in bands.enumerated() {
                    // A row's labels on its first band's line only.
                    var line = labels.map { padRight(b == 0 ? $0.cells[i] : "", $0.width) }.joined(separator: " ")
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
        let entities = MonteCarloLayout.rows(of: s, by: grouping).map {
            MonteCarloBatch.Entity(segment: $0.segment, name: $0.name, origin: $0.origin, buyer: $0.buyer)
        }
        return TableReport.spread(steps: s.timeline.steps, count: tableColumns(entities, grouping: grouping, bands: bands, width: width),
                                  timeline: s.timeline)
    }

    /// How many date columns fit `width` beside the rows' labels and the bands.
    static func tableColumns(_ entities: [MonteCarloBatch.Entity], grouping: Grouping, bands: [Band], width: Int) -> Int {
        let labels = labelColumns(entities, grouping: grouping)
        let fixed = labels.reduce(-1) { $0 + 1 + $1.width } + 1 + max(4, bands.map { $0.label.count }.max() ?? 4)
        return max(1, (max(40, width) - fixed) / 8)
    }

    /// The rows' label columns as `run`'s table has them in the view (a vendor and its
    /// origin; an origin, channel or recorded origin; a buyer group and its vendors).
    static func labelColumns(_ entities: [MonteCarloBatch.Entity], grouping: Grouping) -> [TextTable.Column] {
        TextTable.Column.labels(of: grouping, names: entities.map(\.name), origins: entities.map(\.origin), buyers: entities.map(\.buyer))
    }
}
