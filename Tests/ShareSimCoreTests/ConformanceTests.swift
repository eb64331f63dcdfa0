import Foundation
import ShareSimCore
import ShareSimTestSupport
import Testing

/// The vectors of shared/conformance, copied here so a clone tests without ../shared.
@Suite struct ConformanceTests {
    static let names = ["blocked-group", "flow-market-and-entry", "ramps-and-groups"]

    static func url(_ name: String, _ ext: String) -> URL {
        Bundle.module.url(forResource: "Conformance/\(name)", withExtension: ext)!
    }

    @Test(arguments: names)
    func engineMeetsTheVector(name: String) throws {
        let loaded = try ScenarioLoader().load(path: Self.url(name, "json").path)
        let result = try Engine.run(loaded.scenario)
        let ours = Fixtures.csvRows(CSVReport.render([(name, result)], grouping: .vendor))
        let expected = Fixtures.csvRows(try String(contentsOf: Self.url(name, "expected.csv"), encoding: .utf8))
        #expect(ours.count == expected.count)
        for (key, want) in expected {
            let got = try #require(ours[key], "missing row \(key)")
            #expect(got["date"] == want["date"] && got["origin"] == want["origin"], "\(key)")
            for f in ["installed_share", "sales_share"] {
                #expect(abs(Double(got[f]!)! - Double(want[f]!)!) <= 1e-12, "\(name) \(key) \(f): \(got[f]!) vs \(want[f]!)")
            }
            for f in ["installed", "sales"] {
                let a = Double(got[f]!)!, b = Double(want[f]!)!
                #expect(abs(a - b) <= 1e-9 * max(abs(b), 1e-300) || a == b, "\(name) \(key) \(f): \(a) vs \(b)")
            }
        }
    }

    @Test(arguments: names)
    func resolvedJSONRoundTrips(name: String) throws {
        let first = try ScenarioLoader().load(path: Self.url(name, "json").path).scenario
        let text = ResolvedJSON.encode(first).pretty
        let again = try ResolvedJSON.decode(Data(text.utf8), path: "again.json")
        #expect(ResolvedJSON.encode(again).pretty == text)
    }
}

/// The engine against a literal transcription of MODEL.md, on every bundled scenario.
@Suite struct ReferenceModelTests {
    @Test(arguments: Fixtures.bundledScenarios)
    func bundledScenarioMatchesTheModel(name: String) throws {
        let scenario = try ScenarioLoader().load(path: Fixtures.scenarioPath(name)).scenario
        let result = try Engine.run(scenario)
        let reference = ReferenceModel.run(scenario)
        var compared = 0
        for series in result.segments {
            let seg = scenario.segments[series.segmentIndex].id
            for k in 0..<result.steps {
                for (j, v) in series.vendors.enumerated() {
                    let want = try #require(reference["\(k)|\(seg)|\(scenario.vendors[v].id)"])
                    #expect(abs(series.value(.installedShare, step: k, member: j) - want.installedShare) <= 1e-9)
                    #expect(abs(series.value(.salesShare, step: k, member: j) - want.salesShare) <= 1e-9)
                    #expect(abs(series.value(.installed, step: k, member: j) - want.installed) <= 1e-9 * max(1, want.installed))
                    #expect(abs(series.value(.sales, step: k, member: j) - want.sales) <= 1e-9 * max(1, want.sales))
                    compared += 1
                }
            }
        }
        #expect(compared == reference.count)
    }
}
