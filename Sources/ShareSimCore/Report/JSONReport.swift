/// Run output as JSON: the CSV's data, by segment and entity, plus a `meta` block that
/// says which tool and which resolved scenario produced it.
public enum JSONReport {
    public static let toolVersion = "0.1.0"

    public static func meta(_ scenario: ResolvedScenario, seed: UInt64? = nil) -> JSONValue {
        .object([
            ("tool", .string("sharesim")),
            ("version", .string(toolVersion)),
            ("scenario_sha256", .string(ResolvedJSON.sha256(scenario))),
            ("seed", seed.map { .string(String($0)) } ?? .null),
        ])
    }

    public static func encode(_ r: RunResult, grouping: Grouping, name: String? = nil) -> JSONValue {
        var fields: [(String, JSONValue)] = [("format", .string("sharesim-run")), ("version", .int(1))]
        if let name { fields.append(("run", .string(name))) }
        fields += [
            ("meta", meta(r.scenario)),
            ("scenario", .string(r.scenario.name)),
            ("dates", .array((0..<r.steps).map { .string(r.date(ofStep: $0)) })),
            ("segments", .array(r.scenario.segments.enumerated().map { s, seg in
                .object([
                    ("id", .string(seg.id)),
                    ("unit", seg.unit.map { .string($0) } ?? .null),
                    (arrayKey(grouping), .array(r.entities(segment: s, by: grouping).map { e in
                        var entity = keyFields(name: e.name, origin: e.origin, buyer: e.buyer, grouping: grouping)
                        for m in SeriesMetric.allCases { entity.append((m.rawValue, .array(e.values(m).map { .number($0) }))) }
                        return .object(entity)
                    })),
                ])
            })),
        ]
        return .object(fields)
    }

    /// What a segment's rows are called in each view; a buyer-view row names its group.
    /// A row's keys in a view, as `CSVReport.keyFields` writes them: its buyer group in the
    /// buyer view, its `id`, and beside a vendor its origin. Run output, comparisons and
    /// Monte Carlo bands all key their rows so.
    static func keyFields(name: String, origin: String, buyer: String?, grouping: Grouping) -> [(String, JSONValue)] {
        var fields: [(String, JSONValue)] = buyer.map { [("buyer", .string($0))] } ?? []
        fields.append(("id", .string(name)))
        if grouping == .vendor { fields.append(("origin", .string(origin))) }
        return fields
    }

    static func arrayKey(_ view: ShareView) -> String {
        switch view {
        case .vendor, .buyer: return "vendors"
        case .origin: return "origins"
        case .channel: return "channels"
        case .recorded: return "recorded_origins"
        }
    }

    public static func render(_ runs: [(name: String, result: RunResult)], grouping: Grouping) -> String {
        if runs.count == 1 { return encode(runs[0].result, grouping: grouping).pretty + "\n" }
        return JSONValue.array(runs.map { encode($0.result, grouping: grouping, name: $0.name) }).pretty + "\n"
    }
}
