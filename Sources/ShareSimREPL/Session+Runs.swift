import ShareSimCore

/// Running the scenario and looking at runs: run, runs, show, export, timing.
extension Session {
    func run(_ args: [String]) -> Reply {
        var name: String?
        if !args.isEmpty {
            guard args.count == 2, args[0] == "as", !args[1].isEmpty else { return failure("usage: run [as NAME]\n  example: run as late-easing", word: args.first, status: .usage) }
            // One word, so `compare A B` and `show NAME` can tell runs apart.
            guard !args[1].contains(where: { $0.isWhitespace || $0 == "," }) else {
                return failure("a run's name is one word, without spaces or commas, e.g. 'run as late-easing'", word: args[1], status: .usage)
            }
            name = args[1]
        }
        let started = env.clock()
        let loaded: ScenarioLoader.Loaded
        switch resolve() {
        case .failure(let error): return Reply(error: render(error), failed: true, status: error.isUnreadableFile ? .noInput : .dataError)
        case .success(let l): loaded = l
        }
        let resolvedAt = env.clock()
        // An unnamed run takes the first free name; a named one replaces its namesake, saying so.
        let runName = name ?? ((runs.count + 1)...).lazy.map { "run\($0)" }.first { !self.runNames.contains($0) }!
        let replaces = runNames.contains(runName)
        // The run polls for Ctrl-C; the table cannot, so both run off this thread while it
        // polls (see `cancellable`).
        let (env, scenario, sources) = (self.env, loaded.scenario, loaded.sources)
        guard !env.isCancelled(), let (result, ranAt, body) = cancellable({ isAbandoned -> (RunResult, Double, String)? in
            guard let run = try? RunRequest(scenario: scenario, checksExpectations: true).perform(OperationHooks(isCancelled: isAbandoned)) else {
                return nil
            }
            let ranAt = env.clock()
            guard !isAbandoned() else { return nil }
            var out = TableReport(width: env.width).render(run.result, title: "\(runName): \(run.result.scenario.name)")
            if !run.expectations.isEmpty {
                let failed = run.failedExpectations
                out += "\nexpect: \(run.expectations.count - failed.count) passed, \(failed.count) failed\n"
                for o in failed {
                    out += DiagnosticPrinter(useColor: env.color).render(ExpectationChecker.diagnostic(o, timeline: scenario.timeline), sources: sources)
                }
            }
            if !run.checks.isEmpty {
                let failed = run.failedChecks
                out += "\nobserve: \(NumberText.counted(run.checks.count - failed.count, "check")) passed, \(failed.count) failed\n"
                for o in failed {
                    out += DiagnosticPrinter(useColor: env.color).render(ObservationChecker.diagnostic(o, timeline: scenario.timeline), sources: sources)
                }
            }
            return (run.result, ranAt, out)
        }) ?? nil else {
            return Reply(error: "run cancelled\n")
        }
        lastRun = result
        runs.removeAll { $0.name == runName }
        runs.append((runName, result))
        var out = body
        if replaces { out += "replaced run \(runName)\n" }
        if timing {
            out += "time: resolve \(ms(resolvedAt - started)), run \(ms(ranAt - resolvedAt)), total \(ms(env.clock() - started))\n"
        }
        return Reply(output: out)
    }

    private func ms(_ seconds: Double) -> String { NumberText.fixed(seconds * 1000, decimals: 2) + " ms" }

    func listRuns() -> Reply {
        guard !runs.isEmpty else { return Reply(output: "no runs yet; 'run' or 'run as NAME' makes one\n") }
        let width = max(4, runs.map(\.name.count).max() ?? 4)
        var out = ""
        for r in runs {
            let s = r.result.scenario
            out += r.name.padding(width) + "  \(s.name) (\(s.timeline.steps) \(s.timeline.step.rawValue)s, \(NumberText.counted(s.changes.count, "change")))\n"
        }
        return Reply(output: out)
    }

    /// The run a view is about: named, or the last one.
    func pickRun(_ o: ViewOptions) -> Result<(String, RunResult), Diagnostic> {
        if let name = o.runs.first, let r = runs.first(where: { $0.name == name }) { return .success((name, r.result)) }
        if let last = runs.last { return .success(last) }
        return .failure(diagnostic("no runs yet; type 'run' first"))
    }

    func show(_ args: [String]) -> Reply {
        switch ViewOptions.parse(args, runNames: runNames, scenario: runs.last?.result.scenario, locate: location(of:)) {
        case .failure(let p): return failure(p, status: .usage)
        case .success(let o):
            switch pickRun(o) {
            case .failure(let p): return failure(p, status: .usage)
            case .success(let (name, result)):
                switch o.steps(in: result.scenario.timeline, locate: location(of:)) {
                case .failure(let p): return failure(p, status: .usage)
                case .success(let steps):
                    let segments = result.scenario.segments.indices.filter { o.segment == nil || result.scenario.segments[$0].id == o.segment }
                    guard segments.contains(where: { s in result.rows(segment: s, by: o.grouping).contains { o.keeps(name: $0.name, origin: $0.origin) } }) else {
                        return failure(o.noneSell(in: o.segment, scenario: result.scenario), word: o.names.first, status: .usage)
                    }
                    let table = TableReport(metric: o.metric, grouping: o.grouping, steps: steps, width: env.width, segment: o.segment, only: o.names)
                    guard let text = cancellable({ _ in table.render(result, title: "\(name): \(result.scenario.name)") }) else {
                        return Reply(error: "show cancelled\n")
                    }
                    return Reply(output: text)
                }
            }
        }
    }

    func export(_ args: [String]) -> Reply {
        guard args.count == 2 || args.count == 3, args[0] == "csv" || args[0] == "json" else {
            return failure("usage: export csv|json FILE [RUN]\n  example: export csv easing.csv baseline", word: args.first, status: .usage)
        }
        let chosen: (String, RunResult)
        if args.count == 3 {
            guard let r = runs.first(where: { $0.name == args[2] }) else {
                return failure("no run named '\(args[2])'", word: args[2], suggestion: Suggestions.closest(to: args[2], in: runNames), status: .usage)
            }
            chosen = r
        } else {
            guard let last = runs.last else { return failure("no runs yet; type 'run' first", status: .usage) }
            chosen = last
        }
        let text = args[0] == "csv" ? CSVReport.render([chosen], grouping: .vendor) : JSONReport.render([chosen], grouping: .vendor)
        do {
            try env.writeFile(text, expandingTilde(args[1]))
        } catch {
            return failure("cannot write '\(args[1])': \(error.localizedDescription)", word: args[1], status: .cannotWrite)
        }
        return Reply(output: "wrote \(chosen.0) as \(args[0].uppercased()) to \(args[1])\n")
    }

    func setTiming(_ args: [String]) -> Reply {
        guard args.count == 1, args[0] == "on" || args[0] == "off" else { return failure("usage: timing on|off", word: args.first, status: .usage) }
        timing = args[0] == "on"
        return Reply(output: "timing is \(args[0])\n")
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
