/// Turns statements into MODEL.md's data: overlays merged, dates turned into steps,
/// selectors into vendors, units into numbers. It reports every problem it finds.
///
/// A scenario is read in layers: the file given, then (at the REPL) the session's edits.
/// `use "other.scn"` inlines another file as a layer of its own. A name declared again in
/// a later layer changes the earlier declaration; declared twice in one layer, it is an error.
package struct Resolver {
    /// A file's statements; `id` tells layers apart for the redeclaration rule.
    package struct Layer: Sendable {
        package var file: SourceFile
        package var statements: [Statement]
        /// Statements the parser left out; names they meant to declare are not reported missing.
        package var unreadable: [UnreadableStatement]
        package init(file: SourceFile, statements: [Statement], unreadable: [UnreadableStatement] = []) {
            self.file = file
            self.statements = statements
            self.unreadable = unreadable
        }
    }

    /// Reads the file that `use` names; `relativeTo` is the path of the file that says `use`.
    /// A file that was read comes with its parse errors, if any, so that they are reported
    /// together with the resolver's; a failure carries the diagnostics and the sources to quote them.
    package typealias UseLoader = (_ path: String, _ relativeTo: String) -> Result<(layer: Layer, parseErrors: [Diagnostic]), ScenarioError>

    /// Reads the CSV file an `observe from` names; `relativeTo` is the path of the file that names it.
    package typealias ObservationReader = @Sendable (_ path: String, _ relativeTo: String) -> Result<SourceFile, ScenarioError>

    /// Deeper than this, `use` is taken to loop through paths that name one file differently.
    static let maxUseDepth = 64

    var diagnostics = DiagnosticBag()
    var sources: [String: SourceFile] = [:]
    let loadUse: UseLoader
    let readObservations: ObservationReader
    var useStack: [String] = []
    /// Once a used file cannot be read, what follows it would only report its absence again.
    var useFailed = false
    /// Files already applied through `use`.
    var usedFiles = Set<String>()
    /// A used file that could not be read makes the whole scenario unreadable (exit 66).
    var usedFileUnreadable = false

    var name: String?
    var timeline: (Timeline, SourceLocation)?
    /// A timeline was written but is wrong: its error is reported once, not again at every date.
    var timelineFailed = false
    /// "Dated before the timeline" errors, kept until the end: if there is no timeline at
    /// all, its absence is the one error to report.
    var datedBeforeTimeline: [Diagnostic] = []
    var unreadable: [UnreadableStatement] = []
    var statementsRead = 0
    var vendors: [VendorDecl] = []
    var segments: [SegmentDecl] = []
    var events: [EventDecl] = []
    /// Where each vendor and event is in `vendors` and `events` by name, and, while changes
    /// are built, the scenario's vendors by id and origin and each segment's members: a
    /// search of the lists per declaration and per change made resolving quadratic (80,000
    /// events took 15 s).
    var vendorPositions: [String: Int] = [:]
    var eventPositions: [String: Int] = [:]
    var vendorLookup: VendorLookup?
    var membersBySegment: [String: Set<String>] = [:]
    var expectations: [ExpectStatement] = []
    var channels: [ChannelDecl] = []
    /// Like expectations, observations are taken from the top layers only.
    var observeStatements: [ObserveStatement] = []
    var provenance: [Provenance] = []
    /// Plain numbers tagged as assumptions, as they are built (see `AssumedFigure`).
    var assumed: [AssumedFigure] = []
    /// `param` declarations, in declaration order; then, while building, every parameter.
    var params: [ParamDecl] = []
    var slots: [ParamSlot] = []
    /// Notes added to every error reported while set: "'leakage' is 8y, declared at …".
    var extraNotes: [String] = []

    package init(loadUse: @escaping UseLoader, readObservations: @escaping ObservationReader = Resolver.noObservationFiles) {
        self.loadUse = loadUse
        self.readObservations = readObservations
    }

    /// Where no file can be read, an `observe from` is refused.
    package static let noObservationFiles: ObservationReader = { path, _ in
        .failure(ScenarioError([Diagnostic(.error, "cannot read \"\(path)\" here", at: nil)], sources: [:]))
    }

    /// Resolves the layers; expectations are taken from these layers only, not from files
    /// they `use`: a used file supplies a world, and its tests are claims about that world.
    package mutating func resolve(_ layers: [Layer]) throws(ScenarioError) -> ResolvedScenario {
        for layer in layers {
            sources[layer.file.path] = layer.file
            useStack = [layer.file.path]
            apply(layer, depth: 0)
            if useFailed {
                throw ScenarioError(diagnostics.items.sorted(by: Resolver.byLocation), sources: sources, isUnreadableFile: usedFileUnreadable)
            }
        }
        let resolved = build(mainFile: layers.first?.file)
        if diagnostics.hasErrors || resolved == nil {
            throw ScenarioError(diagnostics.items.sorted(by: Resolver.byLocation), sources: sources)
        }
        return resolved!
    }

    /// Warnings collected on a successful resolve.
    package var warnings: [Diagnostic] { diagnostics.items.filter { $0.severity == .warning } }
    package var sourceFiles: [String: SourceFile] { sources }

    static func byLocation(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        switch (a.location, b.location) {
        case let (x?, y?): return x < y
        case (nil, _?): return true
        default: return false
        }
    }

    /// An error that only says the scenario is not finished yet.
    mutating func missing(_ message: String, at loc: SourceLocation, help: String? = nil) {
        var d = Diagnostic(.error, message, at: loc, help: help.map { [$0] } ?? [])
        d.marksIncompleteScenario = true
        diagnostics.add(d)
    }

    mutating func error(_ message: String, at loc: SourceLocation, help: String? = nil, notes: [String] = []) {
        diagnostics.add(Diagnostic(.error, message, at: loc, notes: notes + extraNotes, help: help.map { [$0] } ?? []))
    }

    /// Whether a statement left out by the parser was a `keyword` statement, about `name` if given.
    func wasUnreadable(_ keyword: String, _ name: String? = nil) -> Bool {
        unreadable.contains { $0.keyword == keyword && (name == nil || $0.name == name) }
    }

    private mutating func apply(_ layer: Layer, depth: Int) {
        let layerID = layer.file.path
        unreadable += layer.unreadable
        statementsRead += layer.statements.count
        // Sized for every statement being an event: a generated file is nearly all events,
        // and growing by doubling rehashed 400,000 names again and again.
        events.reserveCapacity(events.count + layer.statements.count)
        eventPositions.reserveCapacity(eventPositions.count + layer.statements.count)
        if wasUnreadable("timeline") { timelineFailed = true }
        for statement in layer.statements where !useFailed {
            switch statement {
            case .use(let path, let loc):
                use(path, at: loc, from: layer.file.path, depth: depth)
            case .scenario(let n, _):
                name = n
            case .timeline(let start, let end, let step, let loc):
                declareTimeline(start: start, end: end, step: step, at: loc)
            case .vendor(let n, let origin, _):
                declareVendor(n, origin: origin, layer: layerID)
            case .segment(let s):
                declareSegment(s, layer: layerID)
            case .buyers(let seg, let groups, _, let tag):
                setBuyers(seg, groups, tag: tag)
            case .share(let seg, let date, let entries, let loc, let tag):
                setShares(seg, date: date, entries, at: loc, tag: tag)
            case .appeal(let seg, let entries, _, let tag):
                setAppeal(seg, entries, tag: tag)
            case .event(let e):
                declareEvent(e, layer: layerID)
            case .dropEvent(let n, _):
                dropEvent(n)
            case .moveEvent(let n, let date, _):
                moveEvent(n, to: date)
            case .expect(let e):
                if depth == 0 { expectations.append(e) }
            case .param(let p):
                declareParam(p, layer: layerID)
            case .channel(let c):
                declareChannel(c, layer: layerID)
            case .observe(let o):
                if depth == 0 { observeStatements.append(o) }
            }
        }
    }

    private mutating func use(_ path: String, at loc: SourceLocation, from: String, depth: Int) {
        guard depth < Resolver.maxUseDepth else {
            error("\"\(path)\" is used \(Resolver.maxUseDepth) files deep", at: loc,
                  help: "a file cannot use itself, directly or through others; check for a path that names it differently",
                  notes: ["the chain starts \(useStack.prefix(4).joined(separator: " → ")) → …"])
            useFailed = true
            return
        }
        func report(_ ds: [Diagnostic]) {
            for var d in ds {
                if d.location == nil { d.location = loc } else { d.notes.append("in \"\(path)\", used at \(loc.description)") }
                diagnostics.add(d)
            }
        }
        switch loadUse(path, from) {
        case .failure(let failure):
            report(failure.diagnostics)
            sources.merge(failure.sources) { a, _ in a }
            useFailed = true
            usedFileUnreadable = failure.isUnreadableFile
        case .success(let (layer, parseErrors)):
            if useStack.contains(layer.file.path) {
                let cycle = (useStack + [layer.file.path]).joined(separator: " → ")
                error("cyclic use of \"\(path)\"", at: loc, help: "a file cannot use itself, directly or through others", notes: ["the chain is \(cycle)"])
                useFailed = true
                return
            }
            // A file reached twice (used twice, or by two files that both use it) is applied
            // once, as an include guard would: applying it again would only redeclare its names.
            guard usedFiles.insert(layer.file.path).inserted else {
                diagnostics.add(Diagnostic(.warning, "\"\(path)\" is already used; this use changes nothing", at: loc))
                return
            }
            report(parseErrors)
            sources[layer.file.path] = layer.file
            useStack.append(layer.file.path)
            apply(layer, depth: depth + 1)
            useStack.removeLast()
        }
    }

    private mutating func declareTimeline(start: DateLiteral, end: DateLiteral, step: Name, at loc: SourceLocation) {
        if let (_, first) = timeline, first.file == loc.file {
            error("the timeline is declared twice", at: loc, help: "keep one; a file that uses this one may declare its own",
                  notes: ["first declared at \(first.description)"])
            return
        }
        timelineFailed = true
        guard let kind = StepKind(word: step.text) else {
            error("unknown step length '\(step.text)'", at: step.location,
                  help: Suggestions.didYouMean(step.text, in: ["monthly", "quarterly", "yearly"]) ?? "use monthly, quarterly or yearly")
            return
        }
        if start.day.map({ $0 != 1 }) == true {
            error("a timeline starts on the first day of a month", at: start.location, help: "write the month: \(start.text.prefix(7))")
            return
        }
        let first = CalendarMonth(year: start.year, month: start.month ?? 1)
        let last = CalendarMonth(year: end.year, month: end.month ?? 12)
        guard last >= first else {
            error("the timeline ends (\(end.text)) before it starts (\(start.text))", at: end.location,
                  help: "swap the dates: timeline \(end.text) to \(start.text) \(step.text)")
            return
        }
        let partial = Timeline(start: first, step: kind, steps: 0)
        let steps = partial.step(containing: last) + 1
        guard steps <= 1_000_000 else {
            error("the timeline has \(steps) steps; at most 1,000,000 are allowed", at: loc, help: "use a longer step (quarterly or yearly)")
            return
        }
        timelineFailed = false
        timeline = (Timeline(start: first, step: kind, steps: steps), loc)
    }

    /// The step a date falls in, or an error if it lies outside the timeline.
    mutating func step(of date: DateLiteral, what: String) -> Int? {
        guard let (t, _) = timeline else {
            if !timelineFailed {
                datedBeforeTimeline.append(.error("\(what) is dated, but no timeline has been declared yet", at: date.location,
                                                  help: "declare one first: timeline 2021-01 to 2027-12 monthly"))
            }
            return nil
        }
        guard let k = t.step(within: CalendarMonth(year: date.year, month: date.month ?? 1)) else {
            error("\(date.text) is outside the timeline (\(t.span))", at: date.location,
                  help: "move the date inside the timeline, or widen the timeline")
            return nil
        }
        return k
    }
}
