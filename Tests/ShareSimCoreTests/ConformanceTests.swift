import Foundation
import ShareSimCore
import ShareSimTestSupport
import Testing

/// The vectors of shared/conformance, copied here so a clone tests without ../shared: every
/// vector, and every view a `NAME.by-VIEW.expected.csv` gives, at the README's tolerances
/// (1e-12 for shares, 1e-9 relative for amounts), rows compared by key.
@Suite struct ConformanceTests {
    static let names = ["blocked-group", "flow-market-and-entry", "ramps-and-groups", "recovery-and-backlog",
                        "relative-changes", "channels-and-recorded-origin"]

    /// Each vector with each view it has an expected file for.
    static let views: [(String, ShareView)] = names.flatMap { name in
        ShareView.allCases.filter { view in
            Bundle.module.url(forResource: "Conformance/\(name)\(suffix(view))", withExtension: "expected.csv") != nil
        }.map { (name, $0) }
    }

    static func suffix(_ view: ShareView) -> String { view == .vendor ? "" : ".by-\(view.rawValue)" }

    static func url(_ name: String, _ ext: String) -> URL {
        Bundle.module.url(forResource: "Conformance/\(name)", withExtension: ext)!
    }

    /// Rows keyed by step, segment and the view's key columns.
    static func rows(_ csv: String, view: ShareView) -> [String: [String: String]] {
        var lines = csv.split(whereSeparator: \.isNewline).map(String.init)
        let header = lines.removeFirst().split(separator: ",").map(String.init)
        var out: [String: [String: String]] = [:]
        for line in lines {
            let row = Dictionary(uniqueKeysWithValues: zip(header, line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)))
            out[(["step", "segment"] + view.keyColumns).map { row[$0] ?? "?" }.joined(separator: "|")] = row
        }
        return out
    }

    @Test func everyVectorAndViewIsTested() {
        #expect(Self.views.count == 14)
    }

    @Test(arguments: views)
    func engineMeetsTheVector(name: String, view: ShareView) throws {
        let loaded = try ScenarioLoader().load(path: Self.url(name, "json").path)
        let result = try Engine.run(loaded.scenario)
        let ours = Self.rows(CSVReport.render([(name, result)], grouping: view), view: view)
        let expected = Self.rows(try String(contentsOf: Self.url(name + Self.suffix(view), "expected.csv"), encoding: .utf8), view: view)
        #expect(ours.count == expected.count, "\(name) by \(view)")
        for (key, want) in expected {
            let got = try #require(ours[key], "\(name) by \(view): missing row \(key)")
            #expect(got["date"] == want["date"], "\(key)")
            for f in ["installed_share", "sales_share"] {
                #expect(abs(Double(got[f]!)! - Double(want[f]!)!) <= 1e-12, "\(name) by \(view) \(key) \(f): \(got[f]!) vs \(want[f]!)")
            }
            for f in ["installed", "sales"] {
                let a = Double(got[f]!)!, b = Double(want[f]!)!
                #expect(abs(a - b) <= 1e-9 * abs(b) || a == b, "\(name) by \(view) \(key) \(f): \(a) vs \(b)")
            }
        }
    }

    @Test(arguments: names)
    func resolvedJSONRoundTrips(name: String) throws {
        let first = try ScenarioLoader().load(path: Self.url(name, "json").path).scenario
        let text = ResolvedJSON.encode(first).pretty
        let again = try ResolvedJSON.decode(Data(text.utf8), path: "again.json")
        #expect(again == first)
        #expect(ResolvedJSON.encode(again).pretty == text)
    }

    /// Version 1 (no channels, `to` only, no observations) is still read, as version 2 without them.
    @Test func version1IsStillRead() throws {
        let v2 = try String(contentsOf: Self.url("blocked-group", "json"), encoding: .utf8)
        let v1 = v2.replacingOccurrences(of: "\"version\":2", with: "\"version\":1")
            .replacingOccurrences(of: "\"channel\":null,", with: "")
        #expect(v1 != v2 && v1.contains("\"version\":1"))
        let old = try ResolvedJSON.decode(Data(v1.utf8), path: "v1.json")
        let new = try ResolvedJSON.decode(Data(v2.utf8), path: "v2.json")
        #expect(old == new)
    }

    /// Observations travel in and out of the JSON, and `inspect` lists them with the channels.
    @Test func observationsRoundTripAndInspectListsThem() throws {
        var sc = try ScenarioLoader().load(path: Self.url("channels-and-recorded-origin", "json").path).scenario
        sc.observations = [
            Observation(at: 12, segment: "chips", measure: .salesShare, view: .recorded, keys: ["CN", "HK"], value: 0.85,
                        uncertainty: 0.03, role: .fit, source: "seed 003"),
            Observation(at: 5, segment: "telecom", measure: .installedShare, view: .buyer, keys: ["Huawei"], buyer: "government",
                        value: 0.44, role: .check),
        ]
        let again = try ResolvedJSON.decode(Data(ResolvedJSON.encode(sc).pretty.utf8), path: "again.json")
        #expect(again.observations == sc.observations)
        let text = ScenarioSummary.render(sc)
        #expect(text.contains("channels  direct, via HK (records HK), parallel (records the brand's origin), localised (records RU)\n"))
        #expect(text.contains("observe   sales share by recorded CN, HK in chips at 2022-01 = 85.0% ± 3.0% (fit) [seed 003]\n"))
        #expect(text.contains("observe   installed share by buyer Huawei for government in telecom at 2021-06 = 44.0% (check)\n"))
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
