import ShareSimCore

/// One self-contained HTML file an analyst can mail: the scenario's question, a chart
/// per segment (and one for each view its expectations and observations measure, see
/// `MeasuredViews`), a comparison when given two runs, a Monte Carlo fan when the scenario has
/// uncertain parameters, the tables, the expectations with pass or fail, the sources, each
/// target's provenance in collapsible sections, and the plotted numbers as a CSV
/// download. Inline SVG and CSS only: no script, no network. The same inputs give the same
/// bytes; a time stamp appears only when the caller passes one.
public enum HTMLReport {
    /// A run as the report reads it: its name, result, and the text of its scenario file
    /// (for the question in its header comment), if it came from one.
    public struct Input: Sendable {
        public var name: String
        public var result: RunResult
        public var sourceText: String?
        public init(name: String, result: RunResult, sourceText: String?) {
            self.name = name
            self.result = result
            self.sourceText = sourceText
        }
    }

    public static func render(_ inputs: [Input], view: ChartView, fan: RunCharts.FanSettings = .init(), stamp: String? = nil,
                              threads: Int = ParallelWork.defaultThreads, hooks: OperationHooks = .none) throws(OperationError) -> String {
        guard let first = inputs.first else { throw RunCharts.refusal(Diagnostic(.error, "a report needs a run", at: nil)) }
        let s = first.result.scenario
        var body = HTMLBody()
        body.element("h1", s.name + (inputs.count == 2 ? " vs \(inputs[1].result.scenario.name)" : ""))
        body.raw("<p class=\"meta\">" + HTMLText.escape(ChartProvenance(scenarios: inputs.map(\.result.scenario)).text)
                 + (stamp.map { " · generated " + HTMLText.escape($0) } ?? "") + "</p>\n")
        for input in inputs {
            let question = input.sourceText.map(HTMLText.headerComment) ?? []
            guard !question.isEmpty else { continue }
            body.element("h2", inputs.count > 1 ? "The question: \(input.name)" : "The question")
            for block in question {
                switch block {
                case .paragraph(let p): body.element("p", p)
                case .code(let lines): body.raw("<pre><code>" + HTMLText.escape(lines.joined(separator: "\n")) + "</code></pre>\n")
                }
            }
        }

        var chartNumber = 0
        func figure(_ chart: Chart) {
            chartNumber += 1
            body.raw("<figure>\n" + SVGChart.render(chart, id: "c\(chartNumber)") + "</figure>\n")
        }
        for input in inputs {
            body.element("h2", "Charts" + (inputs.count > 1 ? ": \(input.name)" : ""))
            for segment in input.result.scenario.segments {
                var segmentView = view
                segmentView.segment = segment.id
                figure(try RunCharts.make(.lines, runs: [(input.name, input.result)], view: segmentView))
            }
            for measured in MeasuredViews.of(input.result.scenario, besides: view) {
                figure(try RunCharts.make(.lines, runs: [(input.name, input.result)], view: measured))
            }
        }
        if inputs.count == 2 {
            body.element("h2", "Comparison")
            figure(try RunCharts.make(.compare, runs: inputs.map { ($0.name, $0.result) }, view: view))
        }
        for input in inputs where input.result.scenario.parameters.contains(where: \.isUncertain) {
            body.element("h2", "Uncertainty: \(input.name)")
            figure(try RunCharts.make(.fan, runs: [(input.name, input.result)], view: view, fan: fan, threads: threads, hooks: hooks))
        }

        body.element("h2", "Tables")
        for input in inputs {
            let table = TableReport(metric: view.metric, grouping: view.grouping, width: 100).render(input.result)
            body.raw("<pre>" + HTMLText.escape(table) + "</pre>\n")
            for measured in MeasuredViews.of(input.result.scenario, besides: view) {
                let table = TableReport(metric: measured.metric, grouping: measured.grouping, width: 100, segment: measured.segment)
                body.raw("<pre>" + HTMLText.escape(table.render(input.result)) + "</pre>\n")
            }
        }
        expectations(inputs, into: &body)
        sources(inputs, into: &body)
        provenance(inputs, into: &body)

        let csv = CSVReport.render(inputs.map { ($0.name, $0.result) }, grouping: view.grouping)
        body.element("h2", "Data")
        body.raw("<p><a download=\"\(HTMLText.escape(first.name)).csv\" href=\"\(HTMLText.dataURL(csv, type: "text/csv"))\">"
                 + "Download the plotted numbers (CSV, every step, by \(view.grouping.title))</a></p>\n")
        return document(title: s.name, body: body.text)
    }

    private static func expectations(_ inputs: [Input], into body: inout HTMLBody) {
        let all = inputs.flatMap { input in ExpectationChecker.check(input.result).map { (input, $0) } }
        guard !all.isEmpty else { return }
        body.element("h2", "Expectations")
        body.raw("<table>\n<tr><th>result</th>\(inputs.count > 1 ? "<th>run</th>" : "")<th>expectation</th><th>found</th><th>where</th></tr>\n")
        for (input, o) in all {
            let timeline = input.result.scenario.timeline
            body.raw("<tr class=\"\(o.passed ? "pass" : "fail")\"><td>\(o.passed ? "pass" : "FAIL")</td>"
                     + (inputs.count > 1 ? "<td>\(HTMLText.escape(input.name))</td>" : "")
                     + "<td>\(HTMLText.escape(o.expectation.text))</td>"
                     + "<td>\(HTMLText.escape(ExpectationChecker.describe(o.found, for: o.expectation))) at \(timeline.label(ofStep: o.step))</td>"
                     + "<td>\(HTMLText.escape(o.expectation.location.file)):\(o.expectation.location.line)</td></tr>\n")
        }
        body.raw("</table>\n")
    }

    private static func sources(_ inputs: [Input], into body: inout HTMLBody) {
        body.element("h2", "Sources")
        for input in inputs {
            let items = input.result.scenario.provenance
            if inputs.count > 1 { body.element("h3", input.name) }
            guard !items.isEmpty else { body.element("p", "No figure carries a source tag."); continue }
            body.raw("<table>\n<tr><th>figure</th><th>value</th><th>source</th><th>where</th></tr>\n")
            for p in items {
                body.raw("<tr><td>\(HTMLText.escape(p.subject))</td><td>\(HTMLText.escape(p.value))</td>"
                         + "<td>\(p.tag.map { HTMLText.escape($0) } ?? "<em>no source</em>")</td>"
                         + "<td>\(HTMLText.escape(p.location.file)):\(p.location.line)</td></tr>\n")
            }
            body.raw("</table>\n")
        }
    }

    /// Each parameter, segment, vendor and event with what sets it, as `explain` lists it.
    private static func provenance(_ inputs: [Input], into body: inout HTMLBody) {
        body.element("h2", "Where each value comes from")
        for input in inputs {
            let s = input.result.scenario
            if inputs.count > 1 { body.element("h3", input.name) }
            for p in s.parameters {
                let unit = p.unit(in: s)
                body.raw("<details><summary>parameter \(HTMLText.escape(p.name)) = \(HTMLText.escape(ValueText.label(p.nominal, like: unit)))"
                         + (p.distribution.map { " ~ " + HTMLText.escape($0.text(in: unit)) } ?? "") + "</summary>\n")
                body.element("p", "declared at \(p.location.file):\(p.location.line); sets \(NumberText.counted(p.targets.count, "figure"))")
                body.raw("</details>\n")
            }
            for target in Explanation.targets(of: s) {
                let e = Explanation(target, in: s)
                guard !e.figures.isEmpty || !e.changes.isEmpty else { continue }
                body.raw("<details><summary>\(Self.noun(target)) \(HTMLText.escape(e.name))</summary>\n<ul>\n")
                for p in e.figures {
                    body.raw("<li>\(HTMLText.escape(p.subject)) = \(HTMLText.escape(p.value)) "
                             + "<span class=\"where\">\(HTMLText.escape(p.location.file)):\(p.location.line)</span>"
                             + (p.tag.map { " [\(HTMLText.escape($0))]" } ?? "") + "</li>\n")
                }
                for c in e.changes {
                    body.raw("<li>\(HTMLText.escape(Explanation.describe(c, timeline: s.timeline)))"
                             + (c.origin.map { " <span class=\"where\">\(HTMLText.escape($0.file)):\($0.line)</span>" } ?? "") + "</li>\n")
                }
                body.raw("</ul>\n</details>\n")
            }
        }
    }

    private static func noun(_ t: Explanation.Target) -> String {
        switch t {
        case .vendor: return "vendor"
        case .segment: return "segment"
        case .origin: return "origin"
        case .channel: return "channel"
        case .event: return "event"
        }
    }

    private static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escape(title))</title>
        <style>
        \(stylesheet)
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    static let stylesheet = """
        body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; color: #222; max-width: 1000px; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
        h1 { font-size: 1.6em; margin-bottom: 0.2em; }
        h2 { font-size: 1.25em; border-bottom: 1px solid #ccc; padding-bottom: 0.2em; margin-top: 2em; }
        .meta, .where { color: #555; font-size: 0.9em; }
        figure { margin: 1em 0; }
        figure svg { max-width: 100%; height: auto; }
        pre { font-size: 0.85em; overflow-x: auto; background: #f6f6f6; padding: 0.6em; }
        table { border-collapse: collapse; font-size: 0.9em; margin: 0.5em 0; }
        th, td { text-align: left; padding: 0.2em 0.6em; border-bottom: 1px solid #e3e3e3; vertical-align: top; }
        td:last-child { white-space: nowrap; }
        tr.pass td:first-child { color: #006b3c; font-weight: bold; }
        tr.fail td:first-child { color: #b00020; font-weight: bold; }
        details { margin: 0.3em 0; }
        summary { cursor: pointer; }
        @media print {
          body { max-width: none; margin: 0; font-size: 10pt; }
          figure, table, pre, details { break-inside: avoid; }
          h2 { break-after: avoid; }
          a[download] { display: none; }
        }
        """
}

/// The report's body as it is written, element by element, escaped.
struct HTMLBody {
    private(set) var text = ""
    mutating func element(_ name: String, _ content: String) { text += "<\(name)>\(HTMLText.escape(content))</\(name)>\n" }
    mutating func raw(_ s: String) { text += s }
}
