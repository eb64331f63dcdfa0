import ArgumentParser
import ShareSimCore

struct ShareSim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sharesim",
        abstract: "Simulate vendors' market shares under trade policy scenarios.",
        discussion: """
            Write a scenario (a market, its vendors, their shares and dated policy events), run it, \
            and read each vendor's share over time. See docs/language.md for the scenario language.

            Examples:
              sharesim run scenarios/ofac-easing.scn
              sharesim run scenarios/ofac-easing.scn --format csv -o easing.csv
              sharesim test scenarios
            """,
        version: JSONReport.toolVersion,
        subcommands: [Repl.self, Run.self, Check.self, Inspect.self, TestCommand.self, Replay.self, MonteCarloCommand.self, MergeCommand.self,
                      Compare.self, SweepCommand.self, Calibrate.self, ChartCommand.self, ReportCommand.self])

    /// No command at all opens a session, as `sqlite3` and `psql` do.
    func run() throws {
        let session = try Repl.parse([])
        try session.run()
    }
}

/// The contract's exit codes (DESIGN.md).
enum ExitStatus {
    static let expectationFailed: Int32 = 1
    static let usage: Int32 = 2
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
    static let internalError: Int32 = 70
    /// An output file could not be written (sysexits' EX_CANTCREAT).
    static let cannotWrite: Int32 = 73
    static let interrupted: Int32 = 130
}
