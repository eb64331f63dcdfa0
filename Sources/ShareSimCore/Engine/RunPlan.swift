import Foundation

/// A scenario resolved for the step loops: for each segment its members, their base utility
/// and initial installed base, its buyer weights, and the ramps its changes start, all in
/// flat lists that a workspace keeps from run to run. Names are looked up here, once per
/// run (once per batch where runs differ only in parameters: see `PlannedRuns`), so that
/// the step loops only ever see indices.
struct RunPlan {
    var segments: [SegmentPlan] = []
    var members = ScratchList<Int>()
    var base = ScratchList<Double>()
    var initial = ScratchList<Double>()
    /// Members' initial shares `σ` (0 where none is declared), kept so that a parameter
    /// setting the segment's size can recompute `σ·Z`.
    var shares = ScratchList<Double>()
    var weights = ScratchList<Double>()
    var events = ScratchList<RampEvent>()
    var entries = ScratchList<Int>()
    /// Doubles the run's figures take.
    private(set) var outputCount = 0
    /// Doubles the per-group and per-channel figures take, for segments whose step loop writes them.
    private(set) var detailCount = 0
    /// Per scenario vendor, its member index in the segment being planned, or -1.
    private var column = ScratchList<Int>()
    /// Vendor ids and their indices, kept while a batch's runs share their vendors.
    private var vendorIDs: [String] = []
    private var vendorIndex: [String: Int] = [:]

    mutating func build(_ scenario: ResolvedScenario) {
        segments.removeAll(keepingCapacity: true)
        members.removeAll(); base.removeAll(); initial.removeAll(); shares.removeAll()
        weights.removeAll(); events.removeAll(); entries.removeAll()
        indexVendors(scenario.vendors)
        let steps = scenario.timeline.steps, dt = scenario.timeline.step.years
        var output = 0, detail = 0
        for segment in scenario.segments {
            let members = addMembers(segment, vendors: scenario.vendors)
            let layout = ParameterLayout(vendorCount: members.count, buyerCount: segment.buyers.count,
                                         channelCount: 1 + scenario.channels.count)
            let firstWeight = weights.count
            for group in segment.buyers { weights.append(group.weight) }
            let firstEvent = events.count
            var shifts = false, trends = false, channels = false
            for (c, change) in scenario.changes.enumerated() where change.at < steps && change.segment == segment.id {
                guard addEvent(change, index: c, segment: segment, channels: scenario.channels, layout: layout,
                               firstEvent: firstEvent, steps: steps) else { continue }
                shifts = shifts || change.field == .shift
                trends = trends || change.field == .trend
                channels = channels || change.field == .friction || change.channel != nil
            }
            segments.append(SegmentPlan(
                layout: layout, members: members, weights: firstWeight..<weights.count,
                events: firstEvent..<events.count, utilityMoves: shifts || trends, trendMoves: trends, usesChannels: channels,
                replacement: min(1.0, dt / segment.lifetime), growth: segment.growth, size: segment.size, output: output,
                detail: detail))
            output += SegmentPlan.outputCount(steps: steps, vendors: members.count)
            detail += SegmentPlan.detailCount(steps: steps, vendors: members.count, buyers: layout.buyerCount,
                                              channels: layout.channelCount)
        }
        outputCount = output
        detailCount = detail
    }

    func deallocate() {
        members.deallocate(); base.deallocate(); initial.deallocate(); shares.deallocate(); weights.deallocate()
        events.deallocate(); entries.deallocate(); column.deallocate()
    }

    /// Rebuilds the id index only when the vendors differ from the last run's; comparing
    /// the ids costs far less than hashing them.
    private mutating func indexVendors(_ vendors: [Vendor]) {
        guard !vendors.elementsEqual(vendorIDs, by: { $0.id == $1 }) else { return }
        vendorIDs = vendors.map(\.id)
        vendorIndex.removeAll(keepingCapacity: true)
        for (i, id) in vendorIDs.enumerated() where vendorIndex[id] == nil { vendorIndex[id] = i }
    }

    /// The vendors with an initial share or an appeal, in declaration order (MODEL.md
    /// "Entities"); `α = ln σ` when `σ > 0`, else the appeal.
    private mutating func addMembers(_ segment: Segment, vendors: [Vendor]) -> Range<Int> {
        let first = members.count
        let column = column.resize(vendors.count)
        for (i, vendor) in vendors.enumerated() {
            column[i] = -1
            let sigma = segment.initial[vendor.id]
            let alpha: Double
            if let sigma, sigma > 0 {
                alpha = Foundation.log(sigma)
            } else if let appeal = segment.appeal[vendor.id] {
                alpha = appeal
            } else if sigma != nil {
                alpha = -.infinity
            } else {
                continue
            }
            column[i] = members.count - first
            members.append(i)
            base.append(alpha)
            shares.append(sigma ?? 0)
            initial.append((sigma ?? 0) * segment.size)
        }
        return first..<members.count
    }

    /// The change's ramp on the parameter entries it sets, and with `until` the ramp back,
    /// each inserted after the segment's events that start no later; false when it sets
    /// none, because the vendor, buyer group or channel it names takes no part in the segment.
    private mutating func addEvent(_ change: Change, index: Int, segment: Segment, channels: [Channel], layout: ParameterLayout,
                                   firstEvent: Int, steps: Int) -> Bool {
        let first = entries.count
        let c = change.channel.map { id in channels.firstIndex(where: { $0.id == id }).map { $0 + 1 } ?? -1 } ?? 0
        if change.field == .growth {
            entries.append(layout.growth)
        } else if c >= 0, let id = change.vendor, let i = vendorIndex[id], column[i] >= 0 {
            let j = column[i]
            switch change.field {
            case .shift: entries.append(layout.shift(j))
            case .trend: entries.append(layout.trend(j))
            case .friction: entries.append(layout.friction(c, j))
            case .access:
                if let buyer = change.buyer {
                    if let b = segment.buyers.firstIndex(where: { $0.id == buyer }) { entries.append(layout.access(c, b, j)) }
                } else {
                    for b in 0..<layout.buyerCount { entries.append(layout.access(c, b, j)) }
                }
            case .growth: break
            }
        }
        guard entries.count > first else { return false }
        let range: ClosedRange<Double> = switch change.field {
        case .access: 0...1
        case .growth: -1...Double.infinity
        case .shift, .trend, .friction: -Double.infinity...Double.infinity
        }
        let ends = change.until.map { $0 < steps } ?? false
        insert(RampEvent(at: change.at, to: change.value, operation: change.operation, range: range, over: max(1, change.over),
                         firstEntry: first, entryCount: entries.count - first, change: index, role: ends ? .saves : .plain),
               after: firstEvent)
        if ends, let until = change.until {
            insert(RampEvent(at: until, to: 0, operation: .to, range: range, over: max(1, change.over), firstEntry: first,
                             entryCount: entries.count - first, change: index, role: .restores), after: firstEvent)
        }
        return true
    }

    /// Appends the event and moves it before the events after it in order of `at`, ties in
    /// the order their changes were written (an ending counts as written where its change was).
    private mutating func insert(_ event: RampEvent, after firstEvent: Int) {
        events.append(event)
        var e = events.count - 1
        while e > firstEvent && (events[e - 1].at, events[e - 1].change) > (events[e].at, events[e].change) {
            let later = events[e - 1]
            events[e - 1] = events[e]
            events[e] = later
            e -= 1
        }
    }
}
