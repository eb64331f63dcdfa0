import ShareSimCharts
import ShareSimCore

/// Pictures at the prompt: `plot` draws in the terminal, `chart … -o FILE.svg` and
/// `report -o FILE.html` write what `sharesim chart` and `sharesim report` write, of the
/// session's runs, what-if runs and comparisons included.
extension Session {
    func plot(_ args: [String]) -> Reply {
        let o: ViewOptions
        switch ViewOptions.parse(args, runNames: runNames, scenario: runs.last?.result.scenario, locate: location(of:)) {
        case .failure(let p): return failure(p, status: .usage)
        case .success(let parsed): o = parsed
        }
        switch pickRun(o) {
        case .failure(let p): return failure(p, status: .usage)
        case .success(let (name, result)):
            var view = chartView(o)
            view.segment = o.segment ?? result.scenario.segments.first?.id
            let chart: Chart
            do { chart = try RunCharts.make(.lines, runs: [(name, result)], view: view) } catch {
                return reply(to: error, of: "plot")
            }
            var titled = chart
            titled.title = "\(name): \(view.segment ?? "")"
            let text = TerminalChart(titled, width: env.width, height: env.height, color: env.color).render()
            return Reply(output: text + "(as an SVG: chart \(args.joined(separator: " "))\(args.isEmpty ? "" : " ")-o FILE.svg)\n")
        }
    }

    /// `chart [RUN [RUN]] [SEGMENT] [VENDORS…] [--kind K] [--share S] [--by G] [--runs N] [--seed S] -o FILE.svg`
    func chart(_ args: [String]) -> Reply {
        let request: Request
        switch readRequest(args, writing: "an SVG file: give -o FILE.svg\n  example: chart --by origin -o shares.svg") {
        case .failure(let p): return failure(p, status: .usage)
        case .success(let r): request = r
        }
        let kind = request.kind ?? .default(runs: request.runs.count)
        let chart: Chart
        do {
            chart = try RunCharts.make(kind, runs: request.runs, view: request.view, fan: request.fan, hooks: env.hooks)
        } catch {
            return reply(to: error, of: "chart")
        }
        return write(SVGChart.render(chart), to: request.file, what: "\(kind.rawValue) chart of \(request.runs.map(\.name).joined(separator: " and "))")
    }

    /// `report [RUN [RUN]] [--share S] [--by G] [--runs N] [--seed S] -o FILE.html`
    func report(_ args: [String]) -> Reply {
        let request: Request
        switch readRequest(args, writing: "an HTML file: give -o FILE.html\n  example: report -o easing.html") {
        case .failure(let p): return failure(p, status: .usage)
        case .success(let r): request = r
        }
        guard request.kind == nil else { return failure("--kind is for chart; a report holds every kind that fits", word: "--kind", status: .usage) }
        var question: String?
        if case .text(_, let source) = base { question = source.text }
        let html: String
        do {
            html = try HTMLReport.render(request.runs.map { HTMLReport.Input(name: $0.name, result: $0.result, sourceText: question) },
                                         view: request.view, fan: request.fan, hooks: env.hooks)
        } catch {
            return reply(to: error, of: "report")
        }
        return write(html, to: request.file, what: "report of \(request.runs.map(\.name).joined(separator: " and "))")
    }

    /// What `chart` and `report` are asked for: the runs, the view, the kind, the fan's
    /// batch and the file to write.
    private struct Request {
        var runs: [(name: String, result: RunResult)]
        var view: ChartView
        var kind: RunCharts.Kind?
        var fan: RunCharts.FanSettings
        var file: String
    }

    /// Reads a `chart` or `report` line; `writing` says what `-o` must name when it is missing.
    private func readRequest(_ args: [String], writing: String) -> Result<Request, Diagnostic> {
        let split: (rest: [String], kind: RunCharts.Kind?, file: String?, fan: RunCharts.FanSettings)
        switch Self.chartOptions(args, locate: location(of:)) {
        case .failure(let p): return .failure(p)
        case .success(let s): split = s
        }
        let command = Words.split(current.text).first ?? "chart"
        guard let file = split.file else { return .failure(diagnostic("\(command) writes \(writing)")) }
        let o: ViewOptions
        switch ViewOptions.parse(split.rest, runNames: runNames, scenario: runs.last?.result.scenario, locate: location(of:)) {
        case .failure(let p): return .failure(p)
        case .success(let parsed): o = parsed
        }
        return pickRuns(o).map { Request(runs: $0, view: chartView(o), kind: split.kind, fan: split.fan, file: file) }
    }

    /// The runs named (one or two), else the last run.
    private func pickRuns(_ o: ViewOptions) -> Result<[(name: String, result: RunResult)], Diagnostic> {
        guard !o.runs.isEmpty else { return pickRun(o).map { [$0] } }
        guard o.runs.count <= 2 else { return .failure(diagnostic("name one run, or two to compare", word: o.runs[2])) }
        return .success(o.runs.compactMap { name in runs.first { $0.name == name } })
    }

    private func chartView(_ o: ViewOptions) -> ChartView {
        ChartView(metric: o.metric, grouping: o.grouping, segment: o.segment, keys: o.names)
    }

    /// Writes to `file` with `~` expanded, as `save` and `export` do.
    private func write(_ text: String, to file: String, what: String) -> Reply {
        let path = expandingTilde(file)
        do { try env.writeFile(text, path) } catch {
            return failure("cannot write '\(path)': \(error.localizedDescription)", word: file, status: .cannotWrite)
        }
        return Reply(output: "wrote the \(what) to \(path)\n")
    }

    /// Takes `-o FILE`, `--kind K`, `--runs N` and `--seed S` out of the words; the rest are
    /// the view's, as `show` reads them.
    static func chartOptions(_ args: [String], locate: (String?) -> SourceLocation)
        -> Result<(rest: [String], kind: RunCharts.Kind?, file: String?, fan: RunCharts.FanSettings), Diagnostic> {
        var rest: [String] = [], kind: RunCharts.Kind?, file: String?, fan = RunCharts.FanSettings()
        var i = 0
        while i < args.count {
            let w = args[i]
            guard ["-o", "--kind", "--runs", "--seed"].contains(w) else { rest.append(w); i += 1; continue }
            guard i + 1 < args.count else { return .failure(.command("\(w) needs a value", at: locate(w))) }
            let v = args[i + 1]
            switch w {
            case "-o": file = v
            case "--kind":
                guard let k = RunCharts.Kind(rawValue: v) else {
                    return .failure(.command("--kind is \(RunCharts.Kind.allCases.map(\.rawValue).joined(separator: ", ")), not '\(v)'", at: locate(v)))
                }
                kind = k
            case "--runs":
                guard let n = Int(v), n >= 1, n <= 10_000_000 else { return .failure(.command("--runs takes a count from 1 to 10000000, not '\(v)'", at: locate(v))) }
                fan.runs = n
            default:
                guard let s = UInt64(v) else { return .failure(.command("--seed takes a whole number, not '\(v)'", at: locate(v))) }
                fan.seed = s
            }
            i += 2
        }
        return .success((rest, kind, file, fan))
    }
}
