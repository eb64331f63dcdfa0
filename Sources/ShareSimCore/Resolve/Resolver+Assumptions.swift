extension Resolver {
    /// Keeps `q` as an assumed figure if it is a plain number tagged as an assumption; its
    /// index in `assumed`, for a change whose targets are known only once changes are ordered.
    @discardableResult
    mutating func assume(_ what: String, _ q: Quantity, tag: String?, as kind: FigureKind, value: Double,
                         targets: [ParameterTarget]) -> Int? {
        guard q.reference == nil, AssumedFigure.isAssumption(tag), let tag else { return nil }
        assumed.append(AssumedFigure(label: what, nominal: value, targets: targets, validRange: kind.validRange, location: q.location, tag: tag))
        return assumed.count - 1
    }

    /// The assumed figures, `param` lines with a plain value among them, each label ending
    /// with where it is written: `(line 26)` in the main file, `(base.scn:26)` in another.
    func closedAssumptions(parameters: [ScenarioParameter], mainFile: String?) -> [AssumedFigure] {
        var out = assumed.filter { !$0.targets.isEmpty }
        for (d, p) in zip(params, parameters) where p.distribution == nil && !p.targets.isEmpty {
            let tag = d.statement.value.tag ?? d.statement.tag
            guard AssumedFigure.isAssumption(tag), let tag else { continue }
            out.append(AssumedFigure(label: "param \(p.name)", nominal: p.nominal, targets: p.targets, validRange: p.validRange,
                                     location: d.statement.value.location, tag: tag))
        }
        var seen = Set<String>(minimumCapacity: out.count)
        for i in out.indices {
            let at = out[i].location
            out[i].label += at.file == mainFile ? " (line \(at.line))" : " (\(at.file):\(at.line))"
            // Two figures of one kind on one line (a change that names two buyer groups does
            // not make two): kept apart by their column.
            if !seen.insert(out[i].label).inserted { out[i].label += " col \(at.column)" }
        }
        return out
    }
}
