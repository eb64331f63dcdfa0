import ShareSimCore

/// The options `show`, `compare` and `plot` share: which run(s), segment, dates, share,
/// grouping and tolerance. Each takes the batch commands' spelling too (`--at`, `--share`,
/// `--by`, `--tolerance`) and the REPL's word (`at`, `share`, `by`, `tolerance`). Words
/// that are not options are matched against run, segment and vendor names.
struct ViewOptions {
    var runs: [String] = []
    var segment: String?
    var names: [String] = []
    var dates: [CalendarMonth] = []
    var metric: SeriesMetric = .installedShare
    var grouping: Grouping = .vendor
    var tolerance: Double = 0

    /// `locate` places an error at the word of the input it is about.
    static func parse(_ args: [String], runNames: [String], scenario: ResolvedScenario?,
                      locate: (String?) -> SourceLocation) -> Result<ViewOptions, Diagnostic> {
        var o = ViewOptions()
        var i = 0
        while i < args.count {
            let w = args[i]
            switch w {
            case "--share", "--by", "share", "by":
                guard i + 1 < args.count else { return .failure(.command("\(w) needs a value", at: locate(w))) }
                let v = args[i + 1]
                if w.hasSuffix("share") {
                    guard v == "installed" || v == "sales" else { return .failure(.command("\(w) is installed or sales, not '\(v)'", at: locate(v))) }
                    o.metric = v == "installed" ? .installedShare : .salesShare
                } else {
                    guard let g = Grouping(rawValue: v) else {
                        let names = Grouping.allCases.map(\.rawValue)
                        return .failure(.command("\(w) is \(names.dropLast().joined(separator: ", ")) or \(names.last!), not '\(v)'", at: locate(v)))
                    }
                    o.grouping = g
                }
                i += 2
                continue
            case "--tolerance", "tolerance":
                guard i + 1 < args.count else { return .failure(.command("\(w) needs a value, e.g. \(w) 0.5%", at: locate(w))) }
                do { o.tolerance = try ComparisonTolerance.parse(args[i + 1], source: w) } catch {
                    let d = error.diagnostics.first
                    return .failure(Diagnostic(.error, d?.message ?? "\(w) takes a share difference, e.g. 0.5% or 0.005",
                                               at: locate(args[i + 1]), help: d?.help ?? []))
                }
                i += 2
                continue
            case "at", "--at":
                guard i + 1 < args.count else { return .failure(.command("'\(w)' needs dates, e.g. \(w) 2022-01,2023-01", at: locate(w))) }
                do { o.dates = try DateList.months(args[i + 1]) } catch {
                    return .failure(.command(error.message(option: "at", list: args[i + 1]), at: locate(args[i + 1])))
                }
                i += 2
                continue
            default:
                if runNames.contains(w) { o.runs.append(w) }
                else if let s = scenario, s.segments.contains(where: { $0.id == w }) { o.segment = w }
                else if let s = scenario, s.vendors.contains(where: { $0.id == w }) || s.origins.contains(w) || s.routeNames.contains(w) {
                    o.names.append(w)
                } else {
                    let known = runNames + (scenario.map { $0.segments.map(\.id) + $0.vendors.map(\.id) + $0.routeNames } ?? [])
                    return .failure(.command("'\(w)' is no run, segment, vendor or channel", at: locate(w),
                                            suggestion: Suggestions.closest(to: w, in: known)))
                }
            }
            i += 1
        }
        return .success(o)
    }

    /// Whether a row of a vendor (or origin) is shown: every row unless some were named,
    /// a vendor by its name or its origin's.
    func keeps(name: String, origin: String) -> Bool {
        names.isEmpty || names.contains(name) || names.contains(origin)
    }

    /// Why a view of the named vendors is empty. With `--by origin` the rows are origins:
    /// vendors named are answered with their origins, to name instead. The channel and
    /// recorded views' rows are channels and recorded origins, named as such.
    func noneSell(in segment: String?, scenario: ResolvedScenario) -> String {
        let place = segment ?? "any segment"
        let list = names.joined(separator: ", ")
        if grouping == .channel {
            return "--by channel shows channels, not vendors: name \(scenario.routeNames.joined(separator: ", ")) instead of \(list)"
        }
        if grouping == .recorded { return "--by recorded shows recorded origins: none of \(list) is recorded in \(place)" }
        guard grouping == .origin else { return "none of \(list) sells in \(place)" }
        var origins: [String] = []
        for v in scenario.vendors where names.contains(v.id) && !origins.contains(v.origin) { origins.append(v.origin) }
        guard !origins.isEmpty else { return "none of \(list) is an origin in \(place)" }
        return "--by origin shows origins, not vendors: name \(origins.joined(separator: ", ")) instead of \(list)"
    }

    /// The dates as steps of a run's timeline, or a message naming the first outside it.
    func steps(in timeline: Timeline, locate: (String?) -> SourceLocation) -> Result<[Int]?, Diagnostic> {
        guard !dates.isEmpty else { return .success(nil) }
        var out: [Int] = []
        for d in dates {
            guard let k = timeline.step(within: d) else {
                return .failure(.command("\(d.text) is outside the timeline (\(timeline.span))", at: locate(d.text)))
            }
            out.append(k)
        }
        return .success(out)
    }
}
