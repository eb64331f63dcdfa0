import Foundation
import ShareSimTestSupport
import Testing

/// `montecarlo` and `merge` in the views that read each buyer group's and channel's
/// figures: bands of the figures `run` reports in that view, the key columns of run output,
/// the same bytes however the batch is split, and parts of different views refused.
@Suite struct MonteCarloViewTests {
    static let vector = ViewCommandTests.vector
    static let chips = "scenarios/china-chip-share.scn"

    /// With nothing uncertain every run is the nominal run, so each band is `run`'s figure
    /// in the same view, to the bit, at every step.
    @Test(arguments: [("channel", "channel"), ("recorded", "recorded_origin"), ("buyer", "buyer,vendor")])
    func theBandsOfANominalBatchAreTheRunsFigures(view: String, columns: String) throws {
        let bands = try BinaryRunner.run(["montecarlo", Self.vector, "--runs", "3", "--seed", "1", "--by", view, "--share", "sales",
                                          "--bands", "5,50", "--format", "csv"])
        #expect(bands.status == 0)
        #expect(bands.stdout.hasPrefix("step,date,segment,\(columns),metric,p5,p50\n"))
        let run = try BinaryRunner.run(["run", Self.vector, "--by", view, "--format", "csv"])
        let keys = columns.split(separator: ",").count
        // run: step,date,segment,KEYS…,installed_share,sales_share,…; montecarlo: step,date,segment,KEYS…,metric,p5,p50.
        let fromRun = run.stdout.split(separator: "\n").dropFirst().map { line -> String in
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            return (f[0..<(3 + keys)] + [f[4 + keys]]).joined(separator: ",")
        }
        let fromBands = bands.stdout.split(separator: "\n").dropFirst().map { line -> String in
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            #expect(f[4 + keys] == f[5 + keys], "a nominal batch's bands are all one value")
            return (f[0..<(3 + keys)] + [f[5 + keys]]).joined(separator: ",")
        }
        #expect(fromBands.count == fromRun.count && fromBands == fromRun)
    }

    @Test func theTableAndJSONNameEachViewsRows() throws {
        let table = try BinaryRunner.run(["montecarlo", Self.chips, "--runs", "200", "--seed", "3", "--by", "recorded", "--share", "sales",
                                          "--at", "2022-01,2023-06"])
        #expect(table.status == 0)
        #expect(table.stdout.hasPrefix("China's chip share of Russian imports — sales share by recorded origin, Monte Carlo\n"))
        #expect(table.stdout.contains("\nrecorded band 2022-01 2023-06\nCN       p5     22.0%   38.4%\n"))
        let buyers = try BinaryRunner.run(["montecarlo", Self.vector, "--runs", "2", "--seed", "1", "--by", "buyer", "--at", "2021-07"])
        #expect(buyers.stdout.contains("\nbuyer    vendor   band 2021-07\nmilitary Intel    p5     46.2%\n"))
        #expect(buyers.stdout.contains("\ncivil    Intel    p5   "))
        let json = try BinaryRunner.run(["montecarlo", Self.vector, "--runs", "2", "--seed", "1", "--by", "buyer", "--format", "json"])
        #expect(json.stdout.contains("\"vendors\": [\n        {\n          \"buyer\": \"military\",\n          \"id\": \"Intel\",\n          \"p5\": ["))
        let channels = try BinaryRunner.run(["montecarlo", Self.vector, "--runs", "2", "--seed", "1", "--by", "channel", "--format", "json"])
        let doc = try JSONSerialization.jsonObject(with: Data(channels.stdout.utf8)) as? [String: Any]
        let rows = (doc?["segments"] as? [[String: Any]])?.first?["channels"] as? [[String: Any]]
        #expect(rows?.map { $0["id"] as? String } == ["direct", "via HK", "parallel", "localised"])
    }

    /// One thread or several, all values held or sifted in passes, one machine or shards
    /// merged: the same bytes, in the buyer view as in the vendor view.
    @Test func aBatchByBuyerIsTheSameBytesHoweverItIsSplit() throws {
        let batch = ["montecarlo", Self.chips, "--runs", "300", "--seed", "5", "--by", "buyer", "--format", "csv"]
        let whole = try BinaryRunner.run(batch + ["--threads", "1"])
        #expect(whole.status == 0 && whole.stdout.hasPrefix("step,date,segment,buyer,vendor,metric,p5,"))
        #expect(try BinaryRunner.run(batch + ["--threads", "3"]).stdout == whole.stdout)
        let passes = try BinaryRunner.run(batch + ["--threads", "2", "--memory", "64k"])
        #expect(passes.status == 0 && passes.stdout == whole.stdout)
        var parts: [String] = []
        for i in 0..<2 {
            let part = try Fixtures.temporaryFile("buyer-\(i).mcpart", "")
            #expect(try BinaryRunner.run(batch + ["--shard", "\(i)/2", "-o", part]).status == 0)
            parts.append(part)
        }
        #expect(try BinaryRunner.run(["merge"] + parts).stdout == whole.stdout)
    }

    @Test func mergeRefusesPartsOfDifferentViews() throws {
        let args = ["montecarlo", Self.chips, "--runs", "100", "--seed", "5", "--format", "csv"]
        let first = try Fixtures.temporaryFile("view-0.mcpart", ""), second = try Fixtures.temporaryFile("view-1.mcpart", "")
        #expect(try BinaryRunner.run(args + ["--by", "buyer", "--shard", "0/2", "-o", first]).status == 0)
        #expect(try BinaryRunner.run(args + ["--by", "recorded", "--shard", "1/2", "-o", second]).status == 0)
        let merged = try BinaryRunner.run(["merge", first, second])
        #expect(merged.status == 65)
        #expect(merged.stderr.contains("'\(second)' holds bands by recorded origin and '\(first)' by buyer group: "
                                       + "every shard of a batch is run with the same --by"))
    }

    @Test func aFanByBuyerNamesEachPanelsGroup() throws {
        let out = try Fixtures.temporaryFile("fan-buyer.svg", "")
        let chart = try BinaryRunner.run(["chart", Self.chips, "--kind", "fan", "--by", "buyer", "--vendors", "US,Europe", "--runs", "100",
                                          "--seed", "7", "-o", out])
        #expect(chart.status == 0, "\(chart.stderr)")
        let svg = try String(contentsOfFile: out, encoding: .utf8)
        #expect(svg.contains(">US for all</text>") && svg.contains(">Europe for all</text>"))
        #expect(svg.contains("installed share by buyer group, 2021-01 to 2023-12, Monte Carlo fan of 100 runs"))
    }
}
