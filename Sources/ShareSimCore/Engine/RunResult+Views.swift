import Synchronization

extension RunResult {
    /// The measure for `keys` summed within `view` (and within `buyer` for the buyer view),
    /// over `segments` (their figures summed before dividing), at `step`. Every share any
    /// report, expectation, observation or outcome takes goes through here, so that a view
    /// means the same everywhere (MODEL.md "What a run reports"). Growth measures are
    /// levels taken at two steps: ask for `installed` or `sales` at each.
    public func value(of measure: Metric, view: ShareView, keys: [String], buyer: String?,
                      segments: [String], step: Int) -> Double {
        let source = needsDetails(view) ? detailed() : self
        let amount: SeriesMetric = measure == .sales || measure == .salesShare ? .sales : .installed
        var part = 0.0, whole = 0.0
        for series in source.segments where segments.contains(scenario.segments[series.segmentIndex].id) {
            source.figures(of: series, view: view, buyer: buyer, amount: amount, step: step) { key, x in
                whole += x
                if keys.contains(key) { part += x }
            }
        }
        return measure.isShare ? (whole > 0 ? part / whole : 0) : part
    }

    /// The keys of a view in segment `s` (see `ResolvedScenario.keys(of:segment:)`).
    public func keys(of view: ShareView, segment s: Int) -> [String] {
        scenario.keys(of: view, segment: segments[s].segmentIndex)
    }

    /// This run with every segment's per-group and per-channel figures; the same figures.
    /// A run whose segments all ran `StepLoop` kept none, and is run again once to get them.
    package func detailed() -> RunResult {
        if segments.allSatisfy({ $0.details != nil }) { return self }
        return detailCache.value.withLock { cached in
            if let cached { return cached }
            // Nothing can cancel this run, so it cannot throw.
            let run = try! EngineWorkspace().memory.run(scenario, detailed: true, isCancelled: nil)
            cached = run
            return run
        }
    }

    private func needsDetails(_ view: ShareView) -> Bool {
        view == .buyer || (!scenario.channels.isEmpty && (view == .channel || view == .recorded))
    }

    /// Calls `body` with each figure of the view at step `k` and its key, in the order sums
    /// take them: members in declaration order, and within each its channels in order.
    private func figures(of series: SegmentSeries, view: ShareView, buyer: String?, amount: SeriesMetric, step k: Int,
                         _ body: (String, Double) -> Void) {
        let vendors = series.vendors.map { scenario.vendors[$0] }
        switch view {
        case .vendor:
            for j in vendors.indices { body(vendors[j].id, series.value(amount, step: k, member: j)) }
        case .origin:
            for j in vendors.indices { body(vendors[j].origin, series.value(amount, step: k, member: j)) }
        case .channel, .recorded:
            // With no channel declared, every sale is direct and recorded under its brand's origin.
            guard series.details != nil, !scenario.channels.isEmpty else {
                for j in vendors.indices {
                    body(view == .channel ? Channel.direct : vendors[j].origin, series.value(amount, step: k, member: j))
                }
                return
            }
            for j in vendors.indices {
                for c in 0...scenario.channels.count {
                    let channel = c == 0 ? nil : scenario.channels[c - 1]
                    let key = view == .channel ? channel?.id ?? Channel.direct : channel?.records ?? vendors[j].origin
                    body(key, series.amount(amount, step: k, member: j, channel: c))
                }
            }
        case .buyer:
            guard let buyer, let b = scenario.segments[series.segmentIndex].buyers.firstIndex(where: { $0.id == buyer }) else { return }
            for j in vendors.indices { body(vendors[j].id, series.amount(amount, step: k, member: j, buyer: b)) }
        }
    }
}

/// Where a run keeps the run with every segment's details once one was asked for.
final class DetailCache: Sendable {
    let value = Mutex<RunResult?>(nil)
}
