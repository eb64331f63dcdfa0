import Foundation
import ShareSimTestSupport
import Testing

/// `run --by` and `compare --by` in every view and format, on the conformance vector with
/// channels (Monte Carlo's views: `MonteCarloViewTests`).
@Suite struct ViewCommandTests {
    static let vector = "Tests/ShareSimCoreTests/Conformance/channels-and-recorded-origin.json"

    @Test(arguments: [("origin", "origin"), ("channel", "channel"), ("recorded", "recorded_origin"), ("buyer", "buyer,vendor")])
    func csvKeyColumnsFollowTheView(view: String, columns: String) throws {
        let run = try BinaryRunner.run(["run", Self.vector, "--by", view, "--format", "csv"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("step,date,segment,\(columns),installed_share,sales_share,installed,sales\n"))
    }

    @Test func recordedOriginCountsTheRouteAndOriginCountsTheBrand() throws {
        let recorded = try BinaryRunner.run(["run", Self.vector, "--by", "recorded", "--share", "sales", "--at", "2021-07"])
        #expect(recorded.status == 0)
        #expect(recorded.stdout.hasPrefix("channels and recorded origin — sales share by recorded origin\n"))
        #expect(recorded.stdout.contains("HK         50.6%\n"))
        let origin = try BinaryRunner.run(["run", Self.vector, "--by", "origin", "--share", "sales", "--at", "2021-07"])
        #expect(origin.stdout.contains("US       52.4%\n"))
        let buyers = try BinaryRunner.run(["run", Self.vector, "--by", "buyer", "--at", "2021-07"])
        #expect(buyers.stdout.contains("military Intel      46.2%\n         Infineon   18.0%\n"))
    }

    @Test func jsonNamesEachViewsRows() throws {
        let json = try BinaryRunner.run(["run", Self.vector, "--by", "channel", "--format", "json"])
        let doc = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let segments = doc?["segments"] as? [[String: Any]]
        let channels = segments?.first?["channels"] as? [[String: Any]]
        #expect(channels?.map { $0["id"] as? String } == ["direct", "via HK", "parallel", "localised"])
        let buyers = try BinaryRunner.run(["run", Self.vector, "--by", "buyer", "--format", "json"])
        #expect(buyers.stdout.contains("\"buyer\": \"military\",\n          \"id\": \"Intel\""))
    }

    /// compare reads channels and recorded origins, from runs and from run output.
    @Test func compareReadsChannelsAndRecordedOrigins() throws {
        let csv = try BinaryRunner.run(["run", Self.vector, "--by", "recorded", "--format", "csv"])
        let saved = try Fixtures.temporaryFile("recorded.csv", csv.stdout)
        let same = try BinaryRunner.run(["compare", Self.vector, saved, "--by", "recorded", "--format", "csv"])
        #expect(same.status == 0)
        #expect(same.stdout.hasPrefix("step,date,segment,recorded_origin,present,a,b,difference\n0,2021-01-01,chips,US,both,0.5,0.5,0.0\n"))
        let mixed = try BinaryRunner.run(["compare", Self.vector, saved, "--by", "channel"])
        #expect(mixed.status == 65 && mixed.stderr.contains("holds figures by recorded origin, not by channel"))
    }

    /// compare's buyer view: a row per vendor within each group, matched by group and vendor,
    /// in the table, CSV (`buyer,vendor`) and JSON, from a scenario and from run output.
    @Test func compareByBuyerMatchesVendorsWithinGroups() throws {
        // The military buyers lose Intel's direct route in B; the civil ones do not.
        let json = try String(contentsOfFile: Self.vector, encoding: .utf8)
        let cut = json.replacingOccurrences(
            of: "\"changes\":[\n",
            with: "\"changes\":[\n  {\"at\":5,\"segment\":\"chips\",\"vendor\":\"Intel\",\"buyer\":\"military\",\"channel\":null,\"field\":\"access\",\"to\":0.0,\"over\":1},\n")
        let b = try Fixtures.temporaryFile("military-cut.json", cut)
        let table = try BinaryRunner.run(["compare", Self.vector, b, "--by", "buyer"])
        #expect(table.status == 1)
        #expect(table.stdout.contains("installed share by buyer group: B − A in percentage points; tolerance 0\n"))
        #expect(table.stdout.contains("\nchips\nbuyer    vendor    diverges  largest       at  2021-01  2021-10  2022-06\n"
                                      + "military Intel      2021-07    -3.06  2022-01        0    -1.26    -2.12\n"))
        #expect(table.stdout.contains("\ncivil    Intel            —        0        —        0        0        0\n"))
        #expect(table.stdout.contains("over tolerance: 3 of 12 vendors in buyer groups differ by more than 0\n"
                                      + "first to differ: Intel for military in chips at 2021-07\n"))

        let csv = try BinaryRunner.run(["run", Self.vector, "--by", "buyer", "--format", "csv"])
        let saved = try Fixtures.temporaryFile("buyers.csv", csv.stdout)
        let fromCSV = try BinaryRunner.run(["compare", saved, b, "--by", "buyer", "--format", "csv"])
        #expect(fromCSV.stdout.hasPrefix("step,date,segment,buyer,vendor,present,a,b,difference\n0,2021-01-01,chips,military,Intel,both,0.5,0.5,0.0\n"))
        #expect(fromCSV.stdout.contains("\n6,2021-07-01,chips,civil,Intel,both,"))
        let same = try BinaryRunner.run(["compare", saved, Self.vector, "--by", "buyer"])
        #expect(same.status == 0 && same.stdout.contains("identical: no vendor in a buyer group differs at any of the 18 dates"))

        let doc = try BinaryRunner.run(["compare", Self.vector, b, "--by", "buyer", "--format", "json"])
        #expect(doc.stdout.contains("\"vendors\": [\n        {\n          \"buyer\": \"military\",\n          \"id\": \"Intel\",\n          \"present\": \"both\""))
    }
}
