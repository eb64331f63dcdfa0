import Foundation

/// DESIGN.md's resolved-scenario contract, read and written. Other tools generate
/// scenarios in this form, and `inspect --json` prints it.
public enum ResolvedJSON {
    public static let format = "sharesim-resolved"
    /// The version written; 1 (no channels, `to` only, no observations) is still read.
    public static let version = 2
    static let versionsRead = 1...2

    /// The SHA-256 that outputs carry as `scenario_sha256`: of this JSON without the changes'
    /// origins, so that it names what the engine ran, the same whichever directory the
    /// scenario was run from or however its path was typed.
    public static func sha256(_ r: ResolvedScenario) -> String {
        SHA256.hex(encode(r, withOrigins: false).compact)
    }

    /// `withOrigins: false` leaves out where each change was written, which the engine
    /// does not read.
    public static func encode(_ r: ResolvedScenario, withOrigins: Bool = true) -> JSONValue {
        .object([
            ("format", .string(format)),
            ("version", .int(version)),
            ("name", .string(r.name)),
            ("timeline", .object([
                ("start", .string(r.timeline.start.firstDayText)),
                ("step", .string(r.timeline.step.rawValue)),
                ("steps", .int(r.timeline.steps)),
            ])),
            ("vendors", .array(r.vendors.map { .object([("id", .string($0.id)), ("origin", .string($0.origin))]) })),
            ("channels", .array(r.channels.map { .object([("id", .string($0.id)), ("records", $0.records.map { .string($0) } ?? .null)]) })),
            ("segments", .array(r.segments.map { encode($0, vendors: r.vendors) })),
            ("changes", .array(r.changes.map { encode($0, withOrigin: withOrigins) })),
            ("observations", .array(r.observations.map { encode($0, withOrigin: withOrigins) })),
        ])
    }

    /// How an observation's measure is spelled in the JSON, as the run output's columns are.
    static func measureKey(_ m: Metric) -> String { m.rawValue.replacingOccurrences(of: " ", with: "_") }

    private static func encode(_ o: Observation, withOrigin: Bool) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("at", .int(o.at)),
        ]
        // Only a growth rate has a start: the step its period begins at.
        if let from = o.from { fields.append(("from", .int(from))) }
        fields += [
            ("segment", .string(o.segment)),
            ("measure", .string(measureKey(o.measure))),
            ("view", .string(o.view.rawValue)),
            ("keys", .array(o.keys.map { .string($0) })),
        ]
        if let b = o.buyer { fields.append(("buyer", .string(b))) }
        fields.append(("value", .number(o.value)))
        if let u = o.uncertainty { fields.append(("uncertainty", .number(u))) }
        fields.append(("role", .string(o.role.rawValue)))
        fields.append(("source", o.source.map { .string($0) } ?? .null))
        if withOrigin, let l = o.location {
            fields.append(("origin", .object([("file", .string(l.file)), ("line", .int(l.line))])))
        }
        return .object(fields)
    }

    private static func encode(_ s: Segment, vendors: [Vendor]) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("id", .string(s.id)),
        ]
        if let title = s.title { fields.append(("title", .string(title))) }
        fields += [
            ("lifetime", .number(s.lifetime)),
            ("growth", .number(s.growth)),
            ("size", .number(s.size)),
        ]
        if let unit = s.unit { fields.append(("unit", .string(unit))) }
        fields.append(("buyers", .array(s.buyers.map { .object([("id", .string($0.id)), ("weight", .number($0.weight))]) })))
        fields.append(("initial", .object(vendors.compactMap { v in s.initial[v.id].map { (v.id, .number($0)) } })))
        fields.append(("appeal", .object(vendors.compactMap { v in s.appeal[v.id].map { (v.id, .number($0)) } })))
        return .object(fields)
    }

    private static func encode(_ c: Change, withOrigin: Bool) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("at", .int(c.at)),
            ("segment", .string(c.segment)),
            ("vendor", c.vendor.map { .string($0) } ?? .null),
            ("buyer", c.buyer.map { .string($0) } ?? .null),
            ("channel", c.channel.map { .string($0) } ?? .null),
            ("field", .string(c.field.rawValue)),
            (c.operation.rawValue, .number(c.value)),
            ("over", .int(c.over)),
        ]
        if let until = c.until { fields.append(("until", .int(until))) }
        if withOrigin, let o = c.origin {
            var origin: [(String, JSONValue)] = [("file", .string(o.file)), ("line", .int(o.line))]
            if let e = o.event { origin.append(("event", .string(e))) }
            fields.append(("origin", .object(origin)))
        }
        return .object(fields)
    }

    // MARK: reading

    private struct Document: Decodable {
        var format: String
        var version: Int
        var name: String?
        var timeline: TimelineDoc
        var vendors: [VendorDoc]
        var channels: [ChannelDoc]?
        var segments: [SegmentDoc]
        var changes: [ChangeDoc]?
        var observations: [ObservationDoc]?
    }
    private struct ChannelDoc: Decodable { var id: String; var records: String? }
    private struct TimelineDoc: Decodable { var start: String; var step: String; var steps: Int }
    private struct VendorDoc: Decodable { var id: String; var origin: String }
    private struct BuyerDoc: Decodable { var id: String; var weight: Double }
    private struct SegmentDoc: Decodable {
        var id: String
        var title: String?
        var lifetime: Double
        var growth: Double?
        var size: Double?
        var unit: String?
        var buyers: [BuyerDoc]?
        var initial: [String: Double]
        var appeal: [String: Double]?
    }
    private struct OriginDoc: Decodable { var file: String; var line: Int; var event: String? }
    private struct ChangeDoc: Decodable {
        var at: Int
        var segment: String
        var vendor: String?
        var buyer: String?
        var channel: String?
        var field: String
        var to: Double?
        var by: Double?
        var times: Double?
        /// Read as a number of any kind, so that `2.5` or `-3` is refused where it stands
        /// rather than as JSON that does not parse.
        var over: Double?
        var until: Int?
        var origin: OriginDoc?
    }
    private struct ObservationDoc: Decodable {
        var at: Int
        var from: Int?
        var segment: String
        var measure: String
        var view: String
        var keys: [String]
        var buyer: String?
        var value: Double
        var uncertainty: Double?
        var role: String
        var source: String?
        var origin: OriginDoc?
    }

    /// Reads a resolved scenario and checks it with `ScenarioValidator`, so that the engine never
    /// sees data it cannot run. Problems come back as diagnostics located where the JSON says it.
    public static func decode(_ data: Data, path: String) throws(ScenarioError) -> ResolvedScenario {
        let source = SourceFile(path: path, text: String(decoding: data, as: UTF8.self))
        let map = JSONSourceMap(source)
        // Where the value at a coding path was written; the top of the file if it is missing.
        func at(_ valuePath: String) -> SourceLocation {
            guard let span = map.spans[valuePath] else { return SourceLocation(file: path, line: 1, column: 1) }
            var loc = source.location(at: span.start)
            loc.length = span.end - span.start
            return loc
        }
        func fail(_ problems: [Diagnostic]) -> ScenarioError { ScenarioError(problems, sources: [path: source]) }
        if let (message, offset) = map.syntaxError {
            let first = source.text.first(where: { !$0.isWhitespace })
            let looksLikeText = first.map { $0.isLetter || $0 == "#" } ?? false
            let help = !path.hasSuffix(".json") ? "a file that starts with '{' is read as resolved JSON"
                : looksLikeText ? "a file whose name ends in .json is read as resolved JSON; scenario text goes in a .scn file" : nil
            throw fail([.error("invalid JSON: \(message)", at: source.location(at: offset), help: help)])
        }
        let doc: Document
        do {
            doc = try JSONDecoder().decode(Document.self, from: data)
        } catch {
            throw fail([describe(error, locate: at)])
        }
        var problems: [Diagnostic] = []
        if doc.format != format {
            problems.append(.error("not a resolved scenario: format is '\(doc.format)'", at: at("format"), help: "expected \"format\": \"\(format)\""))
        }
        if !versionsRead.contains(doc.version) {
            problems.append(.error("unsupported resolved-scenario version \(doc.version)", at: at("version"),
                                   help: "this sharesim reads versions \(versionsRead.lowerBound) to \(versionsRead.upperBound)"))
        }
        let start = CalendarMonth.parse(doc.timeline.start)
        if start == nil || start?.day != 1 {
            problems.append(.error("timeline start '\(doc.timeline.start)' is not the first day of a month", at: at("timeline.start"), help: "write e.g. \"2021-01-01\""))
        }
        let step = StepKind(rawValue: doc.timeline.step)
        if step == nil {
            problems.append(.error("unknown step '\(doc.timeline.step)'", at: at("timeline.step"), help: "step is one of month, quarter, year"))
        }
        var changes: [Change] = []
        for (i, c) in (doc.changes ?? []).enumerated() {
            guard let field = ChangeField(rawValue: c.field) else {
                problems.append(.error("changes[\(i)]: unknown field '\(c.field)'", at: at("changes[\(i)].field"),
                                       help: Suggestions.didYouMean(c.field, in: ChangeField.allCases.map(\.rawValue)) ?? "field is one of \(ChangeField.allCases.map(\.rawValue).joined(separator: ", "))"))
                continue
            }
            let over = c.over ?? 1
            guard over >= 1, over <= 10_000_000, over == over.rounded() else {
                problems.append(.error("changes[\(i)]: 'over' must be a whole number of steps, at least 1, not \(over.truncatingRemainder(dividingBy: 1) == 0 && abs(over) < 1e15 ? String(Int(over)) : NumberText.json(over))",
                                       at: at("changes[\(i)].over"), help: "a change made at once has \"over\": 1"))
                continue
            }
            let given = [(ChangeOperation.to, c.to), (.by, c.by), (.times, c.times)].compactMap { op, x in x.map { (op, $0) } }
            guard given.count == 1, let (operation, value) = given.first else {
                let names = given.map { "'\($0.0.rawValue)'" }.joined(separator: " and ")
                problems.append(.error("changes[\(i)]: \(given.isEmpty ? "no value" : "both \(names)")",
                                       at: at(given.count > 1 ? "changes[\(i)].\(given[1].0.rawValue)" : "changes[\(i)]"),
                                       help: "a change carries exactly one of \"to\", \"by\" and \"times\""))
                continue
            }
            // `direct` may be named; it is what no channel means.
            let channel = c.channel == Channel.direct ? nil : c.channel
            changes.append(Change(at: c.at, segment: c.segment, vendor: c.vendor, buyer: c.buyer, channel: channel, field: field,
                                  operation: operation, value: value, over: Int(over), until: c.until,
                                  origin: c.origin.map { ChangeOrigin(file: $0.file, line: $0.line, event: $0.event) }))
        }
        var observations: [Observation] = []
        for (i, o) in (doc.observations ?? []).enumerated() {
            let p = "observations[\(i)]"
            let measure = Metric.allCases.first { measureKey($0) == o.measure }
            let view = ShareView(rawValue: o.view), role = ObservationRole(rawValue: o.role)
            if measure == nil {
                problems.append(.error("\(p): unknown measure '\(o.measure)'", at: at("\(p).measure"),
                                       help: "measure is one of \(Metric.allCases.map(measureKey).joined(separator: ", "))"))
            }
            if let measure, measure.isGrowth != (o.from != nil) {
                problems.append(.error("\(p): \(measure.isGrowth ? "a growth rate needs 'from', the step it starts at" : "only a growth rate has 'from'")",
                                       at: at("\(p).\(measure.isGrowth ? "measure" : "from")")))
            }
            if view == nil {
                problems.append(.error("\(p): unknown view '\(o.view)'", at: at("\(p).view"),
                                       help: Suggestions.didYouMean(o.view, in: ShareView.allCases.map(\.rawValue))
                                           ?? "view is one of \(ShareView.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
            if role == nil {
                problems.append(.error("\(p): unknown role '\(o.role)'", at: at("\(p).role"), help: "role is fit or check"))
            }
            guard let measure, let view, let role else { continue }
            let location = o.origin.map { SourceLocation(file: $0.file, line: $0.line, column: 1) }
            observations.append(Observation(at: o.at, from: o.from, segment: o.segment, measure: measure, view: view, keys: o.keys, buyer: o.buyer,
                                            value: o.value, uncertainty: o.uncertainty, role: role, source: o.source,
                                            location: location))
        }
        guard problems.isEmpty, let start, let step else { throw fail(problems) }
        let segments = doc.segments.map {
            Segment(id: $0.id, title: $0.title, lifetime: $0.lifetime, growth: $0.growth ?? 0, size: $0.size ?? 1, unit: $0.unit,
                    // MODEL.md: one group `all` with weight 1 when the scenario names none.
                    buyers: ($0.buyers?.isEmpty == false ? $0.buyers! : [BuyerDoc(id: "all", weight: 1)]).map { BuyerGroup(id: $0.id, weight: $0.weight) },
                    initial: $0.initial, appeal: $0.appeal ?? [:])
        }
        // Checked before the changes are sorted, so that `changes[i]` in a message is the file's i-th.
        var r = ResolvedScenario(
            name: doc.name ?? path, timeline: Timeline(start: start.month, step: step, steps: doc.timeline.steps),
            vendors: doc.vendors.map { Vendor(id: $0.id, origin: $0.origin) }, segments: segments,
            channels: (doc.channels ?? []).map { Channel(id: $0.id, records: $0.records) }, changes: changes)
        r.observations = observations
        problems = ScenarioValidator.problems(in: r, path: path, locate: at)
        if !problems.isEmpty { throw fail(problems) }
        r.changes = stableSortedByStep(changes)
        return r
    }

    /// Changes apply in order of `at`, ties in the order written.
    static func stableSortedByStep(_ changes: [Change]) -> [Change] {
        changes.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
    }

    private static func describe(_ error: Error, locate: (String) -> SourceLocation) -> Diagnostic {
        func at(_ p: [CodingKey]) -> String {
            p.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop(while: { $0 == "." }).description
        }
        switch error {
        case DecodingError.keyNotFound(let key, let ctx):
            return .error("missing key '\(key.stringValue)' in \(at(ctx.codingPath).isEmpty ? "the document" : at(ctx.codingPath))",
                          at: locate(at(ctx.codingPath)),
                          help: "a resolved scenario has format, version, timeline, vendors, segments and changes, and may have channels and observations; 'sharesim inspect FILE --json' writes one")
        case DecodingError.typeMismatch(_, let ctx), DecodingError.valueNotFound(_, let ctx):
            return .error("wrong type at \(at(ctx.codingPath)): \(ctx.debugDescription)", at: locate(at(ctx.codingPath)))
        case DecodingError.dataCorrupted(let ctx):
            let underlying = (ctx.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return .error("invalid JSON: \(underlying ?? ctx.debugDescription)", at: locate(at(ctx.codingPath)), help: "check the file with a JSON validator")
        default:
            return .error("invalid JSON: \(error)", at: locate(""))
        }
    }
}
