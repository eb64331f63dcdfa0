import Foundation
import ShareSimTestSupport
import Testing

/// `sharesim sensitivity --assumptions` and `sharesim montecarlo --rank` as a user meets them.
@Suite struct RankingCommandTests {
    static let assumed = "Tests/Fixtures/assumed.scn"
    static let chips = "installed share origin CN, HK in chips at 2023-01"

    @Test func assumptionsAreRankedByNameAndLineTheSameOnAnyThreads() throws {
        let args = ["sensitivity", Self.assumed, "--assumptions", "--outcome", "installed share A in telecom at 2023-12"]
        let one = try BinaryRunner.run(args + ["--threads", "1"])
        let four = try BinaryRunner.run(args + ["--threads", "4"])
        #expect(one.status == 0 && one.stderr == "" && one.stdout == four.stdout)
        #expect(one.stdout.contains("Morris elementary effects of the figures tagged [assumption], each within ±20%\nof its value, 20 trajectories (seed 1), 281 runs\n"))
        #expect(one.stdout.contains("rank  assumption                              μ*  95% interval of μ*     σ  rank at 40\n   1  share A in telecom 2021-01 (line 10)"))
        #expect(one.stdout.contains("Shares and buyer weights varied keep their segment summing to 100%:\nthe segment's others are scaled together.\n"))
        let json = try BinaryRunner.run(args + ["--by", "10%", "--format", "json"])
        #expect(json.status == 0 && json.stdout.contains("\"varied\": \"assumptions\"") && json.stdout.contains("\"spread\": 0.1"))
    }

    @Test func assumptionsOneAtATimeDrawTheirTornado() throws {
        let svg = try Fixtures.temporaryFile("assumed-tornado.svg", "")
        let run = try BinaryRunner.run(["sensitivity", Self.assumed, "--assumptions", "--method", "oat", "--by", "0.2",
                                        "--outcome", "installed share A in telecom at 2023-12", "--chart", svg])
        #expect(run.status == 0 && run.stdout.contains("assumption                            at −20%  outcome  at +20%  outcome  swing\n"))
        let drawn = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(drawn.contains("one at a time (each assumption ±20% of its value)") && drawn.contains("share A in telecom 2021-01 (line 10)"))
    }

    @Test func badSpreadsAndUntaggedScenariosAreRefused() throws {
        let outcome = ["--outcome", "installed share A in telecom at 2023-12"]
        let bare = try BinaryRunner.run(["sensitivity", Self.assumed, "--assumptions", "--by", "20"] + outcome)
        #expect(bare.status == 2 && bare.stderr.hasPrefix("--by:1:1: error: --by 20 would move each figure by 2000% of its value: a bare number is a fraction\n"))
        #expect(bare.stderr.contains("help: for 20% write --by 20%"))
        let whole = try BinaryRunner.run(["sensitivity", Self.assumed, "--assumptions", "--by", "100%"] + outcome)
        #expect(whole.status == 2 && whole.stderr.contains("--by:1:1: error: --by takes a spread above 0% and below 100%, not 100%"))
        let alone = try BinaryRunner.run(["sensitivity", Self.assumed, "--by", "20%"] + outcome)
        #expect(alone.status == 2 && alone.stderr.contains("--by says how far --assumptions moves each figure: add --assumptions"))
        let untagged = try Fixtures.temporaryFile("untagged.scn", """
            scenario "Untagged"
            timeline 2021-01 to 2021-12 monthly
            segment s lifetime 2y
            vendor A origin CN
            vendor B origin US
            share s: A 60%, B 40% [seed 1]
            """)
        let none = try BinaryRunner.run(["sensitivity", untagged, "--assumptions", "--outcome", "installed share A in s at 2021-06"])
        #expect(none.status == 2 && none.stderr.contains("error: 'Untagged' tags no figure as an assumption\n"))
        #expect(none.stderr.contains("help: tag the numbers no source gives"))
    }

    @Test func montecarloRanksTheBatchsParametersTheSameOnAnyThreads() throws {
        let args = ["montecarlo", Fixtures.oneOriginChips, "--runs", "1000", "--seed", "42", "--rank", Self.chips]
        let one = try BinaryRunner.run(args + ["--threads", "1"])
        let four = try BinaryRunner.run(args + ["--threads", "4"])
        #expect(one.status == 0 && one.stderr == "" && one.stdout == four.stdout)
        #expect(one.stdout.hasPrefix("China's chip share of Russian imports\nrank regression over 1000 runs of the Monte Carlo batch (seed 42)\n"))
        #expect(one.stdout.contains("rank  parameter    SRRC\n   1  leakage    -1.000\n\nR² of the rank regression: 1.000\n"))
        #expect(!one.stdout.contains("warning"))
        let csv = try BinaryRunner.run(args + ["--format", "csv"])
        #expect(csv.status == 0 && csv.stdout == "parameter,rank,srrc,constant\nleakage,1,-1.0,false\n")
        let json = try BinaryRunner.run(args + ["--format", "json"])
        #expect(json.status == 0 && json.stdout.contains("\"format\": \"sharesim-rank-regression\"") && json.stdout.contains("\"trusted\": true"))
    }

    @Test func montecarloRankRefusesShardsBadOutcomesAndTooLittleMemory() throws {
        let shard = try BinaryRunner.run(["montecarlo", Fixtures.oneOriginChips, "--runs", "100", "--seed", "1", "--rank", Self.chips,
                                          "--shard", "0/2", "-o", "x.mcpart"])
        #expect(shard.status == 2 && shard.stderr.contains("--rank needs every run's draws and outcome together: leave out --shard"))
        let bad = try BinaryRunner.run(["montecarlo", Fixtures.oneOriginChips, "--runs", "100", "--seed", "1", "--rank", "installed share Huawai in chips at 2023-01"])
        #expect(bad.status == 2 && bad.stderr.hasPrefix("--rank:1:17: error: "))
        let memory = try BinaryRunner.run(["montecarlo", Fixtures.oneOriginChips, "--runs", "100000", "--seed", "1", "--rank", Self.chips, "--memory", "1M"])
        #expect(memory.status == 2 && memory.stderr.contains("error: the rank regression of 100000 runs needs 5.6 MB, more than 80% of the 1 MB it may use"))
    }
}
