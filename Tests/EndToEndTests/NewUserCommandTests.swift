import Foundation
import ShareSimTestSupport
import Testing

/// What a new user hit on the command line (issue 7, item 8), through the built binary.
@Suite struct NewUserCommandTests {
    /// 24 months from the start of the OFAC scenario.
    static let twentyFourDates = (0..<24).map { String(format: "%04d-%02d", 2021 + $0 / 12, $0 % 12 + 1) }

    @Test func runAtTwentyFourDatesWritesEveryDateToAPipe() throws {
        let run = try BinaryRunner.run(["run", "scenarios/ofac-easing.scn", "--at", Self.twentyFourDates.joined(separator: ",")],
                                       environment: ["COLUMNS": "80"])
        #expect(run.status == 0)
        let dates = run.stdout.split(separator: "\n").filter { $0.hasPrefix("vendor") }.flatMap { $0.split(separator: " ").dropFirst(2) }
        #expect(dates.map(String.init) == Self.twentyFourDates)
        #expect(run.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test(arguments: [["montecarlo", "scenarios/china-chip-share.scn", "--runs", "200000", "--seed", "1"],
                      ["run", "scenarios/china-chip-share.scn"]])
    func anOutputInAMissingDirectoryFailsBeforeAnyWork(_ command: [String]) throws {
        let run = try BinaryRunner.run(command + ["-o", "missing-dir-\(getpid())/x.csv"])
        #expect(run.status == 73)
        #expect(run.stdout == "")
        #expect(run.stderr == "sharesim: error: cannot write 'missing-dir-\(getpid())/x.csv': no such file or directory\n")
    }
}
