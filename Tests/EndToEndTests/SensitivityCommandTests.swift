import Foundation
import ShareSimTestSupport
import Testing

/// `sharesim sensitivity` as a user meets it.
@Suite struct SensitivityCommandTests {
    static let outcome = "installed share origin CN, HK in chips at 2023-01"

    @Test func morrisRanksTheChipScenariosParameterTheSameOnAnyThreads() throws {
        let args = ["sensitivity", "Tests/Fixtures/chips-one-origin.scn", "--outcome", Self.outcome]
        let one = try BinaryRunner.run(args + ["--threads", "1"])
        let two = try BinaryRunner.run(args + ["--threads", "2"])
        #expect(one.status == 0 && one.stderr == "" && one.stdout == two.stdout)
        #expect(one.stdout.hasPrefix("China's chip share of Russian imports\nMorris elementary effects, 20 trajectories (seed 1), 81 runs\n"))
        #expect(one.stdout.contains("rank  parameter    μ*  95% interval of μ*     σ  rank at 40\n   1  leakage    4.4%"))
    }

    @Test func oneAtATimeDrawsItsTornadoTheSameBytesEachTime() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sharesim-sens-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = ["sensitivity", "Tests/Fixtures/chips-one-origin.scn", "--outcome", Self.outcome, "--method", "oat", "--chart"]
        let first = try BinaryRunner.run(args + [dir.appendingPathComponent("a.svg").path])
        let second = try BinaryRunner.run(args + [dir.appendingPathComponent("b.svg").path, "--threads", "1"])
        #expect(first.status == 0 && second.status == 0 && first.stdout == second.stdout)
        #expect(first.stdout.contains("leakage    0.0457    89.0%  0.0843    81.4%   7.6%\n"))
        let svg = try String(contentsOf: dir.appendingPathComponent("a.svg"), encoding: .utf8)
        #expect(svg == (try String(contentsOf: dir.appendingPathComponent("b.svg"), encoding: .utf8)))
        #expect(svg.contains("one at a time (10th and 90th percentiles)") && svg.contains("role=\"img\"") && svg.contains("leakage"))
        let morris = try BinaryRunner.run(["sensitivity", "Tests/Fixtures/chips-one-origin.scn", "--outcome", Self.outcome, "--chart", "x.svg"])
        #expect(morris.status == 2 && morris.stderr.contains("--chart draws the one-at-a-time tornado: add --method oat"))
    }

    @Test func badMethodIsAUsageError() throws {
        let run = try BinaryRunner.run(["sensitivity", "Tests/Fixtures/chips-one-origin.scn", "--outcome", Self.outcome, "--method", "sobol"])
        #expect(run.status == 2 && run.stderr.contains("--method takes morris or oat, not 'sobol'"))
        let none = try BinaryRunner.run(["sensitivity", "scenarios/huawei-substitution.scn", "--outcome", "installed share Huawei in telecom at 2020-01"])
        #expect(none.status == 2 && none.stderr.contains("has no uncertain parameter to rank"))
    }
}
