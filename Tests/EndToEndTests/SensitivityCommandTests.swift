import Foundation
import ShareSimTestSupport
import Testing

/// `sharesim sensitivity` as a user meets it.
@Suite struct SensitivityCommandTests {
    static let outcome = "installed share origin CN, HK in chips at 2023-01"

    @Test func morrisRanksTheChipScenariosParameterTheSameOnAnyThreads() throws {
        let args = ["sensitivity", "scenarios/china-chip-share.scn", "--outcome", Self.outcome]
        let one = try BinaryRunner.run(args + ["--threads", "1"])
        let two = try BinaryRunner.run(args + ["--threads", "2"])
        #expect(one.status == 0 && one.stderr == "" && one.stdout == two.stdout)
        #expect(one.stdout.hasPrefix("China's chip share of Russian imports\nMorris elementary effects, 20 trajectories (seed 1), 81 runs\n"))
        #expect(one.stdout.contains("rank  parameter    μ*  95% interval of μ*     σ  rank at 40\n   1  leakage    4.4%"))
    }

    @Test func badMethodIsAUsageError() throws {
        let run = try BinaryRunner.run(["sensitivity", "scenarios/china-chip-share.scn", "--outcome", Self.outcome, "--method", "sobol"])
        #expect(run.status == 2 && run.stderr.contains("--method takes morris or oat, not 'sobol'"))
        let none = try BinaryRunner.run(["sensitivity", "scenarios/huawei-substitution.scn", "--outcome", "installed share Huawei in telecom at 2020-01"])
        #expect(none.status == 2 && none.stderr.contains("has no uncertain parameter to rank"))
    }
}
