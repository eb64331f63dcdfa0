import ShareSimCore

/// The model the throughput figures are measured on: 50 vendors in each of 3 segments over
/// 10,000 monthly steps. Built directly as resolved data so that the figures measure the
/// engine and nothing in front of it (no parsing, no resolving).
enum BenchScenario {
    static let vendorCount = 50
    static let steps = 10_000
    /// The last vendors have no initial share: they enter later, through shifts.
    static let entrantCount = 3
    static let origins = ["US", "EU", "CN", "JP", "KR"]

    /// The markets with no change at all. Shares stay flat and the engine may reuse each
    /// step's sales shares, so this is an upper bound rather than the usual case.
    static func steady() -> ResolvedScenario {
        let vendors = (0..<vendorCount).map { Vendor(id: vendorID($0), origin: origins[$0 % origins.count]) }
        let segments = [
            segment("telecom", rotation: 0, lifetime: 8, growth: 0.03, size: 3e9,
                    buyers: [BuyerGroup(id: "state", weight: 0.2), BuyerGroup(id: "operators", weight: 0.6),
                             BuyerGroup(id: "enterprise", weight: 0.2)]),
            segment("cloud", rotation: 7, lifetime: 3, growth: 0.2, size: 5.5e8,
                    buyers: [BuyerGroup(id: "state", weight: 0.3), BuyerGroup(id: "business", weight: 0.7)]),
            // A flow market: lifetime below one step, so r = 1.
            segment("chips", rotation: 19, lifetime: 1.0 / 24, growth: 0.05, size: 2e10,
                    buyers: [BuyerGroup(id: "all", weight: 1)]),
        ]
        let timeline = Timeline(start: CalendarMonth(year: 2000, month: 1), step: .month, steps: steps)
        return ResolvedScenario(name: "bench: steady state", timeline: timeline, vendors: vendors, segments: segments, changes: [])
    }

    /// The realistic case: several buyer groups, sanctions and easings ramped in, entrants
    /// pushed in by shifts, growth changes, and trends that move some utility at every step
    /// of every segment, so the engine's reuse of unchanged sales shares never applies.
    static func changing() -> ResolvedScenario {
        var scenario = steady()
        scenario.name = "bench: changing every step"
        let changes = cyclingTrends() + policies()
        // Changes apply in order of `at`, ties in the order written (MODEL.md).
        scenario.changes = changes.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
        return scenario
    }

    static let channelCount = 3, buyerCount = 3

    /// `changing` with routes: every segment has three buyer groups, and brands reach them
    /// direct or through three declared channels (an intermediary recording HK, parallel
    /// import recording the brand, a localisation recording RU), which sanctions open with
    /// frictions, so every segment runs the full per-group, per-channel step loop.
    static func routed() -> ResolvedScenario {
        var scenario = changing()
        scenario.name = "bench: \(channelCount) channels, \(buyerCount) buyer groups"
        scenario.channels = [Channel(id: "via HK", records: "HK"), Channel(id: "parallel"), Channel(id: "localised", records: "RU")]
        let groups = [BuyerGroup(id: "state", weight: 0.2), BuyerGroup(id: "operators", weight: 0.6),
                      BuyerGroup(id: "enterprise", weight: 0.2)]
        for s in scenario.segments.indices { scenario.segments[s].buyers = groups }
        let ids = Set(groups.map(\.id))
        scenario.changes.removeAll { change in change.buyer.map { !ids.contains($0) } ?? false }
        var routes: [Change] = []
        for (s, segment) in ["telecom", "cloud", "chips"].enumerated() {
            for v in stride(from: s, to: vendorCount - entrantCount, by: 4) {
                let vendor = vendorID(v)
                routes.append(Change(at: 120 + 40 * s, segment: segment, vendor: vendor, buyer: nil, field: .access, value: 0.2, over: 12))
                routes.append(Change(at: 120 + 40 * s, segment: segment, vendor: vendor, buyer: nil, channel: "via HK",
                                     field: .access, value: 0.5, over: 6))
                routes.append(Change(at: 130 + 40 * s, segment: segment, vendor: vendor, buyer: nil, channel: "via HK",
                                     field: .friction, value: -0.2, over: 1))
                routes.append(Change(at: 200 + 40 * s, segment: segment, vendor: vendor, buyer: "operators", channel: "parallel",
                                     field: .access, operation: .by, value: 0.4, over: 12, until: 4000))
                routes.append(Change(at: 300, segment: segment, vendor: vendor, buyer: "state", channel: "localised",
                                     field: .access, value: 0.7, over: 24))
            }
        }
        let changes = scenario.changes + routes
        scenario.changes = changes.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
        return scenario
    }

    static func vendorID(_ i: Int) -> String { "V" + (i < 10 ? "0" : "") + String(i) }

    /// Incumbents' shares fall off as 1/rank; `rotation` makes each segment's leader a different vendor.
    private static func segment(_ id: String, rotation: Int, lifetime: Double, growth: Double, size: Double,
                                buyers: [BuyerGroup]) -> Segment {
        let incumbents = vendorCount - entrantCount
        let weights = (0..<incumbents).map { 1.0 / Double(1 + ($0 + rotation) % incumbents) }
        let total = weights.reduce(0, +)
        var initial: [String: Double] = [:], appeal: [String: Double] = [:]
        for i in 0..<incumbents { initial[vendorID(i)] = weights[i] / total }
        for i in incumbents..<vendorCount { appeal[vendorID(i)] = -6 }
        return Segment(id: id, lifetime: lifetime, growth: growth, size: size, buyers: buyers, initial: initial, appeal: appeal)
    }

    /// In each segment two challengers gain appeal for a century and lose it the next, out of
    /// phase: utilities change at every step yet stay within a few units, so no vendor's share
    /// collapses to nothing over the 833 simulated years.
    private static func cyclingTrends() -> [Change] {
        var out: [Change] = []
        for (s, segment) in ["telecom", "cloud", "chips"].enumerated() {
            for (vendor, period) in [(3 + s, 1200), (20 + 2 * s, 2000)] {
                for (cycle, at) in stride(from: 0, to: steps, by: period).enumerated() {
                    out.append(Change(at: at, segment: segment, vendor: vendorID(vendor), buyer: nil, field: .trend,
                                      value: cycle % 2 == 0 ? 0.03 : -0.03, over: 12))
                }
            }
        }
        return out
    }

    /// What a scenario file's events resolve to: selectors such as "origin CN" become one
    /// change per vendor.
    private static func policies() -> [Change] {
        func ofOrigin(_ origin: String) -> [String] {
            (0..<vendorCount).filter { origins[$0 % origins.count] == origin }.map(vendorID)
        }
        func change(_ at: Int, _ segment: String, _ vendor: String?, _ buyer: String?, _ field: ChangeField,
                    _ to: Double, over: Int = 1) -> Change {
            Change(at: at, segment: segment, vendor: vendor, buyer: buyer, field: field, value: to, over: over)
        }
        var out: [Change] = []
        // Telecom: state buyers sanction CN vendors with 10% leakage; a ban; an easing for everyone.
        out += ofOrigin("CN").map { change(60, "telecom", $0, "state", .access, 0.1, over: 12) }
        out.append(change(240, "telecom", vendorID(4), "state", .access, 0))
        out += ofOrigin("CN").map { change(3000, "telecom", $0, nil, .access, 0.6, over: 24) }
        // Cloud: a risk premium on one vendor, state buyers told to replace US vendors, growth slows.
        out.append(change(36, "cloud", vendorID(1), nil, .shift, -0.5))
        out += ofOrigin("US").map { change(48, "cloud", $0, "state", .access, 0.2, over: 12) }
        out.append(change(120, "cloud", nil, nil, .growth, 0.02, over: 60))
        // Chips: entrants arrive, CN vendors lose access, the market shrinks.
        out.append(change(600, "chips", vendorID(47), nil, .shift, 6, over: 24))
        out.append(change(2400, "chips", vendorID(48), nil, .shift, 5.5, over: 36))
        out += ofOrigin("CN").map { change(2400, "chips", $0, nil, .access, 0.3, over: 12) }
        out.append(change(5000, "chips", nil, nil, .growth, -0.01, over: 120))
        out.append(change(7000, "telecom", vendorID(49), nil, .shift, 5, over: 48))
        return out
    }
}
