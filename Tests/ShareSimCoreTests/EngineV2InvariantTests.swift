import Foundation
import ShareSimCore
import ShareSimTestSupport
import Testing

/// MODEL.md v2's invariants that involve channels, buyer groups' own bases and relative or
/// ending changes, and the engine against the reference model on random small scenarios.
@Suite struct EngineV2InvariantTests {
    /// Chips reaching buyers direct, via Hong Kong (recorded HK) and by parallel import
    /// (recorded under the brand), with a military group barred from every route for a while.
    static func routes(steps: Int = 36, lifetime: Double = 0.05) -> ResolvedScenario {
        var sc = Fixtures.market(
            shares: [("Intel", 0.5), ("Loongson", 0.3), ("Infineon", 0.2)], lifetime: lifetime, growth: 0.04, steps: steps,
            buyers: [BuyerGroup(id: "military", weight: 0.3), BuyerGroup(id: "civil", weight: 0.7)],
            changes: [
                Change(at: 3, segment: "s", vendor: "Intel", buyer: nil, field: .access, value: 0.05, over: 3),
                Change(at: 3, segment: "s", vendor: "Intel", buyer: nil, channel: "via HK", field: .access, value: 0.6, over: 2),
                Change(at: 4, segment: "s", vendor: "Intel", buyer: nil, channel: "via HK", field: .friction, value: -0.2, over: 1),
                Change(at: 5, segment: "s", vendor: "Infineon", buyer: "civil", channel: "parallel", field: .access,
                       operation: .by, value: 0.5, over: 1, until: 20),
                Change(at: 6, segment: "s", vendor: "Loongson", buyer: "military", field: .access, value: 0, over: 1, until: 12),
                Change(at: 6, segment: "s", vendor: "Infineon", buyer: "military", field: .access, value: 0, over: 1, until: 12),
                Change(at: 6, segment: "s", vendor: "Intel", buyer: "military", field: .access, value: 0, over: 1, until: 12),
                Change(at: 6, segment: "s", vendor: "Intel", buyer: "military", channel: "via HK", field: .access, value: 0, over: 1,
                       until: 12),
            ])
        sc.vendors[2].origin = "EU"
        sc.channels = [Channel(id: "via HK", records: "HK"), Channel(id: "parallel", records: nil)]
        return sc
    }

    @Test(arguments: ShareView.allCases)
    func sharesOfEveryViewLieInUnitIntervalAndSumToOne(view: ShareView) throws {
        let r = try Engine.run(Self.routes())
        for buyer in view == .buyer ? ["military", "civil"] : [nil] {
            for k in 0..<r.steps {
                var installed = 0.0, sales = 0.0
                for key in r.keys(of: view, segment: 0) {
                    let i = r.value(of: .installedShare, view: view, keys: [key], buyer: buyer, segments: ["s"], step: k)
                    let n = r.value(of: .salesShare, view: view, keys: [key], buyer: buyer, segments: ["s"], step: k)
                    #expect((0...1).contains(i) && (0...1).contains(n))
                    installed += i
                    sales += n
                }
                // A share is 0 for every key where the view's total is 0: a barred flow-market group holds nothing.
                let all = r.keys(of: view, segment: 0)
                let bought = r.value(of: .sales, view: view, keys: all, buyer: buyer, segments: ["s"], step: k) > 0
                let held = r.value(of: .installed, view: view, keys: all, buyer: buyer, segments: ["s"], step: k) > 0
                #expect(abs(installed - (held ? 1 : 0)) <= 1e-12, "\(view) \(buyer ?? "") step \(k)")
                #expect(abs(sales - (bought ? 1 : 0)) <= 1e-12, "\(view) \(buyer ?? "") step \(k)")
            }
        }
    }

    @Test(arguments: [0.05, 4.0])
    func channelsConserveEachVendorsFigures(lifetime: Double) throws {
        let r = try Engine.run(Self.routes(lifetime: lifetime))
        let s = r.segments[0]
        var carried = 0.0
        for k in 0..<r.steps {
            for j in 0..<s.vendorCount {
                for m in [SeriesMetric.installed, .sales] {
                    let whole = s.value(m, step: k, member: j)
                    let byChannel = (0...2).reduce(0.0) { $0 + s.amount(m, step: k, member: j, channel: $1) }
                    let byGroup = (0...1).reduce(0.0) { $0 + s.amount(m, step: k, member: j, buyer: $1) }
                    #expect(abs(byChannel - whole) <= 1e-9 * whole || byChannel == whole, "step \(k) member \(j) \(m)")
                    #expect(abs(byGroup - whole) <= 1e-9 * whole || byGroup == whole, "step \(k) member \(j) \(m)")
                }
                carried += s.amount(.sales, step: k, member: j, channel: 1)
            }
        }
        #expect(carried > 0)
    }

    @Test func withNoChannelTheRecordedViewIsTheOriginView() throws {
        var sc = Self.routes()
        sc.channels = []
        sc.changes.removeAll { $0.channel != nil || $0.field == .friction }
        let r = try Engine.run(sc)
        for k in 0..<r.steps {
            for origin in r.keys(of: .origin, segment: 0) {
                for m in [Metric.installedShare, .salesShare, .installed, .sales] {
                    let a = r.value(of: m, view: .origin, keys: [origin], buyer: nil, segments: ["s"], step: k)
                    let b = r.value(of: m, view: .recorded, keys: [origin], buyer: nil, segments: ["s"], step: k)
                    #expect(a.bitPattern == b.bitPattern)
                }
            }
            #expect(r.value(of: .installedShare, view: .channel, keys: ["direct"], buyer: nil, segments: ["s"], step: k) == 1)
        }
    }

    /// With no channels, only `to` changes, a market never shrinking faster than it is
    /// replaced and no group left without a vendor, the v1 arithmetic `StepLoop` runs and the
    /// full per-group arithmetic agree.
    @Test func theFastPathAgreesWithTheFullModel() throws {
        let fast = try Engine.run(EngineInvariantTests.busyGrowing())
        let full = fast.detailed()
        #expect(fast.segments[0].hasDetails == false && full.segments[0].hasDetails)
        for k in 0..<fast.steps {
            for j in 0..<fast.segments[0].vendorCount {
                for m in SeriesMetric.allCases {
                    let a = fast.segments[0].value(m, step: k, member: j), b = full.segments[0].value(m, step: k, member: j)
                    let tolerance = m == .installed || m == .sales ? 1e-9 * abs(b) : 1e-12
                    #expect(abs(a - b) <= tolerance, "step \(k) member \(j) \(m)")
                }
            }
        }
    }

    /// A flow market buys a barred group's whole part at once when it can buy again; a
    /// durable one refills the group's base to its part of the market size.
    @Test(arguments: [1.0 / 12, 6.0])
    func aBarredGroupRecovers(lifetime: Double) throws {
        let sc = Fixtures.market(
            shares: [("A", 0.6), ("B", 0.4)], lifetime: lifetime, growth: 0.05, steps: 24,
            buyers: [BuyerGroup(id: "state", weight: 0.4), BuyerGroup(id: "private", weight: 0.6)],
            changes: ["A", "B"].map { Change(at: 3, segment: "s", vendor: $0, buyer: "state", field: .access, value: 0, over: 1, until: 9) })
        let r = try Engine.run(sc)
        let s = r.segments[0]
        func groupBase(_ k: Int) -> Double { (0..<2).reduce(0) { $0 + s.amount(.installed, step: k, member: $1, buyer: 0) } }
        func groupBought(_ k: Int) -> Double { (0..<2).reduce(0) { $0 + s.amount(.sales, step: k, member: $1, buyer: 0) } }
        let g = pow(1.05, 1.0 / 12) - 1
        func size(_ k: Int) -> Double { 100 * pow(1 + g, Double(k)) }
        for k in 3..<9 { #expect(groupBought(k) == 0) }
        #expect(groupBase(9) < 0.4 * size(9) || lifetime < 1)
        if lifetime < 1 {
            #expect(abs(groupBought(9) - 0.4 * size(10)) <= 1e-9 * size(10))
        } else {
            #expect(groupBought(9) > 0.4 * size(9) * (1.0 / 12 / lifetime + g) * 2)
        }
        #expect(abs(groupBase(10) - 0.4 * size(10)) <= 1e-9 * size(10))
    }

    /// Raising a brand's direct access, when its other channel costs more friction than
    /// direct, never lowers its sales share.
    @Test func raisingDirectAccessNeverLowersTheBrandsSalesShare() throws {
        var low = Self.routes(), high = Self.routes()
        low.changes.append(Change(at: 8, segment: "s", vendor: "Intel", buyer: nil, field: .access, value: 0.2, over: 3))
        high.changes.append(Change(at: 8, segment: "s", vendor: "Intel", buyer: nil, field: .access, value: 0.6, over: 3))
        let rl = try Engine.run(low), rh = try Engine.run(high)
        for k in 0..<rl.steps {
            #expect(rh.segments[0].value(.salesShare, step: k, member: 0) >= rl.segments[0].value(.salesShare, step: k, member: 0) - 1e-15)
        }
        #expect(rh.segments[0].value(.salesShare, step: 14, member: 0) > rl.segments[0].value(.salesShare, step: 14, member: 0))
    }

    @Test func sameBytesInEveryViewWhateverTheThreads() async throws {
        let sc = Self.routes()
        func render() throws -> String {
            let r = try Engine.run(sc)
            return ShareView.allCases.map { CSVReport.render([("a", r)], grouping: $0) }.joined()
        }
        let serial = try render()
        let parallel = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 { group.addTask { try render() } }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(parallel.allSatisfy { $0 == serial })
    }

    /// Relative changes carry a value further than any one of them says: two `by` changes
    /// of growth that each stay computable add up to one that does not, and it is refused.
    @Test func relativeChangesCountInTheOverflowCheck() {
        var sc = Fixtures.market(shares: [("A", 0.5), ("B", 0.5)], growth: 0.5, steps: 200, step: .year)
        sc.segments[0].size = 1e18
        sc.changes = [Change(at: 1, segment: "s", vendor: nil, buyer: nil, field: .growth, operation: .by, value: 20, over: 1)]
        #expect(OverflowCheck.findings(in: sc).isEmpty)
        sc.changes.append(Change(at: 2, segment: "s", vendor: nil, buyer: nil, field: .growth, operation: .by, value: 10, over: 1))
        #expect(OverflowCheck.findings(in: sc).map(\.culprit) == [.change(index: 1)])
        sc.changes[1].operation = .to
        #expect(OverflowCheck.findings(in: sc).isEmpty)
    }

    /// The engine against `ReferenceModel` on random small scenarios: channels recording
    /// other origins or none, groups barred and let back, `to`, `by` and `times` with ties,
    /// clamping and `until`, flow and durable markets, growing and shrinking.
    @Test func engineMatchesTheReferenceOnRandomScenarios() throws {
        var rng = Xoshiro256StarStar(seed: 2026)
        for n in 0..<40 {
            let sc = Self.randomScenario(&rng)
            let result = try Engine.run(sc)
            let detailed = result.detailed()
            let reference = ReferenceModel.runInFull(sc)
            let s = detailed.segments[0]
            let channels = [Channel.direct] + sc.channels.map(\.id)
            for k in 0..<sc.timeline.steps {
                for (j, v) in s.vendors.enumerated() {
                    let id = sc.vendors[v].id
                    let want = try #require(reference.vendors["\(k)|s|\(id)"])
                    for (m, w) in [(SeriesMetric.installedShare, want.installedShare), (.salesShare, want.salesShare)] {
                        #expect(abs(result.segments[0].value(m, step: k, member: j) - w) <= 1e-9, "scenario \(n) step \(k) \(id) \(m)")
                    }
                    for (m, w) in [(SeriesMetric.installed, want.installed), (.sales, want.sales)] {
                        #expect(abs(result.segments[0].value(m, step: k, member: j) - w) <= 1e-9 * max(1, w), "scenario \(n) step \(k) \(id) \(m)")
                    }
                    for (c, channel) in channels.enumerated() {
                        let w = try #require(reference.channels["\(k)|s|\(id)|\(channel)"])
                        #expect(abs(s.amount(.installed, step: k, member: j, channel: c) - w.installed) <= 1e-9 * max(1, w.installed))
                        #expect(abs(s.amount(.sales, step: k, member: j, channel: c) - w.sales) <= 1e-9 * max(1, w.sales))
                    }
                    for (b, group) in sc.segments[0].buyers.enumerated() {
                        let w = try #require(reference.groups["\(k)|s|\(id)|\(group.id)"])
                        #expect(abs(s.amount(.installed, step: k, member: j, buyer: b) - w.installed) <= 1e-9 * max(1, w.installed))
                        #expect(abs(s.amount(.sales, step: k, member: j, buyer: b) - w.sales) <= 1e-9 * max(1, w.sales))
                    }
                }
            }
        }
    }

    static func randomScenario(_ rng: inout Xoshiro256StarStar) -> ResolvedScenario {
        func pick(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
        func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * rng.nextUnit() }
        let vendorCount = 2 + pick(3), groupCount = 1 + pick(3), channelCount = pick(3), steps = 6 + pick(20)
        var shares = (0..<vendorCount).map { _ in uniform(0.1, 1) }
        let total = shares.reduce(0, +)
        shares = shares.map { $0 / total }
        shares[vendorCount - 1] = 1 - shares.dropLast().reduce(0, +)
        let weights = (0..<groupCount).map { _ in uniform(0.1, 1) }, weightTotal = weights.reduce(0, +)
        var buyers = weights.enumerated().map { BuyerGroup(id: "g\($0)", weight: $1 / weightTotal) }
        buyers[groupCount - 1].weight = 1 - buyers.dropLast().reduce(0) { $0 + $1.weight }
        let vendors = (0..<vendorCount).map { "v\($0)" }
        var sc = Fixtures.market(shares: Array(zip(vendors, shares)), lifetime: [1.0 / 12, 0.5, 3, 10][pick(4)],
                                 growth: uniform(-0.2, 0.2), steps: steps, buyers: buyers)
        sc.channels = (0..<channelCount).map { Channel(id: "c\($0)", records: pick(2) == 0 ? nil : "R\($0)") }
        let fields: [ChangeField] = [.access, .access, .access, .friction, .shift, .trend, .growth]
        for _ in 0..<(3 + pick(8)) {
            let field = fields[pick(fields.count)], at = pick(steps)
            let operation = [ChangeOperation.to, .by, .times][pick(3)]
            let value: Double = switch (field, operation) {
            case (.access, .to): [0, 0, 0.3, 1][pick(4)]
            case (.access, .by): uniform(-0.8, 0.8)
            case (.growth, .to): uniform(-0.6, 0.3)
            case (.growth, .by): uniform(-0.5, 0.3)
            case (_, .times): uniform(-0.5, 2)
            default: uniform(-1, 1)
            }
            let channel = (field == .access || field == .friction) && channelCount > 0 && pick(2) == 0 ? "c\(pick(channelCount))" : nil
            let until = pick(3) == 0 ? at + 1 + pick(steps) : nil
            sc.changes.append(Change(at: at, segment: "s", vendor: field == .growth ? nil : vendors[pick(vendorCount)],
                                     buyer: field == .access && pick(2) == 0 ? "g\(pick(groupCount))" : nil, channel: channel,
                                     field: field, operation: operation, value: value, over: 1 + pick(4), until: until))
        }
        sc.changes = sc.changes.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
        return sc
    }
}
