import Foundation
import ShareSimCore
import ShareSimTestSupport
import Testing

/// MODEL.md's "Invariants every implementation must keep", one test each.
@Suite struct EngineInvariantTests {
    /// A busy scenario: buyer groups, ramps, a ban, trends, shrinking growth.
    static func busy() -> ResolvedScenario {
        Fixtures.market(
            shares: [("A", 0.4), ("B", 0.3), ("C", 0.2), ("D", 0.1)], growth: 0.05, steps: 120,
            buyers: [BuyerGroup(id: "gov", weight: 0.3), BuyerGroup(id: "biz", weight: 0.7)],
            changes: [
                Change(at: 10, segment: "s", vendor: "A", buyer: nil, field: .access, value: 0.1, over: 6),
                Change(at: 12, segment: "s", vendor: "B", buyer: "gov", field: .access, value: 0, over: 1),
                Change(at: 20, segment: "s", vendor: "C", buyer: nil, field: .trend, value: 0.7, over: 1),
                Change(at: 30, segment: "s", vendor: "D", buyer: nil, field: .shift, value: -1.5, over: 12),
                Change(at: 50, segment: "s", vendor: nil, buyer: nil, field: .growth, value: -0.3, over: 10),
            ])
    }

    /// `busy` in a market that never shrinks faster than it is replaced and with no group
    /// left without a vendor: what the v1 arithmetic of `StepLoop` runs.
    static func busyGrowing() -> ResolvedScenario {
        var sc = busy()
        sc.changes.removeAll { $0.field == .growth }
        return sc
    }

    @Test func sharesLieInUnitIntervalAndSumToOne() throws {
        let r = try Engine.run(Self.busy())
        let s = r.segments[0]
        for k in 0..<r.steps {
            var installed = 0.0, sales = 0.0
            for j in 0..<s.vendorCount {
                let i = s.value(.installedShare, step: k, member: j), n = s.value(.salesShare, step: k, member: j)
                #expect((0...1).contains(i) && (0...1).contains(n))
                installed += i
                sales += n
            }
            #expect(abs(installed - 1) <= 1e-12)
            // Sales shares sum to 1 wherever anything was bought, and are all 0 where nothing was.
            let bought = (0..<s.vendorCount).contains { s.value(.sales, step: k, member: $0) > 0 }
            #expect(abs(sales - (bought ? 1 : 0)) <= 1e-12)
        }
    }

    @Test func noChangeMeansFlatShares() throws {
        let sc = Fixtures.market(shares: [("A", 0.55), ("B", 0.28), ("C", 0.17)], growth: 0.03, steps: 240)
        let r = try Engine.run(sc)
        let s = r.segments[0]
        for k in 0..<r.steps {
            for (j, want) in [0.55, 0.28, 0.17].enumerated() {
                #expect(abs(s.value(.installedShare, step: k, member: j) - want) <= 1e-12)
                #expect(abs(s.value(.salesShare, step: k, member: j) - want) <= 1e-12)
            }
        }
    }

    @Test(arguments: [ChangeField.access, .shift])
    func raisingAccessOrShiftNeverLowersThatVendorsSalesShare(field: ChangeField) throws {
        var low = Self.busy(), high = Self.busy()
        let (a, b) = field == .access ? (0.3, 0.6) : (-0.4, 0.4)
        low.changes.append(Change(at: 40, segment: "s", vendor: "B", buyer: nil, field: field, value: a, over: 5))
        high.changes.append(Change(at: 40, segment: "s", vendor: "B", buyer: nil, field: field, value: b, over: 5))
        let rl = try Engine.run(low), rh = try Engine.run(high)
        for k in 0..<rl.steps {
            #expect(rh.segments[0].value(.salesShare, step: k, member: 1) >= rl.segments[0].value(.salesShare, step: k, member: 1) - 1e-15)
        }
        // Step 45: the ramps on B have ended, and the market shrinks slower than it is replaced.
        #expect(rh.segments[0].value(.salesShare, step: 45, member: 1) > rl.segments[0].value(.salesShare, step: 45, member: 1))
    }

    @Test func constantTrendDifferenceGivesFisherPryLogistic() throws {
        let d = 0.6
        let sc = Fixtures.market(shares: [("Old", 0.9), ("New", 0.1)], steps: 120,
                                 changes: [Change(at: 0, segment: "s", vendor: "New", buyer: nil, field: .trend, value: d, over: 1)])
        let r = try Engine.run(sc)
        let s = r.segments[0]
        let odds0 = 0.1 / 0.9
        for k in stride(from: 0, to: 120, by: 7) {
            let tau = Double(k) / 12
            let odds = s.value(.salesShare, step: k, member: 1) / s.value(.salesShare, step: k, member: 0)
            #expect(abs(odds / (odds0 * exp(d * tau)) - 1) <= 1e-12, "step \(k)")
        }
    }

    @Test func constantSalesShareTurnsOverInClosedForm() throws {
        // Vendor A's sales share drops at once to n* and stays; g = 0.
        let sc = Fixtures.market(shares: [("A", 0.6), ("B", 0.4)], lifetime: 4, steps: 100,
                                 changes: [Change(at: 0, segment: "s", vendor: "A", buyer: nil, field: .access, value: 0.25, over: 1)])
        let r = try Engine.run(sc)
        let s = r.segments[0]
        let nStar = s.value(.salesShare, step: 0, member: 0)
        #expect(abs(nStar - 0.15 / 0.55) <= 1e-15)
        let rate = (1.0 / 12) / 4
        for k in 0..<100 {
            let want = nStar + (0.6 - nStar) * pow(1 - rate, Double(k))
            #expect(abs(s.value(.installedShare, step: k, member: 0) - want) <= 1e-12, "step \(k)")
        }
    }

    @Test func sameInputSameBytes() throws {
        let sc = Self.busy()
        let a = CSVReport.render([("a", try Engine.run(sc))], grouping: .vendor)
        let b = CSVReport.render([("a", try Engine.run(sc))], grouping: .vendor)
        #expect(a == b)
    }

    @Test func sameBytesWhateverTheThreads() async throws {
        let sc = Self.busy()
        let serial = CSVReport.render([("a", try Engine.run(sc))], grouping: .vendor)
        let parallel = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<8 { group.addTask { CSVReport.render([("a", try Engine.run(sc))], grouping: .vendor) } }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(parallel.allSatisfy { $0 == serial })
    }

    @Test func blockedGroupLosesItsDemand() throws {
        let sc = Fixtures.market(shares: [("A", 0.5), ("B", 0.5)], steps: 3,
                                 buyers: [BuyerGroup(id: "gov", weight: 0.4), BuyerGroup(id: "biz", weight: 0.6)],
                                 changes: [Change(at: 0, segment: "s", vendor: "A", buyer: "gov", field: .access, value: 0, over: 1),
                                           Change(at: 0, segment: "s", vendor: "B", buyer: "gov", field: .access, value: 0, over: 1)])
        let r = try Engine.run(sc)
        let s = r.segments[0]
        let rate = (1.0 / 12) / 5
        #expect(abs(s.value(.sales, step: 0, member: 0) - 100 * rate * 0.3) <= 1e-12)
        #expect(s.value(.installed, step: 1, member: 0) + s.value(.installed, step: 1, member: 1) < 100)
    }

    @Test func cancellationStopsALongRun() {
        let sc = Fixtures.market(shares: [("A", 0.5), ("B", 0.5)], steps: 100_000)
        #expect(throws: OperationError.self) { try Engine.run(sc, isCancelled: { true }) }
    }
}
