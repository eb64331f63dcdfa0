import Foundation
import ShareSimTestSupport
import Testing

/// `run --by` in every view and format, on the conformance vector with channels; the views
/// other commands do not read yet are refused with a hint.
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

    @Test func compareAndMonteCarloReadVendorsAndOriginsOnly() throws {
        let compare = try BinaryRunner.run(["compare", Self.vector, Self.vector, "--by", "channel"])
        #expect(compare.status == 2)
        #expect(compare.stderr.contains("compare --by is vendor or origin; 'sharesim run --by channel' shows the channel view"))
    }
}
