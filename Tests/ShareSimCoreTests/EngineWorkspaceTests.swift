import ShareSimCore
import ShareSimTestSupport
import Testing

/// `EngineWorkspace`'s contract: the same bits as a run without one, whatever ran in the
/// workspace before, and a result that never changes once returned.
@Suite struct EngineWorkspaceTests {
    /// Scenarios of different shapes, so that a workspace's memory is reused, outgrown and
    /// left too large; the last needs more than 2 MiB of figures (the huge-page path).
    static let batch: [ResolvedScenario] = [
        EngineInvariantTests.busy(),
        Fixtures.market(shares: [("A", 0.7), ("B", 0.3)], steps: 12),
        Fixtures.market(shares: [("A", 0.5), ("B", 0.3), ("C", 0.2)], growth: 0.02, steps: 240,
                        buyers: [BuyerGroup(id: "gov", weight: 0.5), BuyerGroup(id: "biz", weight: 0.5)],
                        changes: [Change(at: 3, segment: "s", vendor: "C", buyer: "gov", field: .access, value: 0, over: 4),
                                  Change(at: 5, segment: "s", vendor: "B", buyer: nil, field: .trend, value: 0.2, over: 1)]),
        EngineWorkspaceTests.large(),
        EngineInvariantTests.busy(),
    ]

    static func large() -> ResolvedScenario {
        let shares = (0..<30).map { ("V\($0)", 1.0 / 30) }
        return Fixtures.market(shares: shares, steps: 6_000,
                               changes: [Change(at: 10, segment: "s", vendor: "V3", buyer: nil, field: .trend, value: 0.05, over: 1)])
    }

    static func figures(_ r: RunResult) -> [Double] {
        r.segments.flatMap { s in
            SeriesMetric.allCases.flatMap { m in (0..<s.vendorCount).flatMap { s.values(m, member: $0) } }
        }
    }

    @Test func sameFiguresAsWithoutAWorkspace() throws {
        let workspace = EngineWorkspace()
        for scenario in Self.batch + Self.batch.reversed() {
            let inWorkspace = try Engine.run(scenario, workspace: workspace)
            let alone = try Engine.run(scenario)
            #expect(Self.figures(inWorkspace).map(\.bitPattern) == Self.figures(alone).map(\.bitPattern))
        }
    }

    @Test func aKeptResultNeverChanges() throws {
        let workspace = EngineWorkspace()
        let kept = try Engine.run(Self.batch[0], workspace: workspace)
        let before = Self.figures(kept).map(\.bitPattern)
        for scenario in Self.batch { _ = try Engine.run(scenario, workspace: workspace) }
        #expect(Self.figures(kept).map(\.bitPattern) == before)
    }
}
