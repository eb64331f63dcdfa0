import Foundation
@testable import ShareSimCore
import ShareSimTestSupport
import Testing

/// A small chip market whose two access levels are parameters, attached by hand so that
/// these tests do not depend on how the language declares parameters.
enum AnalysisFixture {
    static let text = """
        scenario "Test chips"
        timeline 2021-01 to 2023-12 monthly
        segment chips lifetime 1 month growth 0%/y size 100M USD
        vendor CNco origin CN
        vendor USco origin US
        vendor EUco origin EU
        share chips 2021-01: CNco 30%, USco 40%, EUco 30%
        event "Controls" 2022-03:
          access USco in chips to 10% over 3 months
          access EUco in chips to 20% over 3 months

        """

    /// `us_access` (nominal 10%) and `eu_access` (nominal 20%), valid in [0, 1].
    static func scenario() throws -> ResolvedScenario {
        var s = try Fixtures.resolve(text)
        let loc = SourceLocation(file: "test.scn", line: 9, column: 1)
        func change(_ vendor: String) -> Int { s.changes.firstIndex { $0.vendor == vendor && $0.field == .access }! }
        s.parameters = [
            ScenarioParameter(name: "us_access", nominal: 0.1, distribution: nil, location: loc,
                              targets: [.change(index: change("USco"))], validRange: 0...1),
            ScenarioParameter(name: "eu_access", nominal: 0.2, distribution: nil, location: loc,
                              targets: [.change(index: change("EUco"))], validRange: 0...1),
        ]
        return s
    }
}

@Suite struct SweepTests {
    @Test func axesParseWithUnits() throws {
        let a = try SweepAxis.parse("leakage=2%..20%/10")
        #expect(a.name == "leakage")
        #expect(a.values.count == 10)
        #expect(a.values.first == 0.02 && a.values.last == 0.2)
        #expect(abs(a.values[1] - 0.04) < 1e-15)
        #expect(a.labels == ["2%", "4%", "6%", "8%", "10%", "12%", "14%", "16%", "18%", "20%"])
        let list = try SweepAxis.parse("trend=0.4/y,0.5/y,0.6/y")
        #expect(list.values == [0.4, 0.5, 0.6] && list.labels == ["0.4/y", "0.5/y", "0.6/y"])
        #expect(try SweepAxis.parse("x=0..1").values.count == SweepAxis.defaultCount)
        #expect(try SweepAxis.parse("x=-1..1/3").values == [-1, 0, 1])
    }

    @Test func badAxesAreLocatedErrors() {
        func message(_ spec: String) -> String {
            do { _ = try SweepAxis.parse(spec); return "" } catch { return DiagnosticPrinter().render(error.diagnostics, sources: error.sources) }
        }
        #expect(message("leakage").contains("expected NAME=FROM..TO[/COUNT]"))
        #expect(message("leakage=2%..20%/1").contains("a range takes from 2"))
        #expect(message("leakage=2%..0.2").contains("different units"))
        #expect(message("leakage=2%..20x").hasPrefix("--vary:1:15: error: unknown unit 'x' after 20"))
        #expect(message("leakage=..20%").contains("missing"))
    }

    @Test func outcomesReadLikeExpectLines() throws {
        let s = try AnalysisFixture.scenario()
        let o = try ScenarioOutcome.parse("installed share origin CN in chips at 2023-01", in: s)
        let run = try Engine.run(s)
        // A flow market: the installed share is last month's sales share, 30 / (30 + 40·10% + 30·20%).
        #expect(abs(o.value(in: run) - 0.3 / (0.3 + 0.04 + 0.06)) < 1e-12)
        #expect(o.describe(o.value(in: run)) == "75.0%")
        func message(_ text: String) -> String {
            do { _ = try ScenarioOutcome.parse(text, in: s, source: "--outcome"); return "" } catch {
                return DiagnosticPrinter().render(error.diagnostics, sources: error.sources)
            }
        }
        #expect(message("installed share USc in chips at 2023-01").contains("did you mean 'USco'?"))
        #expect(message("installed share USco in chps at 2023-01").contains("did you mean 'chips'?"))
        #expect(message("installed share USco in chips from 2022 to 2023").contains("read at one date"))
        #expect(message("installed share USco in chips at 2030-01").contains("outside the timeline"))
        let t = try OutcomeTarget.parse("sales share USco at 2022-12 = 5%", in: s)
        #expect(t.value == 0.05 && t.valueText == "5%" && t.outcome.text == "sales share USco at 2022-12")
    }

    @Test func aGridHoldsTheOutcomesOfDirectRuns() throws {
        let s = try AnalysisFixture.scenario()
        let outcome = try ScenarioOutcome.parse("sales share origin CN in chips at 2022-12", in: s)
        let us = try SweepAxis.parse("us_access=0%..30%/4"), eu = try SweepAxis.parse("eu_access=5%,50%")
        let sweep = try Sweep.run(s, axes: [us, eu], outcome: outcome, threads: 2)
        #expect(sweep.rows == 4 && sweep.columns == 2 && sweep.values.count == 8)
        for (i, a) in us.values.enumerated() {
            for (j, b) in eu.values.enumerated() {
                let direct = try Engine.run(try s.setting("us_access", to: a).setting("eu_access", to: b))
                #expect(sweep.value(row: i, column: j).bitPattern == outcome.value(in: direct).bitPattern)
            }
        }
        // Easing access for US makers lowers China's share.
        #expect(sweep.value(row: 0, column: 0) > sweep.value(row: 3, column: 0))
        let csv = SweepReport.csv(sweep).split(separator: "\n")
        #expect(csv[0] == "us_access,eu_access,outcome")
        #expect(csv.count == 9 && csv[1].hasPrefix("0.0,0.05,"))
        #expect(SweepReport.table(sweep).contains("us_access \\ eu_access"))
    }

    @Test func theValuesDoNotDependOnTheThreadCount() throws {
        let s = try AnalysisFixture.scenario()
        let outcome = try ScenarioOutcome.parse("installed share origin CN in chips at 2023-06", in: s)
        let axes = [try SweepAxis.parse("us_access=0%..100%/13"), try SweepAxis.parse("eu_access=0%..100%/7")]
        let one = try Sweep.run(s, axes: axes, outcome: outcome, threads: 1)
        for threads in [2, 3, 8] {
            let many = try Sweep.run(s, axes: axes, outcome: outcome, threads: threads)
            #expect(many.values.map(\.bitPattern) == one.values.map(\.bitPattern))
            #expect(SweepReport.csv(many) == SweepReport.csv(one) && SweepReport.json(many) == SweepReport.json(one))
        }
    }

    @Test func theExecutorCollectsByIndex() {
        let out = ParallelWork.map(count: 1000, threads: 4) { $0 * $0 }
        #expect(out == (0..<1000).map { $0 * $0 })
        #expect(ParallelWork.map(count: 0, threads: 4) { $0 }.isEmpty)
    }

    /// Each thread makes its worker (an engine workspace, in sweeps) once and keeps it for
    /// every job it takes; results still come back by index.
    @Test func eachThreadMakesOneWorkerAndKeepsIt() {
        final class Made: @unchecked Sendable {
            let lock = NSLock()
            var count = 0
        }
        for threads in [1, 2, 4] {
            let made = Made()
            let out = ParallelWork.map(count: 500, threads: threads, worker: { () -> [Int] in
                made.lock.withLock { made.count += 1 }
                return []
            }) { jobs, i in
                jobs.append(i)
                return jobs.count
            }
            #expect(made.count == threads)
            // A job's result counts the jobs its worker has run so far: each worker that ran
            // any gives 1, 2, 3, … once each, so no count appears more often than a smaller one.
            let times = (1...500).map { k in out.filter { $0 == k }.count }
            #expect(out.count == 500 && (1...threads).contains(times[0]))
            #expect(zip(times, times.dropFirst()).allSatisfy { $0 >= $1 })
            #expect(times.reduce(0, +) == 500)
        }
    }

    @Test func unknownParametersAndValuesOutOfRangeAreRefused() throws {
        let s = try AnalysisFixture.scenario()
        let outcome = try ScenarioOutcome.parse("installed share origin CN in chips at 2023-06", in: s)
        let misspelt = try SweepAxis.parse("us_acess=0%..10%/2")
        do {
            _ = try Sweep.run(s, axes: [misspelt], outcome: outcome)
            Issue.record("expected an error")
        } catch {
            guard case .refused(let e, ShareSimCore.ExitStatus.usage, let axis) = error, let d = e.diagnostics.first else { Issue.record("expected invalid"); return }
            #expect(d.message == "unknown parameter 'us_acess'" && d.help == ["did you mean 'us_access'?"])
            #expect(axis == 0)
        }
        #expect(throws: OperationError.self) { try Sweep.run(s, axes: [try SweepAxis.parse("us_access=50%..150%/3")], outcome: outcome) }
        #expect(throws: OperationError.self) {
            try Sweep.run(s, axes: [try SweepAxis.parse("us_access=1%,2%"), try SweepAxis.parse("us_access=1%,2%")], outcome: outcome)
        }
    }
}
